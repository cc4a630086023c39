import { z } from 'zod';
import { IdSchema } from './id.js';

/** An organization-wide role, such as an Auth0 role assigned to an organization member. */
export const RoleSchema = z
  .object({ id: IdSchema, name: z.string(), description: z.string().optional() })
  .readonly();

/** An organization-wide role. */
export interface Role {
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
}
