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
}

/** What a contender process reports (one JSON line on stdout). */
export interface ContenderReport {
  readonly items: number;
  readonly distinct: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** RSS when the measured work started, MiB. */
  readonly startRssMiB: number;
  /** Highest RSS seen during the work, MiB. */
  readonly peakRssMiB: number;
  /** RSS after the work and a full garbage collection, minus the start, MiB. */
  readonly retainedMiB: number;
  /** V8 heap in use after that collection, MiB. */
  readonly heapUsedMiB: number;
  /** Time spent in garbage collection pauses during the work, ms. */
  readonly gcMs: number;
  /** With `profile`: the functions with the most self time. */
  readonly profileSummary?: string | undefined;
}
