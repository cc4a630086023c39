import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why a real full disk cannot be made here, or undefined when it can (root may mount a tmpfs). */
export function tinyDiskUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'a tiny tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tiny tmpfs needs root';
  return undefined;
}

/** A mounted tmpfs of `kib` KiB: a real file system that fills up. */
export interface TinyDisk {
  readonly path: string;
  /** Fills the disk until fewer than `leaveBytes` bytes are free (a file named `filler`). */
  fill(leaveBytes: number): void;
  /** Frees what `fill` took. */
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `kib` KiB in a new temporary folder. */
export function mountTinyDisk(kib: number): TinyDisk {
  const path = mkdtempSync(join(tmpdir(), 'orgport-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', path]);
  const filler = join(path, 'filler');
  return {
    path,
    fill(leaveBytes) {
      const free = Number(execFileSync('df', ['--output=avail', '-B1', path]).toString().split('\n')[1]);
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - leaveBytes)));
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
