/**
 * The parts of an application's Better Auth instance the adapter relies on. Structural, so
 * the `auth` any app builds with `betterAuth({ …, plugins: [organization(…)] })` fits
 * without the adapter naming that app's generic types.
 */
export interface BetterAuthInstance {
  /** The options the app passed to `betterAuth` (its `plugins` are read for the organization plugin's options). */
  readonly options: object;
  /** Better Auth's context: the database adapter and the internal adapter. */
  readonly $context: Promise<unknown>;
  /** The server API (`auth.api.addMember`, …). */
  readonly api: object;
}
