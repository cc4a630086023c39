import { InvitationSchema, MemberSchema, OrganizationSchema } from '@orgport/core';
import { z } from 'zod';

/** The snapshot format version this library writes and reads. */
export const SNAPSHOT_VERSION = 1;

/** One organization in a snapshot, with its members and pending invitations. */
export const SnapshotOrganizationSchema = z.object({
  organization: OrganizationSchema,
  members: z.array(MemberSchema),
  invitations: z.array(InvitationSchema),
});

/** A snapshot organization; see {@link SnapshotOrganizationSchema}. */
export type SnapshotOrganization = z.infer<typeof SnapshotOrganizationSchema>;

/** The header every snapshot starts with. */
export const SnapshotHeaderSchema = z.object({
  format: z.literal('orgport.snapshot'),
  version: z.literal(SNAPSHOT_VERSION),
  createdAt: z.string(),
  source: z.object({ vendor: z.string() }),
});

/** A snapshot header. */
export type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;

/**
 * A versioned, vendor-neutral export: organizations, their members (users, kinds, roles,
 * grants) and pending invitations. Written as one JSON document or as NDJSON records.
 */
export const SnapshotSchema = SnapshotHeaderSchema.extend({
  organizations: z.array(SnapshotOrganizationSchema),
});

/** A snapshot; see {@link SnapshotSchema}. */
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * One NDJSON line of a streamed snapshot: the header first, the trailer (with the counts of
 * what came before) last. A snapshot without its trailer was cut short and is refused.
 */
export const SnapshotRecordSchema = z.discriminatedUnion('type', [
  SnapshotHeaderSchema.extend({ type: z.literal('header') }),
  z.object({ type: z.literal('organization'), organization: OrganizationSchema }),
  z.object({ type: z.literal('member'), organizationId: z.string(), member: MemberSchema }),
  z.object({ type: z.literal('invitation'), organizationId: z.string(), invitation: InvitationSchema }),
  z.object({
    type: z.literal('trailer'),
    organizations: z.number().int().min(0),
    members: z.number().int().min(0),
    invitations: z.number().int().min(0),
  }),
]);

/** One record of a streamed snapshot. */
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;
