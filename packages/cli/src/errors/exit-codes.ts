/** What the `orgport` process exit code means. */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The vendor or the network failed. */
  failure: 1,
  /** Bad input: flags, files, ids (nothing was sent). */
  usage: 2,
  /** A migration finished with failed operations (see the report; `--resume` retries them). */
  partial: 3,
  /** The mapping cannot carry everything and its policy is `fail`; nothing was written. */
  blocked: 4,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;
