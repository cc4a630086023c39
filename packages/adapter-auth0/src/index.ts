/** Placeholder until the package's issue lands. @packageDocumentation */
export const PACKAGE_STATUS = 'skeleton' as const;
