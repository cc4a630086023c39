import { describe, expect, it } from 'vitest';
import { type ConformanceRunner, memoryHarness, runConformanceSuite } from '../src/index.js';

describe('runConformanceSuite skipTests', () => {
  it('registers the named tests as skipped with their reason, and every other test as usual', () => {
    const skipped: string[] = [];
    const registered: string[] = [];
    const runner: ConformanceRunner = {
      describe: (_name, body) => body(),
      it: (name) => void registered.push(name),
      skip: (name) => void skipped.push(name),
    };
    const name = 'members.organizationsOf follows every page';
    runConformanceSuite({
      name: 'memory',
      runner,
      makeHarness: (context) => memoryHarness(context),
      skipTests: new Map([[name, 'the target lacks the route']]),
    });
    expect(skipped).toEqual([`${name} (the target lacks the route)`]);
    expect(registered).not.toContain(name);
    expect(registered).toContain(
      'members.organizationsOf lists exactly the organizations the user belongs to',
    );
  });
});
