import { auth0Vendor } from '@orgport/adapter-auth0/vendor';
import { OrgPortError } from '@orgport/core';
import { describe, expect, it } from 'vitest';
import { loadVendors } from '../src/vendors/vendor-lookup.js';
import { VENDOR_PACKAGES } from '../src/vendors/vendor-registry.js';

// A package name that no workspace or registry holds, imported the way the generated
// registry imports a vendor's `./vendor` entry.
const absent = '@orgport/adapter-not-installed-here/vendor';
const absentPackage = '@orgport/adapter-not-installed-here';

describe('the vendor registry', () => {
  it('reports a listed vendor whose package is not installed by name, and keeps the others', async () => {
    const lookup = await loadVendors([
      { name: 'auth0', packageName: '@orgport/adapter-auth0', load: async () => auth0Vendor },
      {
        name: 'ghost',
        packageName: absentPackage,
        load: async () => (await import(/* @vite-ignore */ absent)).ghostVendor,
      },
    ]);
    expect([...lookup.vendors.keys()]).toEqual(['auth0']);
    expect([...lookup.missing]).toEqual([['ghost', absentPackage]]);
    expect(() => lookup.named('ghost')).toThrow(
      new OrgPortError(
        'failed_precondition',
        `vendor "ghost" is listed but its package ${absentPackage} is not installed (run pnpm install)`,
      ),
    );
    expect(() => lookup.named('nobody')).toThrow(/unknown vendor "nobody" \(known: auth0\)/);
    expect(lookup.named('auth0')).toBe(auth0Vendor);
  });

  it('throws what else goes wrong loading a vendor: a broken vendor is a bug, not a missing one', async () => {
    // An installed package missing a module of its own is broken, not absent.
    await expect(
      loadVendors([
        {
          name: 'auth0',
          packageName: '@orgport/adapter-auth0',
          load: async () => (await import(/* @vite-ignore */ absent)).auth0Vendor,
        },
      ]),
    ).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
    await expect(
      loadVendors([
        {
          name: 'broken',
          packageName: '@orgport/adapter-broken',
          load: async () => {
            throw new TypeError('cannot read properties of undefined');
          },
        },
      ]),
    ).rejects.toThrow(TypeError);
  });

  it('lists every vendor folder, each loading a definition of that name', async () => {
    const lookup = await loadVendors(VENDOR_PACKAGES);
    expect(lookup.missing.size).toBe(0);
    expect([...lookup.vendors.keys()]).toEqual(VENDOR_PACKAGES.map((entry) => entry.name));
  });
});
