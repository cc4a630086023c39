import { OrgPortError } from '@orgport/core/errors';
import { terminalSafe } from '../output/terminal-text.js';
import { EXIT } from './exit-codes.js';

/** A Node.js system error (`EADDRINUSE`, `EACCES`, …). */
interface SystemError extends Error {
  readonly code: string;
  readonly syscall: string;
}

const isSystemError = (error: unknown): error is SystemError =>
  error instanceof Error &&
  typeof (error as { code?: unknown }).code === 'string' &&
  typeof (error as { syscall?: unknown }).syscall === 'string';

/** System errors caused by what the user asked for (a port, a path), not by a vendor. */
const USER_CAUSED = new Set([
  'EADDRINUSE',
  'EACCES',
  'EADDRNOTAVAIL',
  'ENOENT',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
]);

/** The exit code for an error. */
export function exitCodeFor(error: unknown): number {
  // Exit 2 is for the user's own input, refused before anything was sent; a vendor's 400
  // (it has a status) is a vendor failure.
  if (OrgPortError.is(error, 'invalid_argument'))
    return error.status === undefined ? EXIT.usage : EXIT.failure;
  if (isSystemError(error) && USER_CAUSED.has(error.code)) return EXIT.usage;
  if (
    OrgPortError.is(error, 'failed_precondition') &&
    (error.meta as { losses?: unknown } | undefined)?.losses !== undefined
  )
    return EXIT.blocked;
  if (OrgPortError.is(error, 'cancelled')) return EXIT.interrupted;
  if ((error as { code?: unknown })?.code === 'commander.invalidArgument') return EXIT.usage;
  return EXIT.failure;
}

/**
 * One clear line on stderr (`orgport: not_found: …`); with `verbose`, the vendor details
 * and the cause chain too. Never a stack trace for a user mistake.
 */
export function reportError(
  error: unknown,
  verbose: boolean,
  err: NodeJS.WritableStream = process.stderr,
): number {
  if (OrgPortError.is(error)) {
    err.write(`orgport: ${error.code}: ${terminalSafe(error.message)}\n`);
    if (verbose) {
      const { name: _name, message: _message, ...details } = error.toJSON();
      if (Object.keys(details).length > 1) err.write(`  details: ${JSON.stringify(details)}\n`);
      let cause: unknown = error.cause;
      while (cause instanceof Error) {
        err.write(`  caused by: ${cause.name}: ${terminalSafe(cause.message)}\n`);
        cause = cause.cause;
      }
    }
  } else if (isSystemError(error)) {
    // The machine refused (a port in use, a file that cannot be written): one line.
    err.write(`orgport: ${error.code}: ${terminalSafe(error.message)}\n`);
  } else {
    err.write(`orgport: internal: ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`);
    if (verbose && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  }
  return exitCodeFor(error);
}
