/**
 * WEB_CONCURRENCY=2 through the real entrypoint (src/main.ts): the primary migrates once and forks two
 * workers sharing PORT; both answer (their pids label commerce_process_http_requests_total, summed
 * over the workers by the primary); a crashed worker is replaced; SIGTERM drains: readiness 503,
 * the request in flight finishes, the primary exits 0.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../src/dev-postgres';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { exitWithin, MainProcess, startMain, waitUntilListening } from '../support/main-process';

interface Reply {
  status: number;
  body: string;
}

/** One request on a connection of its own (no keep-alive), so the cluster spreads them. */
function get(port: number, pathname: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: pathname, agent: false, headers: { Connection: 'close' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
  });
}

/** pid → requests, from commerce_process_http_requests_total. */
function requestsByPid(metrics: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const match of metrics.matchAll(/^commerce_process_http_requests_total\{pid="(\d+)"\} (\d+)/gm)) {
    byPid.set(Number(match[1]), Number(match[2]));
  }
  return byPid;
}

describe('WEB_CONCURRENCY=2 (node:cluster) through src/main.ts', () => {
  let db: TestDatabase;
  let dataDir: string;
  let port: number;
  let main: MainProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-spec-'));
    port = await findFreePort();
    main = startMain({
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      WEB_CONCURRENCY: '2',
      SHUTDOWN_GRACE_MS: '1500',
      LOG_LEVEL: 'warn',
    });
    // ts-node compiles src/ in the primary and again in each worker: minutes on a loaded machine.
    await waitUntilListening(main, port, 240_000);
  }, 270_000);

  afterAll(async () => {
    if (main?.child.exitCode === null) {
      main.child.kill('SIGKILL');
      await exitWithin(main.exited, main.child, 10_000).catch(() => undefined);
    }
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the API line once, and two worker processes answer (not the primary)', async () => {
    expect(main.output().match(/API: http:\/\/localhost:\d+\/api/g)).toHaveLength(1);
    for (let i = 0; i < 20; i += 1) {
      expect((await get(port, '/api/health/live')).status).toBe(200);
    }
    const metrics = await get(port, '/api/metrics');
    expect(metrics.status).toBe(200);
    const byPid = requestsByPid(metrics.body);
    expect(byPid.size).toBe(2);
    expect(byPid.has(main.child.pid ?? -1)).toBe(false);
    for (const count of byPid.values()) expect(count).toBeGreaterThan(0);
    // Summed over the workers by the primary: all 20 probes, whichever worker took them.
    expect(metrics.body).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} 20$/m,
    );
  });

  it('a worker that crashes is replaced', async () => {
    const before = requestsByPid((await get(port, '/api/metrics')).body);
    const [victim] = [...before.keys()];
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 150_000;
    let pids = new Set<number>();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (let i = 0; i < 6; i += 1) await get(port, '/api/health/live').catch(() => undefined);
      const reply = await get(port, '/api/metrics').catch(() => undefined);
      pids = new Set(reply ? requestsByPid(reply.body).keys() : []);
      if (pids.size === 2 && !pids.has(victim)) break;
    }
    expect(pids.size).toBe(2);
    expect(pids.has(victim)).toBe(false);
  }, 180_000);

  it('SIGTERM: not ready at once, the slow request in flight finishes, the primary exits 0', async () => {
    // A request held in the database: the stores list waits on a lock this test holds.
    const locker = new Client({ connectionString: db.url });
    await locker.connect();
    let released = false;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE stores IN ACCESS EXCLUSIVE MODE');
      const slow = get(port, '/api/stores');
      const waitingDeadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await locker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0].n > 0) break;
        if (Date.now() > waitingDeadline) throw new Error('the slow request never reached the database');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      main.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Within SHUTDOWN_GRACE_MS: still accepting, but not ready.
      const ready = await get(port, '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toEqual({ status: 'not_ready', reason: 'shutting_down' });
      expect((await get(port, '/api/health/live')).status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(main.child.exitCode).toBeNull();
      await locker.query('COMMIT');
      released = true;
      const answer = await slow;
      expect(answer.status).toBe(200);
    } finally {
      if (!released) await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const result = await exitWithin(main.exited, main.child, 30_000);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  }, 60_000);
});
