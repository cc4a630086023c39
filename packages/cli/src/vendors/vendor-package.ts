import type { VendorDefinition } from '@orgport/core/driver';

/** One vendor folder as the generated registry lists it: its name, package, and definition loader. */
export interface VendorPackage {
  /** The vendor's folder under `vendors/`, which is its name. */
  readonly name: string;
  /** The adapter package, e.g. `@orgport/adapter-auth0`. */
  readonly packageName: string;
  /** Imports the package's `./vendor` entry and returns its definition. */
  readonly load: () => Promise<VendorDefinition<object>>;
}
