import { guardPool, startFleetWorker, submitPlan } from '@orgport/fleet';
import { startThrowawayPostgres } from '@orgport/fleet/testing';
import pg from 'pg';
import { it } from 'vitest';
import { fleetScenario, openCloudOrg } from './fleet-world.js';

it('try', async () => {
  const db = await startThrowawayPostgres();
  const s = await fleetScenario(19, 2, 500);
  const sim = await s.target({ latencyMs: 10 });
  const pool = guardPool(new pg.Pool({ connectionString: db.url }));
  const w = await startFleetWorker({ pool, openTarget: async () => openCloudOrg(sim), concurrency: 2 });
  await submitPlan(pool, s.plan);
  for (let i = 0; i < 30; i++) {
    const r = await pool.query('SELECT locked_by, count(*) FROM graphile_worker.jobs GROUP BY 1');
    const o = await pool.query('SELECT count(*) FROM orgport_fleet.outcomes');
    console.log(JSON.stringify(r.rows), o.rows[0].count);
    await new Promise((d) => setTimeout(d, 100));
  }
  await w.stop();
  await pool.end();
  await db.stop();
  await sim.close();
}, 60000);
