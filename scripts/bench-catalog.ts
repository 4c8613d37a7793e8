/**
 * npm run bench:catalog [-- --duration 10 --connections 10 --products 10000 --variants 4]
 *
 * Measures the public catalog under load and compares it with a bare baseline:
 *  1. a database: DATABASE_URL when set (the `bench` store is reused when it is big enough), otherwise a
 *     throwaway embedded PostgreSQL, seeded with `--products` × `--variants` (scripts/seed-catalog.ts);
 *  2. the real app in its own process (src/main.ts, NODE_ENV=production, LOG_LEVEL=warn);
 *  3. a bare `node:http` + `pg` server in its own process that runs the SAME SQL (the builders of
 *     src/catalog/storefront-sql.ts) and the same row → JSON mapping, with no framework around it;
 *  4. autocannon on loopback against both, scenario by scenario, after checking that both servers
 *     answer every scenario with identical JSON.
 * Writes bench-results/catalog.json (gitignored: machine-specific) and prints a table; the app's
 * req/s as a ratio of the baseline's is the number to watch (target ≥ 0.6 on listing and detail).
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { parseMoney } from '../src/common/money';
import { EmbeddedPostgres, findFreePort } from '../src/database/embedded-postgres';
import {
  buildProductDetailQuery,
  buildProductListQuery,
  PRODUCT_SORTS,
  ProductDetailRow,
  ProductListRow,
  ProductSort,
  searchQueryText,
} from '../src/catalog/storefront-sql';
import { toProductCard, toProductDetail } from '../src/catalog/storefront/storefront.responses';
import { migrateDatabase, seedCatalog, progressBar } from './seed-catalog';

const STORE = 'bench';
const ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(ROOT, 'bench-results', 'catalog.json');
/** Same as the app's default TypeORM pool (src/database/data-source-options.ts), for a fair fight. */
const POOL_SIZE = 10;
const WARMUP_SECONDS = 2;

interface BenchOptions {
  duration: number;
  connections: number;
  products: number;
  variants: number;
}

interface Scenario {
  name: string;
  /** One path, or several taken in turn (product pages). */
  paths: string[];
}

interface Measurement {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

// ---------------------------------------------------------------------------------------------------
// The bare baseline server (runs in a child process: `bench-catalog.ts --baseline-server`)
// ---------------------------------------------------------------------------------------------------

/**
 * node:http + pg, nothing else: no validation beyond what the SQL builders need, no middleware, no
 * error shapes. The rows go through the same toProductCard/toProductDetail as in the app, so the
 * ratio measures the framework and the app's own per-request work, not different JSON.
 */
function runBaselineServer(): void {
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: POOL_SIZE });
  const send = (res: http.ServerResponse, status: number, body: unknown): void => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(json);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const handle = async (): Promise<void> => {
      if (parts[0] !== 'api' || parts[1] !== 'stores' || parts[3] !== 'products') {
        return send(res, parts[0] === 'ready' ? 200 : 404, {});
      }
      if (parts.length === 5) {
        const detail = buildProductDetailQuery(parts[2], parts[4]);
        const { rows } = await pool.query<ProductDetailRow>(detail.sql, detail.params);
        const product = rows[0]?.product;
        return product ? send(res, 200, toProductDetail(product)) : send(res, 404, {});
      }
      const query = url.searchParams;
      const attributes: Record<string, string> = {};
      for (const [key, value] of query) if (key.startsWith('attr.')) attributes[key.slice(5)] = value;
      const page = Number(query.get('page') ?? 1);
      const limit = Number(query.get('limit') ?? 24);
      const money = (key: string) => (query.has(key) ? parseMoney(query.get(key) as string) : undefined);
      const sort = query.get('sort') ?? 'newest';
      const statement = buildProductListQuery({
        storeSlug: parts[2],
        categorySlug: query.get('category') ?? undefined,
        tagSlug: query.get('tag') ?? undefined,
        searchQuery: query.has('q') ? searchQueryText(query.get('q') as string) : undefined,
        minPrice: money('minPrice'),
        maxPrice: money('maxPrice'),
        attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
        featured: query.get('featured') === 'true',
        sort: (PRODUCT_SORTS as readonly string[]).includes(sort) ? (sort as ProductSort) : 'newest',
        limit,
        offset: (page - 1) * limit,
      });
      const { rows } = await pool.query<ProductListRow>(statement.sql, statement.params);
      if (!rows[0]) return send(res, 404, {});
      send(res, 200, { items: rows[0].items.map(toProductCard), total: rows[0].total, page, limit });
    };
    handle().catch((error: unknown) => {
      process.stderr.write(`baseline: ${error instanceof Error ? error.message : String(error)}\n`);
      send(res, 500, {});
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
}

// ---------------------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { duration: 10, connections: 10, products: 10_000, variants: 4 };
  const limits: Record<string, [keyof BenchOptions, number, number]> = {
    '--duration': ['duration', 1, 120],
    '--connections': ['connections', 1, 200],
    '--products': ['products', 100, 1_000_000],
    '--variants': ['variants', 1, 36],
  };
  for (let i = 0; i < argv.length; i += 2) {
    const spec = limits[argv[i]];
    const value = Number(argv[i + 1]);
    if (!spec || !Number.isInteger(value) || value < spec[1] || value > spec[2]) {
      throw new Error(
        `Usage: npm run bench:catalog -- [--duration s] [--connections n] [--products n] [--variants n]` +
          (spec
            ? ` (${argv[i]} takes an integer from ${spec[1]} to ${spec[2]})`
            : ` (unknown option ${argv[i]})`),
      );
    }
    options[spec[0]] = value;
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Starts `args` with ts-node in a child process of its own; its output is kept for error reports. */
function startNode(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  output: () => string,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output()}`);
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within 120 s:\n${output()}`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function measure(baseUrl: string, scenario: Scenario, seconds: number, connections: number) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = scenario.paths[next++ % scenario.paths.length];
          return request;
        },
      },
    ],
  });
  const measurement: Measurement = {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
  return measurement;
}

/** Both servers must give the same JSON for every scenario path, or the comparison means nothing. */
async function checkSameAnswers(appUrl: string, baselineUrl: string, scenarios: Scenario[]): Promise<void> {
  for (const scenario of scenarios) {
    for (const p of scenario.paths.slice(0, 3)) {
      // One retry: an idle keep-alive connection that the server closes just as it is reused fails once.
      const get = (url: string) =>
        fetch(url)
          .catch(() => fetch(url))
          .catch((error: unknown) => {
            const cause =
              error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
            throw new Error(`${scenario.name}: GET ${url} failed${cause}`);
          });
      const [app, bare] = await Promise.all([get(appUrl + p), get(baselineUrl + p)]);
      const [appBody, bareBody] = [await app.text(), await bare.text()];
      if (app.status !== 200 || bare.status !== 200 || appBody !== bareBody) {
        throw new Error(
          `${scenario.name}: the app and the baseline disagree on ${p} (${app.status} vs ${bare.status}):\n` +
            `${appBody.slice(0, 300)}\n${bareBody.slice(0, 300)}`,
        );
      }
      if (scenario.name !== 'product detail' && (JSON.parse(appBody) as { total: number }).total === 0) {
        throw new Error(`${scenario.name}: ${p} matches nothing; the scenario would measure an empty page`);
      }
    }
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--baseline-server')) return runBaselineServer();
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const children: ChildProcess[] = [];
  const outputs: Array<[string, () => string]> = [];
  let postgres: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  const cleanUp = async (): Promise<void> => {
    await Promise.all(children.map(stopChild));
    await postgres?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanUp().then(() => process.exit(130));
  });

  try {
    // 1. Database, migrated and seeded.
    let databaseUrl = process.env.DATABASE_URL?.trim();
    if (databaseUrl) {
      log('Using DATABASE_URL');
    } else {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-bench-'));
      fs.chmodSync(tempDir, 0o755); // the postgres OS user must be able to enter it
      postgres = new EmbeddedPostgres({
        dataDir: tempDir,
        // Throwaway data: durability settings only slow the seed down; reads are unaffected.
        settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
      });
      databaseUrl = (await postgres.start()).url;
      log(`Throwaway embedded PostgreSQL in ${tempDir}`);
    }
    await migrateDatabase(databaseUrl);
    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    let catalog: { products: number; variants: number; postgres: string; sampleSlugs: string[] };
    try {
      const count = async (table: string): Promise<number> =>
        Number(
          (
            await sql.query<{ n: string }>(
              `SELECT count(*) AS n FROM ${table} t JOIN stores s ON s.id = t.store_id WHERE s.slug = $1`,
              [STORE],
            )
          ).rows[0].n,
        );
      const existing = await count('products');
      if (existing >= options.products) {
        log(`Reusing store "${STORE}" (${existing} products)`);
      } else {
        const result = await seedCatalog(
          sql,
          {
            products: options.products - existing,
            variantsPerProduct: options.variants,
            storeSlug: STORE,
            seed: 1,
          },
          progressBar('products'),
        );
        log(
          `Seeded ${result.products} products, ${result.variants} variants in ${(result.ms / 1000).toFixed(1)} s`,
        );
      }
      // A spread of product pages, not one hot row.
      const slugs = await sql.query<{ slug: string }>(
        `SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id
          WHERE s.slug = $1 AND p.is_active ORDER BY md5(p.id::text) LIMIT 500`,
        [STORE],
      );
      catalog = {
        products: await count('products'),
        variants: await count('product_variants'),
        postgres: (await sql.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v,
        sampleSlugs: slugs.rows.map((row) => row.slug),
      };
    } finally {
      await sql.end();
    }

    // 2. The app and the baseline, each in its own process.
    const appPort = await findFreePort();
    const app = startNode(['src/main.ts'], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PORT: String(appPort),
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_RATE_LIMIT: '0',
    });
    children.push(app.child);
    outputs.push(['the app', app.output]);
    const baselinePort = await findFreePort();
    const baseline = startNode([path.join('scripts', 'bench-catalog.ts'), '--baseline-server'], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      BENCH_DATABASE_URL: databaseUrl,
      PORT: String(baselinePort),
    });
    children.push(baseline.child);
    outputs.push(['the baseline server', baseline.output]);
    const appUrl = `http://127.0.0.1:${appPort}`;
    const baselineUrl = `http://127.0.0.1:${baselinePort}`;
    await waitForHttp(`${appUrl}/api/health`, app.child, app.output, 'The app');
    await waitForHttp(`${baselineUrl}/ready`, baseline.child, baseline.output, 'The baseline server');

    // 3. Scenarios, checked, then measured: app and baseline alternate so that background load hits both.
    const products = `/api/stores/${STORE}/products`;
    const scenarios: Scenario[] = [
      { name: 'listing', paths: [products] },
      {
        name: 'filtered listing',
        paths: [`${products}?category=apparel&attr.color=red&minPrice=20&maxPrice=200`],
      },
      { name: 'text search', paths: [`${products}?q=cotton`] },
      { name: 'product detail', paths: catalog.sampleSlugs.map((slug) => `${products}/${slug}`) },
    ];
    await checkSameAnswers(appUrl, baselineUrl, scenarios);
    log(
      `Measuring ${scenarios.length} scenarios × 2 servers, ${options.duration} s each ` +
        `(+${WARMUP_SECONDS} s warm-up), ${options.connections} connections`,
    );
    const results = [];
    for (const scenario of scenarios) {
      await measure(appUrl, scenario, WARMUP_SECONDS, options.connections);
      const appResult = await measure(appUrl, scenario, options.duration, options.connections);
      await measure(baselineUrl, scenario, WARMUP_SECONDS, options.connections);
      const baselineResult = await measure(baselineUrl, scenario, options.duration, options.connections);
      const ratio = Math.round((appResult.reqPerSec / baselineResult.reqPerSec) * 100) / 100;
      results.push({
        scenario: scenario.name,
        path: scenario.paths[0],
        app: appResult,
        baseline: baselineResult,
        ratio,
      });
      log(
        `  ${scenario.name}: app ${appResult.reqPerSec} req/s, baseline ${baselineResult.reqPerSec} req/s, ratio ${ratio}`,
      );
    }

    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        postgres: `${catalog.postgres}${postgres ? ' (embedded)' : ''}`,
      },
      catalog: { store: STORE, products: catalog.products, variants: catalog.variants },
      settings: {
        durationSeconds: options.duration,
        warmupSeconds: WARMUP_SECONDS,
        connections: options.connections,
        poolSize: POOL_SIZE,
        app: 'src/main.ts via ts-node (transpile-only), NODE_ENV=production, LOG_LEVEL=warn',
      },
      results,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    printTable(results);
    log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)} in ${report.totalSeconds} s`);
    const errors = results.some(
      (r) => r.app.errors + r.app.non2xx + r.baseline.errors + r.baseline.non2xx > 0,
    );
    if (errors) {
      log('Some requests failed (errors or non-2xx above): the numbers are not trustworthy.');
      process.exitCode = 1;
    }
  } catch (error) {
    for (const [name, output] of outputs) log(`--- last output of ${name}:\n${output().slice(-3000)}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

function printTable(
  results: Array<{ scenario: string; app: Measurement; baseline: Measurement; ratio: number }>,
): void {
  const rows = [
    ['scenario', 'app req/s', 'p50', 'p99', 'baseline req/s', 'p50', 'p99', 'ratio'],
    ...results.map((r) => [
      r.scenario,
      String(r.app.reqPerSec),
      `${r.app.p50Ms} ms`,
      `${r.app.p99Ms} ms`,
      String(r.baseline.reqPerSec),
      `${r.baseline.p50Ms} ms`,
      `${r.baseline.p99Ms} ms`,
      r.ratio.toFixed(2),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
