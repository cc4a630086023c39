import { adapterModule } from '@orgport/core';
import type { ContainerModule } from 'inversify';
import type { Auth0AdapterOptions } from './auth0-adapter-options.js';
import { createAuth0Adapter } from './create-auth0-adapter.js';

/**
 * An inversify module binding `TOKENS.Adapter` to an Auth0 adapter; load it with
 * `directoryModule()` to get a `Directory`.
 *
 * @example
 * ```ts
 * await container.load(auth0Module({ domain, clientId, clientSecret }), directoryModule());
 * ```
 */
export function auth0Module(options: Auth0AdapterOptions): ContainerModule {
  return adapterModule(() => createAuth0Adapter(options));
}
