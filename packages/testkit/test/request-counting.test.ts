import { describe, expect, it } from 'vitest';
import type { ConformanceRunner } from '../src/conformance/runner.js';
import { createTestContext } from '../src/conformance/test-context.js';
import {
  MEMORY_CAPABILITIES,
  memoryHarness,
  runConformanceSuite,
  runConformanceTests,
} from '../src/index.js';

const context = { prefix: 'rc-', testName: 'request counting' };

// "Refused before any request" used to count 0 for a harness without a request counter,
// so on the memory and static-directory harnesses it could not fail.
describe('the suite cannot count requests vacuously', () => {
  it('fails a "before any request" test on a harness that declares no way to count', async () => {
    const results = await runConformanceTests({
      name: 'uncounted',
      only: ['organizations'],
      makeHarness: (harnessContext) => ({ ...memoryHarness(harnessContext), requestCount: undefined }),
    });
    const malformed = results.find((r) => r.name.startsWith('organizations.get rejects a malformed id'));
    expect(malformed?.outcome).toBe('failed');
    expect(malformed?.detail).toMatch(/the harness cannot: give it requestCount/);
  });

  it("counts calls into the adapter's ports for an in-process harness", async () => {
    const harness = memoryHarness(context);
    const t = createTestContext(harness, context.prefix);
    const org = await t.seed.organization({ name: 'rc-counted' });
    expect(await t.requestsDuring(() => t.directory.organizations.get(org.id))).toBe(1);
    expect(
      await t.requestsDuring(() =>
        t.expectCode(t.directory.organizations.get('../admin'), 'invalid_argument'),
      ),
    ).toBe(0);
    // The adapter itself refusing (after the facade let the call through) counts as a call.
    expect(
      await t.requestsDuring(() => t.expectCode(t.directory.organizations.get(`${org.id}x`), 'not_found')),
    ).toBe(1);
    await harness.close();
  });
});

describe('"refused when not declared" tests for declared operations are not applicable', () => {
  /** Records what the suite registers instead of registering it with vitest. */
  function registered(capabilities = MEMORY_CAPABILITIES) {
    const names = { run: [] as string[], skipped: [] as string[] };
    const runner: ConformanceRunner = {
      describe: (_name, body) => body(),
      it: (name) => names.run.push(name),
      skip: (name) => names.skipped.push(name),
    };
    runConformanceSuite({ name: 'memory', capabilities, makeHarness: memoryHarness, runner });
    return names;
  }

  it('registers none of them for an adapter that declares every operation', () => {
    const names = registered();
    expect([...names.run, ...names.skipped].filter((name) => name.endsWith('when not declared'))).toEqual([]);
  });

  it('registers, and runs, the one for an operation the manifest leaves out', () => {
    const names = registered({ ...MEMORY_CAPABILITIES, 'organizations.delete': false });
    expect(names.run.filter((name) => name.endsWith('when not declared'))).toEqual([
      'organizations.delete fails with unsupported before any request when not declared',
    ]);
  });

  it('reports them as not_applicable, apart from skips, outside a test runner', async () => {
    const results = await runConformanceTests({
      name: 'memory',
      only: ['unsupported'],
      makeHarness: memoryHarness,
    });
    expect(new Set(results.filter((r) => r.group === 'unsupported').map((r) => r.outcome))).toEqual(
      new Set(['not_applicable']),
    );
  });

  it('fails a test whose harness declares other capabilities than the suite was given', async () => {
    const bodies: ((skip: (reason: string) => void) => Promise<void>)[] = [];
    runConformanceSuite({
      name: 'stale',
      capabilities: { ...MEMORY_CAPABILITIES, 'organizations.delete': false },
      makeHarness: memoryHarness,
      runner: {
        describe: (_name, body) => body(),
        it: (_name, body) => bodies.push(body),
        skip: () => undefined,
      },
    });
    const first = bodies[0];
    if (!first) throw new Error('nothing registered');
    await expect(first(() => undefined)).rejects.toThrow(/differ from the adapter's manifest/);
  });
});
