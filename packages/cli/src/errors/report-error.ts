import { OrgPortError } from '@orgport/core/errors';
import { EXIT } from './exit-codes.js';

/** The exit code for an error. */
export function exitCodeFor(error: unknown): number {
  if (OrgPortError.is(error, 'invalid_argument')) return EXIT.usage;
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
    err.write(`orgport: ${error.code}: ${error.message}\n`);
    if (verbose) {
      const { name: _name, message: _message, ...details } = error.toJSON();
      if (Object.keys(details).length > 1) err.write(`  details: ${JSON.stringify(details)}\n`);
      let cause: unknown = error.cause;
      while (cause instanceof Error) {
        err.write(`  caused by: ${cause.name}: ${cause.message}\n`);
        cause = cause.cause;
      }
    }
  } else {
    err.write(`orgport: internal: ${error instanceof Error ? error.message : String(error)}\n`);
    if (verbose && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  }
  return exitCodeFor(error);
}
