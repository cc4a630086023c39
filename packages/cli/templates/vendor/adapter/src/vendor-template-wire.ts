import { z } from 'zod';

/** An organization as the API sends it. */
export const WireOrganization = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string().optional(),
});

/** A membership as the API sends it. */
export const WireMember = z.object({
  user: z.object({ id: z.string(), email: z.string().optional(), name: z.string().optional() }),
  role: z.enum(['member', 'admin']),
});

/** One page of a cursor list: `{ data, list_metadata: { after } }`. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), list_metadata: z.object({ after: z.string().nullable() }) });

/** A page of organizations. */
export const WireOrganizations = listOf(WireOrganization);

/** A page of members. */
export const WireMembers = listOf(WireMember);
