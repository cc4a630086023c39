import { type Tracer as OtelTracer, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OrgPortError } from '../errors/orgport-error.js';
import type { TraceAttributes, Tracer, TraceSpan } from './tracer.js';

/** Options of {@link openTelemetryTracer}. */
export interface OpenTelemetryTracerOptions {
  /** The OpenTelemetry tracer to record with. Default: the global provider's `@orgport/core` tracer. */
  readonly tracer?: OtelTracer | undefined;
}

function fail(span: Span, error: unknown): void {
  if (OrgPortError.is(error)) {
    span.setAttribute('orgport.error.code', error.code);
    if (error.status !== undefined) span.setAttribute('http.response.status_code', error.status);
  }
  // orgport's messages are redacted when they are made; a foreign error keeps only its name.
  const message = OrgPortError.is(error) ? error.message : error instanceof Error ? error.name : 'error';
  span.recordException({ name: error instanceof Error ? error.name : 'Error', message });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/**
 * An orgport {@link Tracer} that records OpenTelemetry spans: pass it as `tracer` to an
 * adapter's `http` options, to `createDirectory` and to `applyMigration`. Spans are made
 * with `startActiveSpan`, so a vendor call is the child of the operation that made it when
 * a context manager is registered (any OpenTelemetry Node SDK does that).
 *
 * @example
 * ```ts
 * import { openTelemetryTracer } from '@orgport/core/opentelemetry';
 * const tracer = openTelemetryTracer();
 * const directory = createDirectory(createAuth0Adapter({ ...settings, http: { tracer } }), { tracer });
 * ```
 */
export function openTelemetryTracer(options: OpenTelemetryTracerOptions = {}): Tracer {
  const tracer = options.tracer ?? trace.getTracer('@orgport/core');
  return {
    trace<T>(name: string, attributes: TraceAttributes, run: (span: TraceSpan) => Promise<T>): Promise<T> {
      return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        try {
          return await run({
            setAttribute: (key, value) => span.setAttribute(key, value),
            addEvent: (event, eventAttributes) => span.addEvent(event, eventAttributes),
          });
        } catch (error) {
          fail(span, error);
          throw error;
        } finally {
          span.end();
        }
      });
    },
  };
}
