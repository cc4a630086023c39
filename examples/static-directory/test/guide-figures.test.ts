import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runConformanceTests } from '@orgport/testkit';
import { describe, expect, it } from 'vitest';
import { staticDirectoryHarness } from './support/static-directory-harness.js';

// The figures docs/writing-an-adapter.md quotes for this example come from this test, not
// from a person typing them: when the suite changes, it says what the guide must say.
describe('the guide tells the truth about the worked example', () => {
  it('quotes the passed, refused and skipped counts of a real run', async () => {
    const results = await runConformanceTests({
      name: 'static-directory',
      makeHarness: staticDirectoryHarness,
    });
    const passed = results.filter((r) => r.outcome === 'passed').length;
    const refused = results.filter((r) => r.outcome === 'passed' && r.group === 'unsupported').length;
    const skipped = results.filter((r) => r.outcome === 'skipped').length;
    const notApplicable = results.filter((r) => r.outcome === 'not_applicable').length;
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
    const guide = readFileSync(resolve(import.meta.dirname, '../../../docs/writing-an-adapter.md'), 'utf8');
    const sentence = `Result: ${passed} tests pass — including paging 2,500 members, \`not_found\` mapping, abort, parallel lists and ${refused} "refused with \`unsupported\`" checks — ${skipped} are skipped by the manifest with their reasons, and the ${notApplicable} "refused" checks of the operations it declares are not applicable (not registered, not counted as skips).`;
    expect(guide.replace(/\s+/g, ' ')).toContain(sentence);
  }, 60_000);
});
