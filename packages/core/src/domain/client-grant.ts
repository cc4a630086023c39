import { z } from 'zod';
import { IdSchema } from './id.js';

/** A machine-to-machine client grant associated with an organization (Auth0 has them). */
export const ClientGrantSchema = z
  .object({
    id: IdSchema,
    clientId: z.string(),
    audience: z.string(),
    scope: z.array(z.string()).readonly(),
  })
  .readonly();

/** A client grant; see {@link ClientGrantSchema}. */
export interface ClientGrant {
  readonly id: string;
  readonly clientId: string;
  readonly audience: string;
  readonly scope: readonly string[];
}
