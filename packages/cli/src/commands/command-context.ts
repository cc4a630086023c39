import type { Directory } from '@orgport/core';
import { OrgPortError } from '@orgport/core/errors';
import type { Command } from 'commander';
import { parseCount } from '../options/parse-count.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/output-format.js';

/** Global options every command sees. */
export interface GlobalOptions {
  readonly connection?: string;
  readonly config?: string;
  readonly output: OutputFormat;
  readonly verbose?: boolean;
  readonly quiet?: boolean;
  /** `--timeout <seconds>`: the longest any one vendor call may take, retries included. */
  readonly timeout: string;
  /** `--log-format text|json`. */
  readonly logFormat?: string;
  /** `--log-level error|warn|info|debug`. */
  readonly logLevel?: string;
}

/** The global options of the program a command belongs to. */
export function globals(command: Command): GlobalOptions {
  const options = command.optsWithGlobals() as GlobalOptions;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(options.output)) {
    throw new OrgPortError('invalid_argument', `--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
  }
  return options;
}

/** Resolves a connection name and opens its directory, loading the adapter's code only now. */
export async function openConnection(name: string, options: GlobalOptions): Promise<Directory> {
  const totalMs = parseCount(options.timeout, '--timeout', 1, 86_400) * 1000;
  const [{ openDirectory }, { resolveConnection }] = await Promise.all([
    import('../connections/open-directory.js'),
    import('../connections/resolve-connection.js'),
  ]);
  return openDirectory(await resolveConnection(name, options.config), { timeouts: { totalMs } });
}

/** Opens the directory of `--connection` (or the given name), runs `body`, and closes it. */
export async function withDirectory<T>(
  command: Command,
  body: (directory: Directory, options: GlobalOptions) => Promise<T>,
  name?: string,
): Promise<T> {
  const options = globals(command);
  const connection = name ?? options.connection;
  if (!connection)
    throw new OrgPortError(
      'invalid_argument',
      'choose a connection with --connection <name> (a name from orgport.config.json, or a vendor name such as auth0 or workos with ORGPORT_* variables)',
    );
  const directory = await openConnection(connection, options);
  try {
    return await body(directory, options);
  } finally {
    await directory.close();
  }
}
