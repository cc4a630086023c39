import { z } from 'zod';

// Only the fields the adapter reads, tolerant of extra fields and of the nulls the community
// emulator sends where the spec (bapi 2026-05-12) says string. The full spec schemas check
// answers in the tests (test/spec).

/** A Clerk timestamp: Unix milliseconds in the spec (the emulator sends seconds). */
const Timestamp = z.number().nullish();

/** `Organization`. */
export const WireOrganization = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  private_metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: Timestamp,
});

/** `Organizations` (offset page). */
export const WireOrganizations = z.object({ data: z.array(WireOrganization), total_count: z.number() });

/** `OrganizationMembershipPublicUserData`. */
export const WirePublicUserData = z.object({
  user_id: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  identifier: z.string().nullish(),
  image_url: z.string().nullish(),
});

/** `OrganizationMembership`. */
export const WireMembership = z.object({
  id: z.string(),
  role: z.string(),
  // Required by the spec, absent from the emulator's answers.
  role_name: z.string().nullish(),
  organization: WireOrganization,
  public_user_data: WirePublicUserData.nullish(),
});

/** `OrganizationMemberships` (offset page). */
export const WireMemberships = z.object({ data: z.array(WireMembership), total_count: z.number() });

/** `OrganizationInvitation`. */
export const WireInvitation = z.object({
  id: z.string(),
  email_address: z.string(),
  role: z.string(),
  role_name: z.string().nullish(),
  organization_id: z.string().nullish(),
  status: z.string().nullish(),
  url: z.string().nullish(),
  expires_at: Timestamp,
  created_at: Timestamp,
});

/** `OrganizationInvitations` (offset page). */
export const WireInvitations = z.object({ data: z.array(WireInvitation), total_count: z.number() });

/** `Role` (permissions are read by key only). */
export const WireRole = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullish(),
});

/** `Roles` (offset page). */
export const WireRoles = z.object({ data: z.array(WireRole), total_count: z.number() });

/** `User`, as much as orgport reads. */
export const WireUser = z.object({
  id: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z.array(z.object({ id: z.string(), email_address: z.string() })).nullish(),
});

/**
 * `GET /users`: a bare array in the spec (`User.List`); the community emulator wraps it in
 * `{ data, total_count }`. Both read as the array.
 */
export const WireUsers = z
  .union([z.array(WireUser), z.object({ data: z.array(WireUser) })])
  .transform((body) => (Array.isArray(body) ? body : body.data));
