import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OrgPortError } from '@orgport/core';

/** A PostgreSQL cluster of its own, in a temporary folder, listening on loopback only. */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly url: string;
  readonly port: number;
  /** Creates a new, empty database in the cluster and returns its URL (tests that must not see each other's data). */
  createDatabase(): Promise<string>;
  /** Stops the server (`immediate`: as if it crashed) and starts it again on the same port. */
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server as if it crashed, leaving it down until {@link ThrowawayPostgres.up} (an outage). */
  down(): Promise<void>;
  /** Starts the server again after {@link ThrowawayPostgres.down}, on the same port. */
  up(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Where the server's programs are: `pg_config --bindir`, else Debian's `/usr/lib/postgresql/<n>/bin`. */
export function postgresBinaries(): string | undefined {
  const candidates: string[] = [];
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (config.status === 0) candidates.push(config.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, version, 'bin'));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });

/**
 * Starts a throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a new
 * temporary folder, then `pg_ctl start` on a free loopback port. PostgreSQL refuses to run
 * as root, so under root both run as the `postgres` user (`runuser`). Durability settings
 * that only matter when the machine itself fails (`fsync`) are off; a restart in
 * `immediate` mode still exercises crash recovery.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin)
    throw new OrgPortError(
      'unavailable',
      'PostgreSQL server programs (initdb, pg_ctl) were not found: install the postgresql package',
    );
  const asRoot = process.getuid?.() === 0;
  // runuser lives in sbin, which a minimal PATH may leave out.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((path) => existsSync(path)) ?? 'runuser';
  const root = mkdtempSync(join(tmpdir(), 'orgport-pg-'));
  // The server's own user must reach its folder.
  if (asRoot) {
    chmodSync(root, 0o777);
    // Folders between /tmp and ours (a test runner's own temporary folder, made 0700).
    for (let dir = tmpdir(); dir.startsWith('/tmp/'); dir = dirname(dir)) chmodSync(dir, 0o755);
  }
  const data = join(root, 'data');
  const run = (program: string, args: readonly string[]): void => {
    const command = asRoot ? runuser : join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : [...args];
    execFileSync(command, argv, { stdio: 'pipe', cwd: root });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-p ${port}`,
    `-c unix_socket_directories=${root}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', join(root, 'server.log'), '-o', settings, '-w', 'start']);
  const stopServer = (mode: 'fast' | 'immediate') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  let stopped = false;
  // A test process that ends without stop() (a failed hook, a timeout) must not leave its
  // server running: stop it as the process exits.
  const onExit = () => {
    if (stopped) return;
    stopped = true;
    try {
      stopServer('immediate');
    } catch {
      // Already gone.
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    port,
    async createDatabase() {
      const name = `db_${++databases}`;
      const { default: postgres } = await import('pg');
      const admin = new postgres.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async restart(mode = 'immediate') {
      stopServer(mode);
      start();
    },
    async down() {
      stopServer('immediate');
    },
    async up() {
      start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      try {
        stopServer('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
