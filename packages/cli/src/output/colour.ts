/** ANSI styles the CLI uses, each a function of the text it wraps. */
export interface Colours {
  readonly enabled: boolean;
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * Colour for `stream` only when a person is watching it: the stream is a terminal,
 * `NO_COLOR` is unset or empty (no-color.org), and `TERM` is not `dumb`. Piped or
 * redirected output never carries escape codes.
 */
export function coloursFor(
  stream: { readonly isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Colours {
  const enabled = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!enabled) return { enabled, green: plain, red: plain, yellow: plain, dim: plain };
  return { enabled, green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22) };
}
