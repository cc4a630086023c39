import { z } from 'zod';
import { type Branding, BrandingSchema, type Metadata, MetadataSchema } from './organization.js';

// Vendor-neutral limits; adapters enforce their vendor's stricter rules themselves.
const NameSchema = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(255, { error: 'must be at most 255 characters' })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
  .refine((value) => !/[\u0000-\u001f\u007f]/u.test(value), {
    error: 'must not contain control characters',
  });

/** What callers pass to create an organization. */
export const CreateOrganizationInputSchema = z
  .object({
    name: NameSchema,
    displayName: z.string().min(1).max(255).optional(),
    metadata: MetadataSchema.optional(),
    branding: BrandingSchema.optional(),
  })
  .strict()
  .readonly();

/** What callers pass to create an organization; see {@link CreateOrganizationInputSchema}. */
export interface CreateOrganizationInput {
  readonly name: string;
  readonly displayName?: string | undefined;
  readonly metadata?: Metadata | undefined;
  readonly branding?: Branding | undefined;
}

/** What callers pass to change an organization: any non-empty subset of the create fields. */
export const UpdateOrganizationInputSchema = z
  .object({
    name: NameSchema.optional(),
    displayName: z.string().min(1).max(255).optional(),
    metadata: MetadataSchema.optional(),
    branding: BrandingSchema.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { error: 'must change at least one field' })
  .readonly();

/** What callers pass to change an organization; see {@link UpdateOrganizationInputSchema}. */
export interface UpdateOrganizationInput {
  readonly name?: string | undefined;
  readonly displayName?: string | undefined;
  readonly metadata?: Metadata | undefined;
  readonly branding?: Branding | undefined;
}
