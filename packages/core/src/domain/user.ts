import { z } from 'zod';
import { IdSchema } from './id.js';

/** A person (or machine identity) known to the vendor. Only `id` is guaranteed. */
export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string().optional(),
    name: z.string().optional(),
    picture: z.string().optional(),
  })
  .readonly();

/** A user; see {@link UserSchema}. */
export interface User {
  readonly id: string;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly picture?: string | undefined;
}
