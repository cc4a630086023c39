import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAuth0Adapter } from '@orgport/adapter-auth0';
import { createCloudOrgAdapter } from '@orgport/adapter-cloud-org';
import { createDirectory, OrgPortError } from '@orgport/core';
import { createVirtualClock, type HttpEvent } from '@orgport/core/driver';
import { applyMigration, planMigration, snapshotRecords } from '@orgport/migrate';
import { startAuth0Simulator } from '@orgport/simulator-auth0';
import { startCloudOrgSimulator } from '@orgport/simulator-cloud-org';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');

/** Every string an error can show: message, JSON form, and the whole cause chain. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    parts.push(
      String(current),
      JSON.stringify(OrgPortError.is(current) ? current.toJSON() : { message: (current as Error).message }),
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

describe('secrets never leave', () => {
  it('client secrets, tokens and Basic credentials appear in no error, cause, event, snapshot, plan, journal or CLI output', async () => {
    // Waits run on a virtual clock shared by simulators and clients: 429s cost no real time.
    const clock = createVirtualClock();
    const auth0 = await startAuth0Simulator({
      clock,
      seed: 61,
      fixtures: { seed: 61, organizations: 2, membersPerOrg: 30 },
    });
    const cloud = await startCloudOrgSimulator({
      clock,
      seed: 61,
      fixtures: { seed: 61, organizations: 2, membersPerOrg: 30 },
    });
    const basic = Buffer.from(`${cloud.username}:${cloud.password}`).toString('base64');
    const events: HttpEvent[] = [];
    const collected: string[] = [];
    const onEvent = (event: HttpEvent) => events.push(event);
    try {
      const source = createDirectory(
        createAuth0Adapter({
          baseUrl: auth0.url,
          clientId: auth0.clientId,
          clientSecret: auth0.clientSecret,
          http: { onEvent, retry: { maxRetries: 1, baseDelayMs: 1 }, clock },
        }),
      );
      const target = createDirectory(
        createCloudOrgAdapter({
          baseUrl: cloud.url,
          username: cloud.username,
          password: cloud.password,
          http: { onEvent, retry: { maxRetries: 1, baseDelayMs: 1 }, clock },
        }),
      );

      // Failures of every kind, including vendors that echo what they received.
      auth0.faults.queue('server_error', 3);
      cloud.faults.queue('rate_limit', 3);
      for (const call of [
        () => source.organizations.list().toArray(),
        () => target.organizations.list().toArray(),
      ]) {
        collected.push(errorText(await call().catch((e: unknown) => e)));
      }
      const wrong = createDirectory(
        createAuth0Adapter({
          baseUrl: auth0.url,
          clientId: auth0.clientId,
          clientSecret: `${auth0.clientSecret}-wrong`,
          http: { onEvent, clock },
        }),
      );
      collected.push(
        errorText(
          await wrong.organizations
            .list()
            .toArray()
            .catch((e: unknown) => e),
        ),
      );
      const badBasic = createDirectory(
        createCloudOrgAdapter({
          baseUrl: cloud.url,
          username: cloud.username,
          password: `${cloud.password}-wrong`,
          http: { onEvent, clock },
        }),
      );
      collected.push(
        errorText(
          await badBasic.organizations
            .list()
            .toArray()
            .catch((e: unknown) => e),
        ),
      );
      auth0.revokeTokens();

      // Normal work: snapshot, plan, journaled apply.
      for await (const record of snapshotRecords(source)) collected.push(JSON.stringify(record));
      const plan = await planMigration({
        source,
        target,
        mapping: { rules: [{ from: { role: 'viewer' }, to: [{ product: '*', group: 'Viewers' }] }] },
      });
      collected.push(JSON.stringify(plan));
      const dir = mkdtempSync(join(tmpdir(), 'orgport-secrets-'));
      await applyMigration(plan, { target, journal: join(dir, 'journal.ndjson') });
      collected.push(readFileSync(join(dir, 'journal.ndjson'), 'utf8'));
      collected.push(JSON.stringify(events));

      // The CLI with wrong and right credentials.
      const config = join(dir, 'orgport.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          connections: {
            a: { vendor: 'auth0', baseUrl: auth0.url, clientId: auth0.clientId, clientSecret: 'env:S' },
            c: { vendor: 'cloud-org', baseUrl: cloud.url, username: cloud.username, password: 'env:P' },
          },
        }),
      );
      for (const [env, args] of [
        [{ S: auth0.clientSecret, P: cloud.password }, ['orgs', 'list', '-c', 'a', '-o', 'json']],
        [{ S: 'wrong-secret-value', P: 'wrong-password-value' }, ['orgs', 'list', '-c', 'c', '--verbose']],
        [{ S: auth0.clientSecret, P: cloud.password }, ['export', '-c', 'a']],
      ] as const) {
        collected.push(
          await new Promise<string>((done) => {
            const child = spawn(process.execPath, [BIN, '--config', config, ...args], {
              env: { PATH: process.env.PATH, ...env },
            });
            let out = '';
            child.stdout.on('data', (c) => (out += c));
            child.stderr.on('data', (c) => (out += c));
            child.on('close', () => done(out));
          }),
        );
      }
      await Promise.all([source.close(), target.close(), wrong.close(), badBasic.close()]);

      const secrets = [
        auth0.clientSecret,
        `${auth0.clientSecret}-wrong`,
        ...auth0.issuedTokens,
        cloud.password,
        `${cloud.password}-wrong`,
        basic,
      ];
      expect(auth0.issuedTokens.length).toBeGreaterThan(1);
      const everything = collected.join('\n');
      expect(everything.length).toBeGreaterThan(10_000);
      for (const secret of secrets)
        expect(everything.includes(secret), `a secret leaked (${secret.slice(0, 4)}…)`).toBe(false);
    } finally {
      await Promise.all([auth0.close(), cloud.close()]);
    }
  }, 60_000);

  it('TLS verification is never disabled in the sources', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (
          full.endsWith('.ts') &&
          /rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED/.test(readFileSync(full, 'utf8'))
        )
          offenders.push(full);
      }
    };
    for (const pkg of readdirSync(join(ROOT, 'packages'))) walk(join(ROOT, 'packages', pkg, 'src'));
    for (const vendor of readdirSync(join(ROOT, 'vendors')))
      for (const pkg of readdirSync(join(ROOT, 'vendors', vendor)))
        walk(join(ROOT, 'vendors', vendor, pkg, 'src'));
    expect(offenders).toEqual([]);
    // The walk must have reached both vendor folders' sources.
    const seen = readdirSync(join(ROOT, 'vendors'));
    expect(seen).toEqual(expect.arrayContaining(['auth0', 'cloud-org']));
    expect(offenders).toEqual([]);
  });
});
