import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCapabilities } from '../src/capabilities/define-capabilities.js';
import { GRADED_CAPABILITIES, GRADED_CAPABILITY_NAMES } from '../src/capabilities/graded-capabilities.js';
import { hasCapability } from '../src/capabilities/has-capability.js';

/** The docs table of graded capabilities, as the one definition says it must read. */
function expectedDocsTable(): string {
  const rows = GRADED_CAPABILITY_NAMES.map((name) => {
    const { values, default: fallback, doc } = GRADED_CAPABILITIES[name];
    const list = values.map((value) => `\`${value}\``).join(', ');
    return `| \`${name}\` | ${list} | \`${fallback}\` | ${doc} |`;
  });
  return ['| graded capability | values | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

describe('graded capabilities: one definition', () => {
  it('gives every default and "absent" value among its values', () => {
    for (const name of GRADED_CAPABILITY_NAMES) {
      const { values, default: fallback, absent } = GRADED_CAPABILITIES[name];
      expect(values as readonly string[]).toContain(fallback);
      if (absent !== null) expect(values as readonly string[]).toContain(absent);
    }
  });

  it('drives defineCapabilities (defaults, allowed values) and hasCapability (absent values)', () => {
    const empty = defineCapabilities({});
    for (const name of GRADED_CAPABILITY_NAMES) {
      const { values, default: fallback, absent } = GRADED_CAPABILITIES[name];
      expect(empty[name]).toBe(fallback);
      expect(() => defineCapabilities({ [name]: 'no-such-value' })).toThrow(`Invalid capability ${name}`);
      for (const value of values) {
        const manifest = defineCapabilities({ [name]: value });
        expect(hasCapability(manifest, name)).toBe(value !== absent);
      }
    }
  });

  it('is the table docs/architecture.md shows', () => {
    const docs = readFileSync(resolve(import.meta.dirname, '../../../docs/architecture.md'), 'utf8');
    const table = expectedDocsTable();
    expect(docs.includes(table), `docs/architecture.md must contain, under Capabilities:\n\n${table}\n`).toBe(
      true,
    );
  });
});
