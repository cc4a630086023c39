import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectory, type Directory } from '@orgport/core';
import type {
  RunningVendorSimulator,
  VendorSimulatorPreset,
  VendorSimulatorSeed,
} from '@orgport/core/driver';
import { applyMigration, planMigration } from '@orgport/migrate';
import { writeRows } from '../output/write-rows.js';
import { renderPlan } from '../plan/render-plan.js';
import { progressReporter } from '../progress/progress-reporter.js';
import { vendorNamed } from '../vendors/vendors.js';
import { DEMO_MAPPING } from './demo-mapping.js';

/** A vendor's simulator and a directory over it, both through the vendor registry. */
async function simulated(
  vendor: string,
  fixtures: VendorSimulatorSeed,
  preset: VendorSimulatorPreset,
): Promise<{ sim: RunningVendorSimulator; directory: Directory }> {
  const definition = vendorNamed(vendor);
  if (!definition.loadSimulator) throw new Error(`${vendor} has no simulator`);
  const sim = await (await definition.loadSimulator()).start({ fixtures, preset });
  const connector = await definition.load();
  const directory = createDirectory(connector.create(connector.connectionSchema.parse(sim.connection)));
  return { sim, directory };
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly organizations?: number;
  readonly membersPerOrg?: number;
  readonly quiet?: boolean;
  readonly out?: NodeJS.WritableStream;
}

/** The same vendor-neutral query against any directory. */
async function overview(directory: Directory) {
  const rows = [];
  for await (const org of directory.organizations.list()) {
    let members = 0;
    let admins = 0;
    let billing = 0;
    for await (const member of directory.members.list(org.id)) {
      members++;
      if (member.kinds.includes('admin')) admins++;
      if (member.kinds.includes('billing_manager')) billing++;
    }
    rows.push({ organization: org.displayName ?? org.name, members, admins, 'billing managers': billing });
  }
  return rows;
}

/**
 * `orgport demo`: the whole story on embedded simulators, no account needed — query both
 * vendors through the same code, plan an Auth0 → cloud-org migration with a role mapping
 * and show its loss report, apply it with progress and a journal, re-plan to show zero
 * operations.
 */
export async function runDemo(
  options: DemoOptions = {},
): Promise<{ applied: number; failed: number; replanned: number }> {
  const out = options.out ?? process.stdout;
  const started = Date.now();
  const seed: VendorSimulatorSeed = {
    seed: 42,
    organizations: options.organizations ?? 3,
    membersPerOrg: options.membersPerOrg ?? 1000,
  };
  const { sim: auth0Sim, directory: source } = await simulated('auth0', seed, 'tenant');
  const { sim: cloudSim, directory: target } = await simulated('cloud-org', seed, 'half-onboarded');
  const totalMembers = seed.organizations * seed.membersPerOrg;
  const workdir = mkdtempSync(join(tmpdir(), 'orgport-demo-'));
  try {
    out.write(
      `orgport demo — ${totalMembers} memberships in ${seed.organizations} organizations on a simulated Auth0 tenant,\n`,
    );
    out.write(
      `and the same organizations half-onboarded on a simulated cloud-org account (both on 127.0.0.1).\n\n`,
    );

    out.write(
      '1. One query, two vendors: members, admins and billing managers per organization\n\n   Auth0:\n',
    );
    await writeRows(out, 'table', await overview(source));
    out.write('\n   cloud-org (before):\n');
    await writeRows(out, 'table', await overview(target));

    out.write('\n2. Plan Auth0 → cloud-org against what cloud-org holds now (roles → product groups)\n\n');
    const plan = await planMigration({ source, target, mapping: DEMO_MAPPING });
    out.write(renderPlan(plan, 8));

    out.write('\n3. Apply, journaled (a killed run resumes with `orgport migrate --resume`)\n\n');
    const journal = join(workdir, 'journal.ndjson');
    const progress = progressReporter('   migrate', options.quiet, process.stderr);
    const result = await applyMigration(plan, {
      target,
      journal,
      concurrency: 8,
      onProgress: ({ done, total }) => progress.update(done, total),
    });
    progress.stop();
    out.write(
      `   Applied ${result.applied.length}, skipped ${result.skipped.length}, failed ${result.failed.length}, not attempted ${result.blocked.length}; ${cloudSim.stats.writes} writes sent for ${plan.operations.length} operations.\n`,
    );

    out.write('\n4. Re-plan: the target now holds what the mapping can carry\n\n');
    const again = await planMigration({ source, target, mapping: DEMO_MAPPING });
    out.write(`   ${again.operations.length} operations. `);
    out.write(again.operations.length === 0 ? 'Nothing left to do.\n' : 'Unexpected: see the plan above.\n');
    out.write('\n   cloud-org (after):\n');
    await writeRows(out, 'table', await overview(target));
    out.write(
      `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Next: \`orgport sim auth0\` and \`orgport --help\`.\n`,
    );
    return {
      applied: result.applied.length,
      failed: result.failed.length + result.blocked.length,
      replanned: again.operations.length,
    };
  } finally {
    await Promise.all([source.close(), target.close()]);
    await Promise.all([auth0Sim.close(), cloudSim.close()]);
    rmSync(workdir, { recursive: true, force: true });
  }
}
