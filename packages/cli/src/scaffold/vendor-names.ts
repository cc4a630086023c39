import { OrgPortError } from '@orgport/core/errors';

/** The spellings of a new vendor's name that its files use. */
export interface VendorNames {
  /** `acme-cloud`: folders, package names, the vendor name. */
  readonly kebab: string;
  /** `AcmeCloud`: types. */
  readonly pascal: string;
  /** `acmeCloud`: values. */
  readonly camel: string;
  /** `ACME_CLOUD`: constants and environment variables. */
  readonly constant: string;
}

/** Checks and spells a vendor name; `invalid_argument` unless it is 2–31 lowercase letters, digits and dashes, starting with a letter. */
export function vendorNames(name: string): VendorNames {
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(name) || name.endsWith('-') || name.includes('--'))
    throw new OrgPortError(
      'invalid_argument',
      'the vendor name must be 2–31 lowercase letters, digits and single dashes, starting with a letter (e.g. acme-cloud)',
    );
  const words = name.split('-');
  const pascal = words.map((word) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`).join('');
  return {
    kebab: name,
    pascal,
    camel: `${pascal[0]?.toLowerCase() ?? ''}${pascal.slice(1)}`,
    constant: words.join('_').toUpperCase(),
  };
}
