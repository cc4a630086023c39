import { z } from 'zod';
import { IdSchema } from './id.js';

/** Branding of an organization's login pages (Auth0 has it; others may not). */
export const BrandingSchema = z
  .object({
    logoUrl: z.string().optional(),
    colors: z.object({ primary: z.string(), pageBackground: z.string() }).readonly().optional(),
  })
  .readonly();

/** Branding of an organization. */
export interface Branding {
  readonly logoUrl?: string | undefined;
  readonly colors?: { readonly primary: string; readonly pageBackground: string } | undefined;
}

/** Free-form string metadata attached to an organization. */
export const MetadataSchema = z.record(z.string(), z.string().nullable()).readonly();

/** Free-form string metadata. */
export type Metadata = Readonly<Record<string, string | null>>;

/**
 * An organization (tenant, workspace, account…): the unit that has members.
 * `name` is the vendor's unique, machine-friendly name; `displayName` the human one.
 */
export const OrganizationSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1),
    displayName: z.string().optional(),
    metadata: MetadataSchema.optional(),
    branding: BrandingSchema.optional(),
  })
  .readonly();

/** An organization; see {@link OrganizationSchema}. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly displayName?: string | undefined;
  readonly metadata?: Metadata | undefined;
  readonly branding?: Branding | undefined;
}
