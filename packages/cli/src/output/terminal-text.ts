// C0 and C1 control characters, DEL, and the bidirectional overrides and isolates that
// reorder what a terminal shows ("Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from vendors and files made safe for a terminal: every control character (escape
 * sequences that clear the screen or set the window title among them) and every
 * bidirectional override is shown as a visible `\u001b`-style escape instead of being
 * interpreted. Tabs and newlines stay. JSON and NDJSON output never goes through this.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One table cell: {@link terminalSafe}, and a newline shown as `\n` so rows stay rows. */
export function terminalCell(text: string): string {
  return terminalSafe(text)
    .replace(/\r?\n|\r/g, '\\n')
    .replace(/\t/g, ' ');
}
