#!/usr/bin/env node
import { OrgPortError } from '@orgport/core';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  const message = OrgPortError.is(error) ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`orgport: ${message}\n`);
  process.exitCode = 1;
}
