import 'reflect-metadata';
import type { Adapter, Directory } from '@orgport/core';
import { createDirectory, type DirectoryOptions } from '@orgport/core';
import { ContainerModule } from 'inversify';
import { TOKENS } from './tokens.js';

/**
 * An inversify module that binds {@link TOKENS.Directory} (singleton) to a facade over
 * whatever is bound to {@link TOKENS.Adapter} (an adapter module such as
 * `auth0Module(options)` binds that).
 *
 * @example
 * ```ts
 * const container = new Container();
 * await container.load(auth0Module({ domain, clientId, clientSecret }), directoryModule());
 * const directory = container.get<Directory>(TOKENS.Directory);
 * ```
 */
export function directoryModule(options: DirectoryOptions = {}): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Directory>(TOKENS.Directory)
      .toResolvedValue((adapter: Adapter) => createDirectory(adapter, options), [TOKENS.Adapter])
      .inSingletonScope();
  });
}

/**
 * An inversify module that binds {@link TOKENS.Adapter} to the adapter `factory` builds
 * (once). Adapter packages export their module built on this.
 */
export function adapterModule(factory: () => Adapter): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Adapter>(TOKENS.Adapter).toDynamicValue(factory).inSingletonScope();
  });
}
