import type { Loss } from '@orgport/migrate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coloursFor } from '../src/output/colour.js';
import { markdownText } from '../src/output/markdown-text.js';
import { groupLosses } from '../src/plan/render-plan.js';

// CommonMark: a backslash before ASCII punctuation stands for that character.
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const MARKUP = /[\\`*_[\]()<>|!~&@:#{}]/;

describe('markdownText', () => {
  it('leaves no markup character unescaped, and reads back as the text (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (raw) => {
        // Control characters are shown as escapes (as on the terminal) and line breaks as
        // spaces; everything else must read back exactly.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
        const text = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
        const escaped = markdownText(text);
        expect(unescapeMarkdown(escaped)).toBe(text);
        // Every markup character is preceded by a backslash that is not itself escaped.
        for (let at = 0; at < escaped.length; at++) {
          const character = escaped[at] as string;
          if (character === '\\') {
            at++;
            continue;
          }
          expect(MARKUP.test(character), `${JSON.stringify(escaped)} at ${at}`).toBe(false);
        }
        expect(escaped).not.toMatch(/www\./i);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a hostile name from becoming a link, HTML, a table cell or a new line', () => {
    const escaped = markdownText('[click](http://x) <img src=x> | a\nb www.evil.test \u001b[2J');
    expect(escaped).toBe(
      '\\[click\\]\\(http\\://x\\) \\<img src=x\\> \\| a b www\\.evil.test \\\\u001b\\[2J',
    );
  });
});

describe('coloursFor', () => {
  it('colours a terminal only, and never with NO_COLOR or TERM=dumb', () => {
    expect(coloursFor({ isTTY: true }, {}).green('+')).toBe('\u001b[32m+\u001b[39m');
    expect(coloursFor({ isTTY: false }, {}).green('+')).toBe('+');
    expect(coloursFor({}, {}).red('-')).toBe('-');
    expect(coloursFor({ isTTY: true }, { NO_COLOR: '1' }).yellow('~')).toBe('~');
    expect(coloursFor({ isTTY: true }, { TERM: 'dumb' }).enabled).toBe(false);
    expect(coloursFor({ isTTY: true }, { NO_COLOR: '' }).enabled).toBe(true);
  });
});

describe('groupLosses', () => {
  it('counts every loss but lists each example once', () => {
    const loss = (email: string): Loss => ({
      organization: 'acme',
      email,
      item: 'role developer',
      reason: 'the target allows one group per product; Web keeps Developers',
      severity: 'warn',
    });
    // One member losing the same role in three products, then two more members.
    const groups = groupLosses([
      loss('a@x'),
      loss('a@x'),
      loss('a@x'),
      loss('b@x'),
      loss('c@x'),
      loss('d@x'),
    ]);
    expect(groups).toEqual([
      {
        item: 'role developer',
        reason: 'the target allows one group per product',
        severity: 'warn',
        count: 6,
        examples: ['acme/a@x', 'acme/b@x', 'acme/c@x'],
      },
    ]);
  });
});
