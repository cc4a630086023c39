import { type Invitation, OrgPortError, throwIfAborted } from '@orgport/core';
import { type InvitationPort, offsetCursor } from '@orgport/core/driver';
import type { BetterAuthContext, ResolvedBetterAuth } from '../better-auth-context.js';
import type { InvitationRow, MemberRow } from '../model/better-auth-rows.js';
import { parseRoleList } from '../model/role-kinds.js';
import { grantRolesOf, roleGrant } from '../model/to-member.js';
import { pageOf } from './offset-page.js';
import { requireOrganization } from './organizations-port.js';
import { requireRoles } from './role-catalog.js';

const iso = (value: Date | string | undefined): string | undefined =>
  value === undefined ? undefined : new Date(value).toISOString();

function toInvitation(row: InvitationRow, auth: ResolvedBetterAuth, now: number): Invitation {
  const expiresAt = iso(row.expiresAt);
  const createdAt = iso(row.createdAt);
  return {
    id: row.id,
    organizationId: row.organizationId,
    email: row.email,
    grants: grantRolesOf(row.role ?? '', auth.classes).map(roleGrant),
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt, expired: Date.parse(expiresAt) <= now } : {}),
  };
}

/** The inviter Better Auth requires: the configured one, else an owner, else an admin of the organization. */
async function inviterOf(
  context: BetterAuthContext,
  auth: ResolvedBetterAuth,
  organizationId: string,
): Promise<{ id: string; member: MemberRow | undefined }> {
  const members = await auth.db.findMany<MemberRow>({
    model: 'member',
    where: [{ field: 'organizationId', value: organizationId }],
    sortBy: { field: 'createdAt', direction: 'asc' },
    limit: 1000,
  });
  if (context.inviterId)
    return { id: context.inviterId, member: members.find((row) => row.userId === context.inviterId) };
  for (const roles of [[auth.classes.creator], auth.classes.admin]) {
    const holder = members.find((row) => parseRoleList(row.role).some((role) => roles.includes(role)));
    if (holder) return { id: holder.userId, member: holder };
  }
  throw new OrgPortError(
    'failed_precondition',
    `organization ${organizationId} has no owner or admin to record as the inviter: Better Auth requires one (set inviterId)`,
    { vendor: context.vendor },
  );
}

/**
 * Invitations through the data layer (`createInvitation`, `updateInvitation`): Better
 * Auth's invite and cancel calls need a member's session. The plugin's checks are kept —
 * known roles, no invitation for a current member or a second pending one, the app's
 * `invitationLimit` (default 100 pending per organization) — but its `sendInvitationEmail`
 * is not called: the app sends the emails for pending invitations itself.
 */
export function betterAuthInvitationsPort(context: BetterAuthContext): InvitationPort {
  const { vendor } = context;
  const pendingRow = async (auth: ResolvedBetterAuth, organizationId: string, invitationId: string) => {
    const row = (await auth.org.findInvitationById(invitationId)) as InvitationRow | null;
    if (!row || row.organizationId !== organizationId || row.status !== 'pending')
      throw new OrgPortError('not_found', `No pending invitation with id ${invitationId}`, { vendor });
    return row;
  };
  return {
    list: (organizationId, { cursor, pageSize, signal }) =>
      context.run(signal, async (auth) => {
        const { page, size, offset } = pageOf(cursor, pageSize, context.pageSize);
        const rows = await auth.db.findMany<InvitationRow>({
          model: 'invitation',
          where: [
            { field: 'organizationId', value: organizationId },
            { field: 'status', value: 'pending' },
          ],
          limit: size,
          offset,
          sortBy: { field: 'id', direction: 'asc' },
        });
        if (rows.length === 0 && page === 0) await requireOrganization(auth, organizationId);
        const now = Date.now();
        return {
          items: rows.map((row) => toInvitation(row, auth, now)),
          next: offsetCursor.after(page, size, rows.length),
        };
      }),
    get: (organizationId, invitationId, { signal }) =>
      context.run(signal, async (auth) =>
        toInvitation(await pendingRow(auth, organizationId, invitationId), auth, Date.now()),
      ),
    create: (organizationId, input, { signal }) =>
      context.run(signal, async (auth) => {
        const organization = await requireOrganization(auth, organizationId);
        const email = input.email.toLowerCase();
        const roles = [...new Set((input.grants ?? []).map((grant) => grant.groupId))];
        await requireRoles(auth, organizationId, roles);
        const existing = await auth.users.findUserByEmail(email);
        if (existing && (await auth.org.findMemberByOrgId({ userId: existing.user.id, organizationId })))
          throw new OrgPortError(
            'failed_precondition',
            `${email} is already a member of organization ${organizationId}`,
            {
              vendor,
            },
          );
        const pending = (await auth.org.findPendingInvitations({ organizationId })) as InvitationRow[];
        if (pending.some((row) => row.email.toLowerCase() === email))
          throw new OrgPortError(
            'already_exists',
            `${email} already has a pending invitation to ${organizationId}`,
            {
              vendor,
            },
          );
        const inviter = await inviterOf(context, auth, organizationId);
        const limitOption = auth.options.invitationLimit;
        const limit =
          typeof limitOption === 'function'
            ? Number(
                await (limitOption as (input: unknown, ctx: unknown) => unknown)(
                  { user: await auth.users.findUserById(inviter.id), organization, member: inviter.member },
                  undefined,
                ),
              )
            : (limitOption ?? 100);
        if (pending.length >= limit)
          throw new OrgPortError(
            'failed_precondition',
            `Better Auth refused: organization ${organizationId} has ${pending.length} pending invitations, the app's invitationLimit (${limit}; Better Auth's default is 100): raise organization({ invitationLimit })`,
            { vendor, errorCode: 'INVITATION_LIMIT_REACHED' },
          );
        throwIfAborted(signal, vendor);
        const created = (await auth.org.createInvitation({
          invitation: {
            email,
            role: roles.length > 0 ? roles.join(',') : auth.classes.base,
            organizationId,
            // Without teamIds the plugin's createInvitation crashes.
            teamIds: [],
            ...(input.ttlSeconds !== undefined
              ? { expiresAt: new Date(Date.now() + input.ttlSeconds * 1000) }
              : {}),
          },
          user: { id: inviter.id },
        })) as InvitationRow;
        return toInvitation(created, auth, Date.now());
      }),
    delete: (organizationId, invitationId, { signal }) =>
      context.run(signal, async (auth) => {
        await pendingRow(auth, organizationId, invitationId);
        throwIfAborted(signal, vendor);
        await auth.org.updateInvitation({ invitationId, status: 'canceled', fromStatus: 'pending' });
      }),
  };
}
