import cliProgress from 'cli-progress';
import { terminalSafe } from '../output/terminal-text.js';

/** Reports progress of long work: a bar on a terminal, a few plain lines otherwise. */
export interface ProgressReporter {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; else a line at every 20%. Silent when `quiet`. */
export function progressReporter(
  title: string,
  quiet = false,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {percentage}% {value}/{total} {label}`,
        stream,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, raw = '') {
        // Labels name vendor data (the organization being read): escaped like every other output.
        const label = terminalSafe(raw);
        if (!started) {
          bar.start(total, 0, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastStep = -1;
  return {
    update(done, total, label) {
      const step = total === 0 ? 5 : Math.floor((done / total) * 5);
      if (step !== lastStep) {
        lastStep = step;
        stream.write(`${title}: ${done}/${total}${label ? ` ${terminalSafe(label)}` : ''}\n`);
      }
    },
    stop: () => undefined,
  };
}
