import { terminalSafe } from './terminal-text.js';

// Any ASCII punctuation character may be backslash-escaped in CommonMark, and then stands
// for itself. These are the ones that start inline markup where report text goes (inside a
// table cell, a list item or a heading, never at a line's start): emphasis, code, links and
// images, autolinks (`<…>`, `http:`, `mailto` by `@`), HTML and entities, table cells,
// strikethrough. `.`, `-` and `,` stay readable, except the dot of a `www.` autolink.
const MARKUP = /[\\`*_[\]()<>|!~&@:#{}]/g;
const WWW_DOT = /(www)\./gi;

/**
 * Vendor text made inert for Markdown: control characters and bidirectional overrides shown
 * as `\u001b`-style escapes (as on the terminal), line breaks as spaces (a name never breaks
 * a table row or starts a block), and every character that could start inline markup
 * backslash-escaped. Meant for text inside a line, never at its start.
 */
export function markdownText(text: string): string {
  return terminalSafe(text)
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(MARKUP, (character) => `\\${character}`)
    .replace(WWW_DOT, '$1\\.');
}
