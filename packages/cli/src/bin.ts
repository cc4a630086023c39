#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT } from './errors/exit-codes.js';
import { reportError } from './errors/report-error.js';
import { createProgram } from './program.js';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
// The reader went away (`orgport … | head`): stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}
try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage mistakes were already explained by commander.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = reportError(error, verbose);
  }
}
