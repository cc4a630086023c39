import type { SimInvitation, SimMembership, SimOrganization, SimRole, SimUser } from './clerk-store.js';

// Bodies as the Backend API spec (bapi 2026-05-12) shapes them: every required field, the
// spec's nulls, Unix-millisecond timestamps. The adapter's tests validate them against the
// spec's schemas.

const IMAGE = 'https://img.clerk.invalid/placeholder';

/** `Organization`. */
export function renderOrganization(org: SimOrganization, membersCount?: number) {
  return {
    object: 'organization',
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: IMAGE,
    has_image: false,
    ...(membersCount !== undefined ? { members_count: membersCount } : {}),
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: org.publicMetadata,
    private_metadata: org.privateMetadata,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  };
}

/** `OrganizationMembership`, with its organization and the user's public data. */
export function renderMembership(
  membership: SimMembership,
  org: SimOrganization,
  user: SimUser | undefined,
  role: SimRole | undefined,
) {
  return {
    object: 'organization_membership',
    id: membership.id,
    role: membership.role,
    role_name: role?.name ?? membership.role,
    permissions: role?.permissions ?? [],
    public_metadata: {},
    private_metadata: {},
    organization: renderOrganization(org),
    public_user_data: {
      user_id: membership.userId,
      first_name: user?.firstName ?? null,
      last_name: user?.lastName ?? null,
      profile_image_url: IMAGE,
      image_url: IMAGE,
      has_image: false,
      identifier: user?.email ?? null,
    },
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}

/** `OrganizationInvitation`. */
export function renderInvitation(invitation: SimInvitation, role: SimRole | undefined) {
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.email,
    role: invitation.role,
    role_name: role?.name ?? invitation.role,
    organization_id: invitation.organizationId,
    inviter_id: null,
    public_inviter_data: null,
    status: invitation.status,
    public_metadata: {},
    private_metadata: {},
    url: null,
    expires_at: invitation.expiresAt,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

/** `Permission`, from a role's permission key. */
function renderPermission(key: string, createdAt: number) {
  return {
    object: 'permission',
    id: `perm_${key.replace(/[^a-z0-9]/gi, '_')}`,
    name: key,
    key,
    description: '',
    type: key.startsWith('org:sys_') ? 'system' : 'user',
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** `Role`. */
export function renderRole(role: SimRole) {
  return {
    object: 'role',
    id: role.id,
    name: role.name,
    key: role.key,
    description: role.description,
    is_creator_eligible: role.key === 'org:admin',
    permissions: role.permissions.map((key) => renderPermission(key, role.createdAt)),
    created_at: role.createdAt,
    updated_at: role.createdAt,
  };
}

/** `User`: every required field, most of them empty. */
export function renderUser(user: SimUser) {
  const emailId = `idn_${user.id.slice(5)}`;
  return {
    id: user.id,
    object: 'user',
    external_id: null,
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: null,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: IMAGE,
    has_image: false,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    email_addresses: [
      {
        id: emailId,
        object: 'email_address',
        email_address: user.email,
        reserved: false,
        verification: null,
        linked_to: [],
        created_at: user.createdAt,
        updated_at: user.createdAt,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    updated_at: user.createdAt,
    created_at: user.createdAt,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    legal_accepted_at: null,
  };
}

/** `ClerkErrors`. */
export function clerkErrors(code: string, message: string, longMessage = message) {
  return { errors: [{ message, long_message: longMessage, code }], clerk_trace_id: 'sim' };
}
