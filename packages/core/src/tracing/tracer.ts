/** Attribute values a trace records: never headers, bodies or secrets. */
export type TraceAttributes = Readonly<Record<string, string | number | boolean>>;

/** The span of one traced call, while it runs. */
export interface TraceSpan {
  /** Sets (or replaces) one attribute, e.g. the final HTTP status. */
  setAttribute(key: string, value: string | number | boolean): void;
  /** Records something that happened during the call, e.g. a retry or a rate-limit wait. */
  addEvent(name: string, attributes?: TraceAttributes): void;
}

/**
 * Where orgport sends traces: every vendor call (`HttpClientOptions.tracer`), every
 * `Directory` operation (`DirectoryOptions.tracer`) and every migration operation run
 * inside `trace`. `openTelemetryTracer()` from `@orgport/core/opentelemetry` implements it
 * with OpenTelemetry; without a tracer nothing is recorded and nothing is loaded.
 */
export interface Tracer {
  /**
   * Runs `run` as one span named `name`, current for the calls it makes (so a vendor call
   * nests under its operation). The span ends when `run` settles; a rejection marks it
   * failed and is passed on unchanged.
   */
  trace<T>(name: string, attributes: TraceAttributes, run: (span: TraceSpan) => Promise<T>): Promise<T>;
}
