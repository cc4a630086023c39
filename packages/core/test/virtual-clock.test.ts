import { describe, expect, it } from 'vitest';
import { OrgPortError } from '../src/errors/orgport-error.js';
import { createVirtualClock } from '../src/time/virtual-clock.js';

describe('virtual clock', () => {
  it('moves time only on sleep, waking the earliest deadline first', async () => {
    const clock = createVirtualClock(1_000);
    const woke: string[] = [];
    const long = clock.sleep(5_000).then(() => woke.push(`long@${clock.now()}`));
    const short = clock.sleep(20).then(() => woke.push(`short@${clock.now()}`));
    expect(clock.now()).toBe(1_000);
    await Promise.all([long, short]);
    expect(woke).toEqual(['short@1020', 'long@6000']);
    expect(clock.sleeps).toEqual([5_000, 20]);
  });

  it('advance moves time without a sleeper, and time never goes back', async () => {
    const clock = createVirtualClock(0);
    clock.advance(500);
    await clock.sleep(100);
    expect(clock.now()).toBe(600);
    clock.advance(-50);
    expect(clock.now()).toBe(600);
  });

  it('rejects a sleep with cancelled when its signal fires, before or during the wait', async () => {
    const clock = createVirtualClock(0);
    const aborted = AbortSignal.abort();
    await expect(clock.sleep(10, aborted)).rejects.toSatisfy((e) => OrgPortError.is(e, 'cancelled'));
    const controller = new AbortController();
    const waiting = clock.sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toSatisfy((e) => OrgPortError.is(e, 'cancelled'));
    expect(clock.now()).toBe(0);
  });
});
