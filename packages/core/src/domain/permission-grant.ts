import { z } from 'zod';
import { type GrantScope, GrantScopeSchema } from './grant-scope.js';
import { IdSchema } from './id.js';
import { type GroupRef, GroupRefSchema } from './permission-group.js';

/** A member's place in one permission group within a scope. */
export const PermissionGrantSchema = z.object({ scope: GrantScopeSchema, group: GroupRefSchema }).readonly();

/** A member's place in one permission group; see {@link PermissionGrantSchema}. */
export interface PermissionGrant {
  readonly scope: GrantScope;
  readonly group: GroupRef;
}

/** What callers pass to grant a group: the scope and the group's id. */
export const GrantInputSchema = z.object({ scope: GrantScopeSchema, groupId: IdSchema }).readonly();

/** A grant to set or revoke; see {@link GrantInputSchema}. */
export interface GrantInput {
  readonly scope: GrantScope;
  readonly groupId: string;
}
