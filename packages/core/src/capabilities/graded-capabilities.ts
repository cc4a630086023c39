/**
 * The one definition of the graded (non-boolean) capabilities: for each, its values, the
 * value a manifest gets when it does not mention it, the value that means the vendor lacks
 * it (`null`: always present), and what it says. The types, `defineCapabilities`,
 * `hasCapability` and the docs table (held to it by a test) all come from here.
 */
export const GRADED_CAPABILITIES = {
  pagination: {
    values: ['checkpoint', 'offset', 'none'],
    default: 'none',
    absent: null,
    doc: 'How the vendor pages lists: cursors, page numbers, or not at all.',
  },
  rolesPerMember: {
    values: ['none', 'many', 'one', 'one-per-product'],
    default: 'none',
    absent: 'none',
    doc: 'How many permission groups a member can hold: none, many organization-wide, one organization-wide (a single role per membership, as on Clerk and WorkOS), or one per product.',
  },
  grantScopes: {
    values: ['none', 'organization', 'product', 'organization+product'],
    default: 'none',
    absent: 'none',
    doc: 'Which scopes grants live in.',
  },
  memberKinds: {
    values: ['none', 'native', 'mapped'],
    default: 'none',
    absent: 'none',
    doc: 'Whether admins and billing managers are native to the vendor or mapped from roles.',
  },
  consistency: {
    values: ['strong', 'eventual'],
    default: 'strong',
    absent: null,
    doc: 'Whether a read right after a write sees it.',
  },
  grantsOfAdmins: {
    values: ['explicit', 'implicit'],
    default: 'explicit',
    absent: null,
    doc: 'Whether admins’ grants are stored, or implied (admins hold every permission and their groups cannot be set).',
  },
  invitationGrants: {
    values: ['none', 'one', 'at-most-one', 'many'],
    default: 'none',
    absent: 'none',
    doc: 'How many grants an invitation can carry: none, exactly one (required), at most one (optional), or many.',
  },
  kindsPerMember: {
    values: ['many', 'one'],
    default: 'many',
    absent: null,
    doc: 'How many kinds besides member one member can hold: many, or one (granting one replaces the other).',
  },
} as const;

/** The name of a graded capability. */
export type GradedCapabilityName = keyof typeof GRADED_CAPABILITIES;

/** The values one graded capability takes. */
export type GradedValue<K extends GradedCapabilityName> = (typeof GRADED_CAPABILITIES)[K]['values'][number];

/** The graded capabilities' names, in their declared order. */
export const GRADED_CAPABILITY_NAMES = Object.keys(GRADED_CAPABILITIES) as GradedCapabilityName[];
