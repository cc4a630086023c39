import { z } from 'zod';
import { EmailSchema, IdSchema } from './id.js';
import {
  type GrantInput,
  GrantInputSchema,
  type PermissionGrant,
  PermissionGrantSchema,
} from './permission-grant.js';

/** A pending (or expired) invitation of an email address to an organization. */
export const InvitationSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    email: z.string(),
    inviterName: z.string().optional(),
    grants: z.array(PermissionGrantSchema).readonly(),
    createdAt: z.string().optional(),
    expiresAt: z.string().optional(),
    expired: z.boolean().optional(),
    url: z.string().optional(),
  })
  .readonly();

/** An invitation; see {@link InvitationSchema}. */
export interface Invitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly inviterName?: string | undefined;
  readonly grants: readonly PermissionGrant[];
  readonly createdAt?: string | undefined;
  readonly expiresAt?: string | undefined;
  readonly expired?: boolean | undefined;
  readonly url?: string | undefined;
}

/** What callers pass to invite someone: the email and the groups the invitee will join. */
export const CreateInvitationInputSchema = z
  .object({
    email: EmailSchema,
    inviterName: z.string().min(1).max(300).optional(),
    grants: z.array(GrantInputSchema).max(50).readonly().optional(),
    ttlSeconds: z.number().int().min(1).max(2_592_000).optional(),
  })
  .strict()
  .readonly();

/** What callers pass to invite someone; see {@link CreateInvitationInputSchema}. */
export interface CreateInvitationInput {
  readonly email: string;
  readonly inviterName?: string | undefined;
  readonly grants?: readonly GrantInput[] | undefined;
  readonly ttlSeconds?: number | undefined;
}
