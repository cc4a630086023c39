import { z } from 'zod';
import { IdSchema } from './id.js';

/** A login connection enabled for an organization (Auth0 "enabled connections"). */
export const ConnectionSchema = z
  .object({
    id: IdSchema,
    name: z.string().optional(),
    strategy: z.string().optional(),
    assignMembershipOnLogin: z.boolean(),
    showAsButton: z.boolean().optional(),
    isSignupEnabled: z.boolean().optional(),
  })
  .readonly();

/** An enabled connection; see {@link ConnectionSchema}. */
export interface Connection {
  readonly id: string;
  readonly name?: string | undefined;
  readonly strategy?: string | undefined;
  readonly assignMembershipOnLogin: boolean;
  readonly showAsButton?: boolean | undefined;
  readonly isSignupEnabled?: boolean | undefined;
}

/** Settings of an enabled connection that callers may change. */
export const ConnectionSettingsSchema = z
  .object({
    assignMembershipOnLogin: z.boolean().optional(),
    showAsButton: z.boolean().optional(),
    isSignupEnabled: z.boolean().optional(),
  })
  .strict()
  .readonly();

/** Settings of an enabled connection; see {@link ConnectionSettingsSchema}. */
export interface ConnectionSettings {
  readonly assignMembershipOnLogin?: boolean | undefined;
  readonly showAsButton?: boolean | undefined;
  readonly isSignupEnabled?: boolean | undefined;
}
