import { z } from 'zod';
import { type GrantScope, GrantScopeSchema } from './grant-scope.js';
import { IdSchema } from './id.js';

/** A short reference to a permission group, as embedded in grants. */
export const GroupRefSchema = z.object({ id: IdSchema, name: z.string() }).readonly();

/** A reference to a permission group. */
export interface GroupRef {
  readonly id: string;
  readonly name: string;
}

/**
 * A permission group that members can be put in: an organization role (organization
 * scope) or a product permission group (product scope).
 */
export const PermissionGroupSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    scope: GrantScopeSchema,
    description: z.string().optional(),
  })
  .readonly();

/** A permission group; see {@link PermissionGroupSchema}. */
export interface PermissionGroup {
  readonly id: string;
  readonly name: string;
  readonly scope: GrantScope;
  readonly description?: string | undefined;
}
