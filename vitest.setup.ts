import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
// nock 15 needs Promise.withResolvers, which Node 20 lacks: install it for every test file.
import { installPromiseWithResolvers } from './packages/testkit/src/nock/promise-with-resolvers.js';

installPromiseWithResolvers();

// Every temporary folder a test file makes (through os.tmpdir()) lands in one folder of its
// own, removed when the file ends: test runs leave nothing behind. (rmSync removes links,
// never what they point to.)
const root = mkdtempSync(join(tmpdir(), 'orgport-test-'));
process.env.TMPDIR = root;
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
