/**
 * Checkout admission with one and with two app processes on one PostgreSQL (docs/operations.md,
 * "Background jobs" → "Checkout admission"). Not a benchmark and not part of the suite: a short
 * measurement. `npx ts-node -T test/jobs/measure-admission.ts [buyers] [stock]`
 *
 * Starts a throwaway embedded PostgreSQL, migrates it, seeds one hot SKU (`stock` units) and `buyers`
 * customers each with that SKU in their cart, then fires every checkout at once: first all at one
 * process, then split between two. While the burst runs it samples pg_stat_activity (sessions in a
 * transaction, sessions waiting for a lock) and times catalog reads on each process. Prints the
 * outcome counts, latencies, the samples' maxima and `uptime`.
 */
import { execSync, spawn, ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { EmbeddedPostgres, findFreePort } from '../../src/dev-postgres';
import { insertStockedVariants } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

const SECRET = 'measure-admission-secret-0123456789abcdef';
const REPO = path.join(__dirname, '..', '..');

interface Buyer {
  token: string;
  addressId: string;
}

async function main(): Promise<void> {
  const buyers = Number(process.argv[2] ?? 120);
  const stock = Number(process.argv[3] ?? 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-admission-'));
  fs.chmodSync(dir, 0o755);
  const port = await findFreePort();
  const pg = new EmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port,
    database: 'measure',
    settings: { max_connections: 100 },
  });
  const { url } = await pg.start();
  const children: ChildProcess[] = [];
  try {
    const ds = new DataSource(buildDataSourceOptions(url, { poolSize: 2 }));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const sql = new Client({ connectionString: url });
    await sql.connect();
    const ports = [await findFreePort(), await findFreePort()];
    for (const p of ports) children.push(startApp(url, p, dir));
    await Promise.all(ports.map((p) => waitListening(p)));

    for (const instances of [1, 2]) {
      const { storeId, variantIds } = await insertStockedVariants(sql, 1, stock);
      const slug = (await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [storeId]))
        .rows[0].slug;
      await sql.query(`UPDATE stores SET tax_rate = 0, shipping_flat = 0 WHERE id = $1`, [storeId]);
      const list: Buyer[] = [];
      for (let i = 0; i < buyers; i++) {
        const email = `b-${randomUUID()}@measure.test`;
        const id = (
          await sql.query<{ id: string }>(`INSERT INTO profiles (email) VALUES ($1) RETURNING id`, [email])
        ).rows[0].id;
        const addressId = await insertAddress(sql, id);
        await fillCart(sql, storeId, id, [{ variantId: variantIds[0], quantity: 1 }]);
        const token = jwt.sign({ sub: id, email, role: 'customer', typ: 'access' }, SECRET, {
          algorithm: 'HS256',
          expiresIn: 900,
        });
        list.push({ token, addressId });
      }
      const result = await burst(sql, slug, list, ports.slice(0, instances));
      const sold = (
        await sql.query<{ reserved: number; quantity: number }>(
          `SELECT reserved, quantity FROM inventory WHERE variant_id = $1`,
          [variantIds[0]],
        )
      ).rows[0];
      console.log(
        JSON.stringify({
          instances,
          buyers,
          stock,
          ...result,
          reserved: sold.reserved,
          quantity: sold.quantity,
        }),
      );
    }
    await sql.end();
    console.log(`uptime: ${execSync('uptime').toString().trim()}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function startApp(url: string, port: number, dir: string): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      DATABASE_RLS: 'off',
      JWT_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: 'error',
      AUTH_RATE_LIMIT: '0',
      DATA_DIR: path.join(dir, `app-${port}`),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitListening(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status < 500) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`app on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function burst(sql: Client, slug: string, buyers: Buyer[], ports: number[]) {
  let running = true;
  let maxInTx = 0;
  let maxLockWaits = 0;
  let maxConnections = 0;
  const sampler = (async () => {
    while (running) {
      const { rows } = await sql.query<{ in_tx: number; lock_waits: number; conns: number }>(
        `SELECT count(*) FILTER (WHERE xact_start IS NOT NULL)::int AS in_tx,
                count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock_waits,
                count(*)::int AS conns
           FROM pg_stat_activity WHERE application_name = 'commerce-api' AND pid <> pg_backend_pid()`,
      );
      maxInTx = Math.max(maxInTx, rows[0].in_tx);
      maxLockWaits = Math.max(maxLockWaits, rows[0].lock_waits);
      maxConnections = Math.max(maxConnections, rows[0].conns);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const reads: number[] = [];
  const reader = (async () => {
    while (running) {
      for (const port of ports) {
        const t = performance.now();
        await fetch(`http://127.0.0.1:${port}/api/stores/${slug}/products?limit=20`).then((r) =>
          r.arrayBuffer(),
        );
        reads.push(performance.now() - t);
      }
    }
  })();
  const started = performance.now();
  const outcomes = await Promise.all(
    buyers.map(async (buyer, i) => {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${ports[i % ports.length]}/api/stores/${slug}/checkout`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${buyer.token}`,
          'Idempotency-Key': randomUUID(),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ shippingAddressId: buyer.addressId }),
      });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t };
    }),
  );
  const wallMs = performance.now() - started;
  running = false;
  await Promise.all([sampler, reader]);
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const sortedReads = reads.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  return {
    statuses,
    wallMs: Math.round(wallMs),
    checkoutP50: Math.round(pct(latencies, 50)),
    checkoutP99: Math.round(pct(latencies, 99)),
    catalogReads: reads.length,
    catalogP50: Math.round(pct(sortedReads, 50)),
    catalogP99: Math.round(pct(sortedReads, 99)),
    maxSessionsInTransaction: maxInTx,
    maxLockWaits,
    maxConnections,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
