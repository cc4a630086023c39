import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { DEMO_MAPPING } from '@orgport/cli';
import { createDirectory, type LogFields, type Logger, type OperationEvent } from '@orgport/core';
import { createVirtualClock } from '@orgport/core/driver';
import { openTelemetryTracer } from '@orgport/core/opentelemetry';
import { applyMigration, planMigration, snapshot } from '@orgport/migrate';
import { type Auth0Simulator, startAuth0Simulator } from '@orgport/simulator-auth0';
import { seedHalfOnboarded, startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { fixtures } from '@orgport/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Traces of vendor calls and Directory operations, recorded by a real OpenTelemetry SDK
// (in memory) against the Auth0 simulator on a virtual clock.
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
let simulator: Auth0Simulator;
const clock = createVirtualClock();

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable());
  simulator = await startAuth0Simulator({
    clock,
    fixtures: { seed: 3, organizations: 2, membersPerOrg: 30 },
  });
});

afterAll(async () => {
  await simulator.close();
  context.disable();
});

beforeEach(() => {
  exporter.reset();
  simulator.faults.clear();
});

function tracedDirectory(onOperation?: (event: OperationEvent) => void) {
  const tracer = openTelemetryTracer({ tracer: provider.getTracer('test') });
  const adapter = createAuth0Adapter({
    baseUrl: simulator.url,
    clientId: simulator.clientId,
    clientSecret: simulator.clientSecret,
    http: { tracer, clock, retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50 } },
  });
  return createDirectory(adapter, { tracer, onOperation });
}

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

describe('tracing', () => {
  it('records each operation with its vendor calls as children, with method, path and status', async () => {
    const directory = tracedDirectory();
    const [organization] = await directory.organizations.list().toArray();
    await directory.members.list(organization!.id).toArray();

    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.name.startsWith('orgport '));
    expect(operations.map((span) => span.name)).toEqual(
      expect.arrayContaining(['orgport organizations.list', 'orgport members.list']),
    );
    const membersList = operations.find((span) => span.name === 'orgport members.list')!;
    expect(membersList.attributes).toMatchObject({
      'orgport.vendor': 'auth0',
      'orgport.operation': 'members.list',
    });
    const calls = spans.filter((span) => parentOf(span) === membersList.spanContext().spanId);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.name).toMatch(/^auth0 (GET|POST)$/);
      expect(call.attributes['http.response.status_code']).toBe(200);
      expect(String(call.attributes['url.path'])).toMatch(/^\/api\/v2\//);
      expect(String(call.attributes['url.path'])).not.toContain('?');
    }
    // Secrets never reach a span: no attribute or event value holds the client secret or a token.
    const recorded = JSON.stringify(spans.map((span) => [span.attributes, span.events]));
    expect(recorded).not.toContain(simulator.clientSecret);
    for (const token of simulator.issuedTokens) expect(recorded).not.toContain(token);
  });

  it('records retries and rate-limit waits on the vendor call, and a failure with its code', async () => {
    const directory = tracedDirectory();
    const [organization] = await directory.organizations.list().toArray();
    exporter.reset();
    simulator.faults.queue('rate_limit', 2);
    await directory.organizations.get(organization!.id);
    const call = exporter.getFinishedSpans().find((span) => span.name === 'auth0 GET')!;
    expect(call.attributes['orgport.retries']).toBe(2);
    expect(call.attributes['http.response.status_code']).toBe(200);
    expect(call.events.filter((event) => event.name === 'retry')).toHaveLength(2);
    expect(call.events.map((event) => event.attributes?.['orgport.reason'])).toEqual(['429', '429']);

    // A drained budget (X-RateLimit-Remaining 0): the next call waits for the reset, in the
    // virtual clock, and its span says how long.
    simulator.setRateLimit({ capacity: 2, refillPerSecond: 1 });
    exporter.reset();
    for (let i = 0; i < 4; i++) await directory.organizations.get(organization!.id);
    simulator.setRateLimit(false);
    const waits = exporter
      .getFinishedSpans()
      .filter((span) => span.name === 'auth0 GET')
      .map((span) => Number(span.attributes['orgport.rate_limit_wait_ms'] ?? 0));
    expect(waits.some((ms) => ms > 0)).toBe(true);

    exporter.reset();
    await expect(directory.organizations.get('org_nobody_has_this')).rejects.toMatchObject({
      code: 'not_found',
    });
    const failed = exporter.getFinishedSpans().find((span) => span.name === 'orgport organizations.get')!;
    expect(failed.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(failed.attributes['orgport.error.code']).toBe('not_found');
  });

  it('emits a start event before each adapter call and an end event after it', async () => {
    const events: OperationEvent[] = [];
    const directory = tracedDirectory((event) => events.push(event));
    const [organization] = await directory.organizations.list().toArray();
    await directory.organizations.get(organization!.id);
    expect(events.map((event) => `${event.phase} ${event.operation}`)).toEqual([
      'start organizations.list',
      'end organizations.list',
      'start organizations.get',
      'end organizations.get',
    ]);
  });

  it('records nothing and loads no OpenTelemetry without a tracer', async () => {
    const directory = createDirectory(
      createAuth0Adapter({
        baseUrl: simulator.url,
        clientId: simulator.clientId,
        clientSecret: simulator.clientSecret,
      }),
    );
    await directory.organizations.list().toArray();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});

describe('a migration run', () => {
  it('traces each operation it runs and logs failures by id, never by email', async () => {
    const data = fixtures({ seed: 5, organizations: 1, membersPerOrg: 40 });
    const auth0 = await startAuth0Simulator({ seed: 5, fixtures: data, clock });
    const cloud = await startCloudOrgSimulator({ seed: 5, clock });
    seedHalfOnboarded(cloud, data);
    try {
      const http = { clock, retry: { maxRetries: 0 } };
      const source = createDirectory(
        createAuth0Adapter({
          baseUrl: auth0.url,
          clientId: auth0.clientId,
          clientSecret: auth0.clientSecret,
          http,
        }),
      );
      const target = createDirectory(
        createCloudOrgAdapter({
          baseUrl: cloud.url,
          username: cloud.username,
          password: cloud.password,
          http,
        }),
      );
      const taken = await snapshot(source);
      const plan = await planMigration({ source: taken, target, mapping: DEMO_MAPPING });
      expect(plan.operations.length).toBeGreaterThan(10);

      const records: { level: string; fields: LogFields; message: string }[] = [];
      const record =
        (level: string) =>
        (fields: LogFields, message: string): void => {
          records.push({ level, fields, message });
        };
      const logger: Logger = {
        error: record('error'),
        warn: record('warn'),
        info: record('info'),
        debug: record('debug'),
      };
      exporter.reset();
      cloud.faults.configure({ seed: 4, serverError: 0.2 });
      const result = await applyMigration(plan, {
        target,
        journal: join(mkdtempSync(join(tmpdir(), 'orgport-trace-')), 'run.ndjson'),
        logger,
        tracer: openTelemetryTracer({ tracer: provider.getTracer('test') }),
      });
      cloud.faults.clear();
      expect(result.failed.length).toBeGreaterThan(0);

      const ran = result.applied.length + result.failed.length + result.skipped.length;
      const operationSpans = exporter
        .getFinishedSpans()
        .filter((span) => span.name.startsWith('orgport.migrate '));
      expect(operationSpans).toHaveLength(ran);
      expect(operationSpans.filter((span) => span.status.code === 2)).toHaveLength(result.failed.length);

      expect(records.filter((entry) => entry.level === 'info').map((entry) => entry.message)).toEqual([
        'migration started',
        'migration finished',
      ]);
      const warned = records.filter((entry) => entry.level === 'warn');
      expect(warned.map((entry) => entry.fields['operationId']).sort()).toEqual(
        result.failed.map((outcome) => outcome.operation.id).sort(),
      );
      // Every other outcome at debug, blocked ones (never attempted) included.
      expect(records.filter((entry) => entry.level === 'debug')).toHaveLength(
        ran - result.failed.length + result.blocked.length,
      );
      const emails = plan.operations.flatMap((operation) => ('email' in operation ? [operation.email] : []));
      const logged = JSON.stringify(records);
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) expect(logged).not.toContain(email);
      await Promise.all([source.close(), target.close()]);
    } finally {
      await Promise.all([auth0.close(), cloud.close()]);
    }
  });
});
