/** What the orchestrator tells a contender process. */
export interface ContenderJob {
  readonly contender: string;
  /** Simulator origin. */
  readonly url: string;
  /** Auth0 client credentials, or cloud-org Basic credentials. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly username?: string;
  readonly password?: string;
  readonly organizationId: string;
  /** Organizations walked at once (tenant scan). */
  readonly concurrency?: number;
  /** Sample RSS while running (for the streaming scenario). */
  readonly sampleRss?: boolean;
  /** Profile the measured work and report its hottest functions (a separate, untimed run). */
  readonly profile?: boolean;
  /** Untimed walks first, so the measured ones run warm (the JIT has compiled the hot path). Default 0. */
  readonly warmups?: number;
  /** Measured walks; the report gives medians per walk. Default 1. */
  readonly walks?: number;
}

/** What a contender process reports (one JSON line on stdout). */
export interface ContenderReport {
  /** Items and distinct ids of the last walk (every walk must see the same). */
  readonly items: number;
  readonly distinct: number;
  /** Median wall time of one measured walk, ms. */
  readonly wallMs: number;
  /** Median CPU time (user + system, every thread of the process) of one measured walk, ms. */
  readonly cpuMs: number;
  /** Wall and CPU time of the process's first walk (cold: nothing compiled yet), ms. */
  readonly firstWallMs: number;
  readonly firstCpuMs: number;
  /** Wall and CPU time of one walk right after a full garbage collection (`--expose-gc`), ms. */
  readonly afterGcWallMs: number;
  readonly afterGcCpuMs: number;
  /** Whether every walk saw the same items and distinct ids. */
  readonly consistent: boolean;
  /** RSS when the measured work started, MiB. */
  readonly startRssMiB: number;
  /** Highest RSS seen during the work, MiB. */
  readonly peakRssMiB: number;
  /** RSS after the work and a full garbage collection, minus the start, MiB. */
  readonly retainedMiB: number;
  /** V8 heap in use after that collection, MiB. */
  readonly heapUsedMiB: number;
  /** Garbage collection pauses during the measured walks, as a share of their wall time (0–1). */
  readonly gcShare: number;
  /** With `profile`: the functions with the most self time. */
  readonly profileSummary?: string | undefined;
}
