import type { Adapter, Directory } from '@orgport/core';
import { defineCapabilities } from '@orgport/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { adapterModule, directoryModule } from '../src/directory-module.js';
import { TOKENS } from '../src/tokens.js';

describe('dependency injection', () => {
  it('binds a Directory over the adapter bound by an adapter module, once', async () => {
    let built = 0;
    const adapter: Adapter = {
      name: 'di-test',
      capabilities: defineCapabilities({ 'organizations.get': true }),
      organizations: { get: async (id) => ({ id, name: `org ${id}` }) },
    };
    const container = new Container();
    await container.load(
      adapterModule(() => {
        built++;
        return adapter;
      }),
      directoryModule({ pageSize: 10 }),
    );
    const directory = container.get<Directory>(TOKENS.Directory);
    expect(directory).toBe(container.get<Directory>(TOKENS.Directory));
    expect(directory.name).toBe('di-test');
    expect(await directory.organizations.get('o1')).toEqual({ id: 'o1', name: 'org o1' });
    expect(built).toBe(1);
  });

  it('uses Symbol.for tokens so every copy of core agrees', () => {
    expect(TOKENS.Directory).toBe(Symbol.for('@orgport/core/Directory'));
    expect(TOKENS.Adapter).toBe(Symbol.for('@orgport/core/Adapter'));
  });
});
