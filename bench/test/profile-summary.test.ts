import { describe, expect, it } from 'vitest';
import { summarizeProfile } from '../src/profile-summary.js';

describe('summarizeProfile', () => {
  it('ranks functions by self time, merges one function seen at several nodes, and leaves idle out', () => {
    const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
    const summary = summarizeProfile(
      {
        nodes: [
          { id: 1, hitCount: 50, callFrame: frame('(idle)') },
          { id: 2, hitCount: 30, callFrame: frame('parseJson', 'file:///x/http-client.js', 78) },
          { id: 3, hitCount: 10, callFrame: frame('parseJson', 'file:///x/http-client.js', 78) },
          { id: 4, hitCount: 40, callFrame: frame('(garbage collector)') },
          { id: 5, hitCount: 20, callFrame: frame('', 'file:///x/a.js', 1) },
          { id: 6, hitCount: 0, callFrame: frame('neverHit') },
        ],
      },
      3,
    );
    expect(summary).toBe('parseJson http-client.js:79 40%; (garbage collector) 40%; (anonymous) a.js:2 20%');
  });
});
