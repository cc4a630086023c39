/** A `where` clause of Better Auth's database adapter. */
export interface WhereClause {
  readonly field: string;
  readonly value: unknown;
  readonly operator?: 'eq' | 'ne' | 'in' | 'not_in' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains';
}

/** The database adapter of a Better Auth context (`(await auth.$context).adapter`), as used here. */
export interface DatabaseAdapter {
  findOne<T>(query: { model: string; where: readonly WhereClause[] }): Promise<T | null>;
  findMany<T>(query: {
    model: string;
    where?: readonly WhereClause[];
    limit?: number;
    offset?: number;
    sortBy?: { field: string; direction: 'asc' | 'desc' };
  }): Promise<T[]>;
  count(query: { model: string; where?: readonly WhereClause[] }): Promise<number>;
  create<T>(query: { model: string; data: Record<string, unknown>; forceAllowId?: boolean }): Promise<T>;
  update<T>(query: {
    model: string;
    where: readonly WhereClause[];
    update: Record<string, unknown>;
  }): Promise<T | null>;
  delete(query: { model: string; where: readonly WhereClause[] }): Promise<void>;
}

/** A row of Better Auth's `user` table. */
export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name?: string | null;
  readonly image?: string | null;
}

/** A row of the organization plugin's `organization` table (metadata as stored: a JSON string, or an object). */
export interface OrganizationRow {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly logo?: string | null;
  readonly metadata?: unknown;
  readonly createdAt?: Date | string;
}

/** A row of the `member` table: `role` is a comma-separated list of role names. */
export interface MemberRow {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly role: string;
  readonly createdAt?: Date | string;
}

/** A member row with its user, as the plugin's `listMembers` returns it. */
export interface MemberWithUser extends MemberRow {
  readonly user: UserRow;
}

/** A row of the `invitation` table. */
export interface InvitationRow {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly role?: string | null;
  readonly status: string;
  readonly inviterId: string;
  readonly expiresAt: Date | string;
  readonly createdAt?: Date | string;
}

/** A row of the `organizationRole` table (dynamic access control): a custom role of one organization. */
export interface OrganizationRoleRow {
  readonly id: string;
  readonly organizationId: string;
  readonly role: string;
  readonly permission: string;
}
