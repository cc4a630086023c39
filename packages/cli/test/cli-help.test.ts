import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandPath, HELP_EXAMPLES } from '../src/help/help-examples.js';
import { createProgram } from '../src/program.js';

/** Every command of the program, the program included. */
function commands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((child) => commands(child))];
}

/** A command's `--help` text, as `orgport <path> --help` prints it. */
async function helpOf(path: string): Promise<string> {
  const program = createProgram();
  let text = '';
  const capture = {
    writeOut: (chunk: string) => (text += chunk),
    writeErr: (chunk: string) => (text += chunk),
  };
  for (const command of commands(program)) command.configureOutput(capture);
  await expect(
    program.parseAsync(['node', 'orgport', ...(path ? path.split(' ') : []), '--help']),
  ).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
  return text;
}

describe('orgport --help', () => {
  const paths = commands(createProgram()).map(commandPath);

  it('has a command for every example and an example for every command', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect([...HELP_EXAMPLES.keys()].sort()).toEqual([...paths].sort());
  });

  it.each(paths)(
    '"orgport %s --help" shows one example and the global options, each default once',
    async (path) => {
      const help = await helpOf(path);
      const example = HELP_EXAMPLES.get(path) as string;
      expect(help).toContain(`Example:\n  $ ${example}\n`);
      expect(help.match(/^Example:/gm)).toHaveLength(1);
      // The example runs this very command (or, for a group, one of its subcommands).
      expect(example.startsWith(`orgport ${path}`.trim())).toBe(true);
      if (path !== '') {
        expect(help).toContain('Global Options:');
        expect(help).toMatch(/-c, --connection <name>/);
        expect(help).toMatch(/-o, --output <format>/);
      }
      // Commander prints `(default: …)` for every default: a description that says it too doubles it.
      for (const line of help.split('\n'))
        expect(line.match(/\(default/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    },
  );

  it('sim shows its port default once, in words', async () => {
    const help = await helpOf('sim');
    expect(help).toMatch(/--port <port>\s+port \(default: any free port\)\n/);
  });
});
