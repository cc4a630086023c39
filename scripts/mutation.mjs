// `pnpm mutation [area…]`: runs Stryker over each mutation area in turn (all of them by
// default), one at a time so two shared cores are not oversubscribed. Scores land in
// reports/mutation/<area>.json; docs/mutation-testing.md records them.
import { spawnSync } from 'node:child_process';

const AREAS = ['http', 'pagination', 'migrate', 'wire'];
const chosen = process.argv.slice(2);
for (const area of chosen)
  if (!AREAS.includes(area)) throw new Error(`unknown area ${area}; one of ${AREAS.join(', ')}`);

let failed = false;
for (const area of chosen.length > 0 ? chosen : AREAS) {
  console.log(`\n== mutation area: ${area}`);
  const run = spawnSync('stryker', ['run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_AREA: area },
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
