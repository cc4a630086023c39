import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationPlan } from '@orgport/migrate';
import type { CloudOrgSimulator } from '@orgport/simulator-cloud-org';

/**
 * A folder for running the real `orgport` command against a cloud-org simulator: an
 * `orgport.config.json` naming it `target` (its password from `CLOUD_PASSWORD`, never in
 * the file) and the plan as `plan.json`.
 */
export function cliFolder(sim: CloudOrgSimulator, plan: MigrationPlan, prefix = 'orgport-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(
    join(dir, 'orgport.config.json'),
    JSON.stringify({
      connections: {
        target: {
          vendor: 'cloud-org',
          baseUrl: sim.url,
          username: sim.username,
          password: 'env:CLOUD_PASSWORD',
        },
      },
    }),
  );
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return dir;
}
