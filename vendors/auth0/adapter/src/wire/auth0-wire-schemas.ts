import { z } from 'zod';

/** An organization on the wire (unset optional fields are absent). */
export const WireOrganization = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string().optional(),
  branding: z
    .object({
      logo_url: z.string().optional(),
      colors: z.object({ primary: z.string(), page_background: z.string() }).optional(),
    })
    .optional(),
  metadata: z.record(z.string(), z.string().nullable()).optional(),
});

/** A role as embedded in members (`fields=roles`) or listed. */
export const WireRole = z.object({ id: z.string(), name: z.string(), description: z.string().nullish() });

/** A member on the wire. */
export const WireMember = z.object({
  user_id: z.string(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  picture: z.string().nullish(),
  roles: z.array(WireRole).nullish(),
});

/** An enabled connection. */
export const WireEnabledConnection = z.object({
  connection_id: z.string(),
  assign_membership_on_login: z.boolean(),
  show_as_button: z.boolean().optional(),
  is_signup_enabled: z.boolean().optional(),
  connection: z.object({ name: z.string().optional(), strategy: z.string().optional() }).optional(),
});

/** An invitation. */
export const WireInvitation = z.object({
  id: z.string(),
  organization_id: z.string().optional(),
  inviter: z.object({ name: z.string() }).optional(),
  invitee: z.object({ email: z.string() }),
  invitation_url: z.string().optional(),
  created_at: z.string().optional(),
  expires_at: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

/** A client grant (list shape, or the observed association shape keyed `grant_id`). */
export const WireClientGrant = z
  .object({
    id: z.string().optional(),
    grant_id: z.string().optional(),
    client_id: z.string(),
    audience: z.string(),
    scope: z.array(z.string()).default([]),
  })
  .refine((grant) => grant.id !== undefined || grant.grant_id !== undefined, {
    error: 'id or grant_id is required',
  });

/** The token endpoint's answer. */
export const WireToken = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** Built list schemas, so each is compiled once (zod compiles a schema on first use). */
const listSchemas = new WeakMap<z.ZodType, Map<string, z.ZodType>>();

/**
 * Any of Auth0's three list shapes — bare array, offset envelope, checkpoint envelope —
 * normalised to `{ items, next?, total? }`. A bare array is read as the envelope's list,
 * so a drifted item is reported by its path (`members[3].user_id`). Accepts `null` lists.
 * Memoised per key and item schema.
 */
export function wireList<T extends z.ZodType>(key: string, item: T) {
  const build = () => {
    const envelope = z.object({
      [key]: z.array(item).nullish(),
      next: z.string().optional(),
      total: z.number().optional(),
    });
    return z
      .preprocess((value) => (Array.isArray(value) ? { [key]: value } : value), envelope)
      .transform((value) => {
        const record = value as Record<string, unknown>;
        return {
          items: (record[key] ?? []) as z.infer<T>[],
          next: record.next as string | undefined,
          total: record.total as number | undefined,
        };
      });
  };
  let byKey = listSchemas.get(item);
  if (!byKey) {
    byKey = new Map();
    listSchemas.set(item, byKey);
  }
  let schema = byKey.get(key) as ReturnType<typeof build> | undefined;
  if (!schema) {
    schema = build();
    byKey.set(key, schema);
  }
  return schema;
}
