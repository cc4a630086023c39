import assert from 'node:assert/strict';
import { createDirectory, type ErrorCode, OrgPortError } from '@orgport/core';
import type { TestContext } from './conformance-test.js';
import { countPortCalls } from './count-port-calls.js';
import type { ConformanceHarness } from './harness.js';

const POLL_MS = 25;

/** An id shaped like `id` that no vendor has issued: same length and character classes. */
export function unknownId(id: string): string {
  if (/^\d+$/.test(id)) return String(BigInt(id) + 987_654_321n);
  const last = id.at(-1) ?? 'a';
  const replacement = /\d/.test(last)
    ? last === '7'
      ? '3'
      : '7'
    : /[a-f]/i.test(last)
      ? last.toLowerCase() === 'e'
        ? 'b'
        : 'e'
      : last === 'z'
        ? 'y'
        : 'z';
  return `${id.slice(0, -1)}${replacement}`;
}

/** Builds the per-test context over a fresh harness. */
export function createTestContext(harness: ConformanceHarness, prefix: string): TestContext {
  const { requestCount } = harness;
  // An in-process adapter sends nothing: what reaches its ports stands for a request.
  let portCalls = 0;
  const directory = createDirectory(
    requestCount === 'in-process'
      ? countPortCalls(harness.adapter, () => {
          portCalls++;
        })
      : harness.adapter,
  );
  const counted = (): number => {
    if (requestCount === 'in-process') return portCalls;
    if (requestCount) return requestCount();
    throw new Error(
      "this test counts the adapter's requests, and the harness cannot: give it requestCount: () => <requests sent so far>, or requestCount: 'in-process' for an adapter that sends none (the suite then counts calls into its ports)",
    );
  };
  // Consistency is the manifest's word; the harness only says how long "eventual" is.
  const legacyWindow =
    harness.consistency && harness.consistency !== 'strong' ? harness.consistency.eventualMs : undefined;
  const window =
    harness.adapter.capabilities.consistency === 'strong' ? 0 : (harness.eventualMs ?? legacyWindow ?? 5_000);
  return {
    harness,
    adapter: harness.adapter,
    directory,
    seed: harness.seed,
    name: (suffix) => `${prefix}${suffix}`.toLowerCase().slice(0, 50),
    unknownId,
    email: (local) => `${prefix}${local}@example.com`.toLowerCase(),
    async eventually(check) {
      const deadline = Date.now() + window;
      for (;;) {
        try {
          await check();
          return;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      }
    },
    async expectCode(promise, code: ErrorCode) {
      let outcome: unknown;
      try {
        await promise;
      } catch (error) {
        outcome = error;
      }
      assert.ok(outcome !== undefined, `expected the call to fail with ${code}, but it succeeded`);
      assert.ok(
        OrgPortError.is(outcome),
        `expected an OrgPortError with code ${code}, got ${outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome)}`,
      );
      assert.equal(outcome.code, code, `expected code ${code}, got ${outcome.code}: ${outcome.message}`);
      return outcome;
    },
    async requestsDuring(action) {
      const before = counted();
      await action();
      return counted() - before;
    },
  };
}
