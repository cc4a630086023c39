import { Server } from 'node:net';
import { createEmulator } from 'workos/emulate';

/** The official WorkOS emulator, bound to 127.0.0.1, with the keys it was declared with. */
export interface OfficialEmulator {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** API keys declared up front (the emulator limits each to 1,000 requests per 60 s). */
  readonly keys: readonly string[];
  /** The host its server was asked to listen on. */
  readonly boundHost: string | undefined;
  close(): Promise<void>;
}

/**
 * Starts the official emulator (`createEmulator` from `workos/emulate`, workos 0.14.0) on
 * 127.0.0.1 and a free port. `createEmulator` takes no host and its server would listen on
 * every interface, so the one `listen` call it makes (synchronously, inside the call) is
 * given the loopback host; the patch is removed before this returns. (With a host the
 * bind completes later, so the port is read from the server, not from the emulator, which
 * reads it too early and reports 0.)
 */
export async function startOfficialEmulator(keyCount = 64): Promise<OfficialEmulator> {
  const keys = Array.from({ length: keyCount }, (_, n) => `sk_test_orgport_${n}`);
  const apiKeys = Object.fromEntries(keys.map((key) => [key, { environment: 'test' }]));
  const listen = Server.prototype.listen;
  let boundHost: string | undefined;
  let server: Server | undefined;
  Server.prototype.listen = function patchedListen(this: Server, ...args: unknown[]) {
    if (typeof args[0] === 'number' && (args[1] === undefined || typeof args[1] === 'function')) {
      if (args[1] === undefined) args[1] = '127.0.0.1';
      else args.splice(1, 0, '127.0.0.1');
    }
    boundHost = typeof args[1] === 'string' ? args[1] : undefined;
    server = this;
    return (listen as (...rest: unknown[]) => Server).apply(this, args);
  } as typeof listen;
  let started: ReturnType<typeof createEmulator>;
  try {
    started = createEmulator({ port: 0, seed: { apiKeys } });
  } finally {
    Server.prototype.listen = listen;
  }
  const emulator = await started;
  // With a host the bind waits for a lookup, so the emulator read its port too early.
  if (!server) throw new Error('the emulator did not listen');
  const listening = server;
  if (!listening.listening) await new Promise((resolve) => listening.once('listening', resolve));
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('the emulator has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    keys,
    boundHost,
    close: () => emulator.close(),
  };
}
