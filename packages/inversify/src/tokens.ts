/** inversify service identifiers of orgport; `Symbol.for` so every copy of core agrees. */
export const TOKENS = Object.freeze({
  /** The vendor `Adapter` a `Directory` wraps. Bound by an adapter module. */
  Adapter: Symbol.for('@orgport/core/Adapter'),
  /** The portable `Directory`. Bound by `directoryModule()`. */
  Directory: Symbol.for('@orgport/core/Directory'),
  /** Optional `DirectoryOptions`. */
  DirectoryOptions: Symbol.for('@orgport/core/DirectoryOptions'),
});
