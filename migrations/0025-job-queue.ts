import { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';
import { JOB_QUEUES } from '../src/jobs/job-queues';

/** The pg-boss schema; the app's runner uses the same name (src/jobs/pg-boss-runner.ts). */
const SCHEMA = 'pgboss';

/**
 * 0025 — the job queue (src/jobs, JOBS=pgboss): pg-boss's own schema `pgboss`, built here by the
 * owner from pg-boss's construction SQL (`PgBoss.getConstructionPlans`), and one queue per job of
 * src/jobs/job-queues.ts (`pgboss.create_queue`: a partition of `pgboss.job` each). The app starts
 * pg-boss with `migrate: false`, so its role needs no CREATE anywhere: the provisioning grants
 * (src/database/rls/app-role.ts) give it USAGE on the schema and rows of its tables.
 *
 * New objects in a new schema: nothing in use is locked. The construction SQL is its own transaction
 * (pg-boss's advisory lock, its own `lock_timeout`), hence `transaction = false`; a re-run after a
 * failure skips what exists. Upgrading pg-boss to another schema version takes a new migration
 * running `PgBoss.getMigrationPlans(SCHEMA, <installed version>)`.
 */
export class JobQueue1000000000025 implements MigrationInterface {
  name = 'JobQueue1000000000025';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    const installed = (await q.query(
      `SELECT to_regclass('${SCHEMA}.version') IS NOT NULL AS present`,
    )) as Array<{
      present: boolean;
    }>;
    if (!installed[0]?.present) await q.query(PgBoss.getConstructionPlans(SCHEMA));
    for (const queue of JOB_QUEUES) {
      // ON CONFLICT DO NOTHING inside: a queue that exists is left as it is.
      await q.query(`SELECT ${SCHEMA}.create_queue($1, $2::json)`, [
        queue,
        JSON.stringify({ policy: 'standard' }),
      ]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`SET lock_timeout = '5s'`);
    try {
      await q.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    } finally {
      await q.query(`RESET lock_timeout`);
    }
  }
}
