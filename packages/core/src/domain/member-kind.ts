import { z } from 'zod';

/**
 * How a user belongs to an organization. `member` is ordinary membership; `admin` and
 * `billing_manager` are organization-level roles (native on the cloud-org API, mapped from
 * configured role names on Auth0). A user may hold several kinds at once.
 */
export const MemberKindSchema = z.enum(['member', 'admin', 'billing_manager']);

/** How a user belongs to an organization; see {@link MemberKindSchema}. */
export type MemberKind = z.infer<typeof MemberKindSchema>;
