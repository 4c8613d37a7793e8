/**
 * npm run bench:catalog [-- --duration 20 --warmup 10 --connections 50 --products 10000 --variants 4]
 *
 * The defaults are the load profile of /work/shared/PERFORMANCE.md (50 connections, 10 s warm-up, 20 s
 * measured, 10,000 × 4); the flags are for quick runs only, whose figures are not comparable with it.
 *
 * Measures the public catalog under load and compares it with a bare baseline:
 *  1. a database: DATABASE_URL when set (the `bench` store is reused when it is big enough), otherwise a
 *     throwaway embedded PostgreSQL, seeded with `--products` × `--variants` (scripts/seed-catalog.ts);
 *  2. the real app as `npm start` runs it: compiled (tsc, into bench-results/catalog-build) and started
 *     as `node <build>/src/main.js` directly, so the pid whose memory is sampled is the app itself (no
 *     npm/sh wrapper) and its memory holds no TypeScript compiler; NODE_ENV=production, LOG_LEVEL=log
 *     (JSON access lines to bench-results/catalog-app.log; `--app-log-level warn` turns them off);
 *  3. a bare `node:http` + `pg` server in its own process (this script, compiled the same way) that runs
 *     the SAME SQL (the builders of src/catalog/storefront-sql.ts) and the same row → JSON mapping, with
 *     no framework around it;
 *  4. autocannon on loopback against both, scenario by scenario, after checking that both servers
 *     answer every scenario with identical JSON, and counting the app's SQL statements per request
 *     (pg_stat_statements, on the embedded PostgreSQL);
 *  5. the app's resident memory (VmRSS of its pid) sampled every 250 ms through each scenario.
 * Writes bench-results/catalog.json (gitignored: machine-specific) with a `targets` object per
 * scenario (met true/false and the figure), and prints a table.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client, Pool, QueryResultRow } from 'pg';
import { parseMoney } from '../src/common/money';
import { EmbeddedPostgres, findFreePort } from '../src/dev-postgres';
import { assertIsApp, cpuTimeMs, RssSampler } from './bench-support';
import {
  buildProductDetailQuery,
  buildProductListQuery,
  PRODUCT_SORTS,
  ProductDetailRow,
  ProductListRow,
  ProductSort,
  searchQueryText,
  SqlStatement,
} from '../src/catalog/storefront-sql';
import { toProductCard, toProductDetail } from '../src/catalog/storefront/storefront.responses';
import { migrateDatabase, seedCatalog, progressBar } from './seed-catalog';

const STORE = 'bench';
const ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(ROOT, 'bench-results', 'catalog.json');
/** The app's stdout and stderr: its JSON access lines. */
const APP_LOG_FILE = path.join(ROOT, 'bench-results', 'catalog-app.log');
/** Inside the project so that the compiled files resolve node_modules; bench-results/ is gitignored. */
const BUILD_DIR = path.join(ROOT, 'bench-results', 'catalog-build');
/** Same as the app's default TypeORM pool (src/database/data-source-options.ts), for a fair fight. */
const POOL_SIZE = 10;
/** Requests per scenario whose statements are counted (divided out: statements per request). */
const COUNTED_REQUESTS = 20;

/**
 * PERFORMANCE.md (raised, 2026-12-01): listing and detail are judged against the bare baseline of the
 * same run (absolute figures move with the machine); every scenario has the memory ceiling.
 */
const TARGETS = {
  listing: { maxP99Ms: 250, maxStatements: 4, minRatio: 0.85 },
  'product detail': { minRatio: 0.75 },
  maxRssMb: 300,
} as const;

interface BenchOptions {
  duration: number;
  warmup: number;
  connections: number;
  products: number;
  variants: number;
  /** Run the app with `node --cpu-prof` (profiles in bench-results/cpu-profiles, written at exit). */
  cpuProf: boolean;
  /** `--only <scenario>`: measure that scenario alone (e.g. to profile it); all four when absent. */
  only?: string;
  /**
   * The app's LOG_LEVEL (`--app-log-level`): `log` (default) writes one JSON access line per request,
   * as production does; `warn` turns access lines off, to measure what logging costs.
   */
  appLogLevel: 'log' | 'warn';
}

interface TargetCheck {
  met: boolean;
  target: string;
  value: number | null;
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
  /** The server process's CPU time (user + system) per request over the measured run. */
  cpuMsPerRequest: number | null;
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
  // Prepared when the builder names the statement, as in the app (StorefrontService).
  const run = <T extends QueryResultRow>(statement: SqlStatement) =>
    pool.query<T>({ name: statement.name, text: statement.sql, values: statement.params });
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
        const { rows } = await run<ProductDetailRow>(buildProductDetailQuery(parts[2], parts[4]));
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
      const { rows } = await run<ProductListRow>(statement);
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
  const options: BenchOptions = {
    duration: 20,
    warmup: 10,
    connections: 50,
    products: 10_000,
    variants: 4,
    cpuProf: false,
    appLogLevel: 'log',
  };
  const limits: Record<
    string,
    [Exclude<keyof BenchOptions, 'cpuProf' | 'only' | 'appLogLevel'>, number, number]
  > = {
    '--duration': ['duration', 1, 120],
    '--warmup': ['warmup', 0, 120],
    '--connections': ['connections', 1, 200],
    '--products': ['products', 100, 1_000_000],
    '--variants': ['variants', 1, 36],
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--cpu-prof') {
      options.cpuProf = true;
      i--;
      continue;
    }
    if (argv[i] === '--app-log-level' && (argv[i + 1] === 'log' || argv[i + 1] === 'warn')) {
      options.appLogLevel = argv[i + 1] as 'log' | 'warn';
      continue;
    }
    if (argv[i] === '--only' && argv[i + 1] !== undefined) {
      options.only = argv[i + 1];
      continue;
    }
    const spec = limits[argv[i]];
    const value = Number(argv[i + 1]);
    if (!spec || !Number.isInteger(value) || value < spec[1] || value > spec[2]) {
      throw new Error(
        `Usage: npm run bench:catalog -- [--duration s] [--warmup s] [--connections n] [--products n] [--variants n] [--cpu-prof] [--only scenario] [--app-log-level log|warn]` +
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

/**
 * Compiles the project (tsconfig.build.json) into BUILD_DIR, as `npm run build` does into dist/ (a folder
 * of our own: the checkout benchmark builds dist/ and may run at another time with other sources).
 * Type errors in files being edited by others do not stop the emit, so they are shown, not fatal.
 */
function buildApp(): void {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!fs.existsSync(path.join(BUILD_DIR, 'src', 'main.js'))) {
    throw new Error(`tsc did not produce src/main.js:\n${tsc.stdout}${tsc.stderr}`);
  }
  if (tsc.status !== 0)
    log(`tsc reported errors (the build was emitted anyway):\n${tsc.stdout.slice(0, 2000)}`);
}

/**
 * Starts a compiled script with node, no wrapper; its output is kept for error reports. With `logFile`
 * its output goes straight to that file instead (the app's access lines: piping a thousand lines a
 * second through this process would take CPU from the load generator).
 */
function startNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile?: string,
): { child: ChildProcess; output: () => string } {
  if (logFile !== undefined) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const fd = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    const tail = (): string => {
      const text = fs.readFileSync(logFile, 'utf8');
      return text.slice(-20_000);
    };
    return { child, output: tail };
  }
  let output = '';
  const child = spawn(process.execPath, args, {
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

/**
 * The app's SQL statements per request for a scenario, from pg_stat_statements (which counts what the
 * server executed, whatever the client library): reset, COUNTED_REQUESTS requests one at a time, read.
 * Only the app is sending statements meanwhile (the baseline is idle); our own are filtered out.
 */
async function statementsPerRequest(
  sql: Client,
  appUrl: string,
  scenario: Scenario,
): Promise<{ perRequest: number; byStatement: Array<{ calls: number; query: string }> }> {
  // Requests the previous load left queued in a pool (the app's or the baseline's) finish after
  // autocannon stops: wait them out. One idle sample is not enough, as a queue drains statement by
  // statement with idle instants between them: the database must look idle five times in a row.
  for (let i = 0, idleInARow = 0; i < 200 && idleInARow < 5; i++) {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    idleInARow = rows[0].n === 0 ? idleInARow + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await sql.query('SELECT pg_stat_statements_reset()');
  for (let i = 0; i < COUNTED_REQUESTS; i++) {
    const res = await fetch(appUrl + scenario.paths[i % scenario.paths.length]);
    if (res.status !== 200) throw new Error(`${scenario.name}: ${res.status} while counting statements`);
    await res.arrayBuffer();
  }
  const { rows } = await sql.query<{ calls: string; query: string }>(
    `SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT ILIKE '%pg_stat_statements%'
      ORDER BY calls DESC`,
  );
  const byStatement = rows.map((row) => ({ calls: Number(row.calls), query: row.query }));
  const total = byStatement.reduce((sum, row) => sum + row.calls, 0);
  return { perRequest: total / COUNTED_REQUESTS, byStatement };
}

function targetsFor(
  scenario: string,
  app: Measurement,
  ratio: number,
  statements: number | null,
  maxRssMb: number | null,
): Record<string, TargetCheck> {
  const atLeast = (value: number | null, min: number, unit: string): TargetCheck => ({
    met: value !== null && value >= min,
    target: `>= ${min}${unit}`,
    value,
  });
  const atMost = (value: number | null, max: number, unit: string): TargetCheck => ({
    met: value !== null && value <= max,
    target: `<= ${max}${unit}`,
    value,
  });
  const checks: Record<string, TargetCheck> = {
    maxRssMb: {
      met: maxRssMb !== null && maxRssMb < TARGETS.maxRssMb,
      target: `< ${TARGETS.maxRssMb} MB`,
      value: maxRssMb,
    },
  };
  if (scenario === 'listing') {
    const t = TARGETS.listing;
    checks.p99Ms = atMost(app.p99Ms, t.maxP99Ms, ' ms');
    checks.statementsPerRequest = atMost(statements, t.maxStatements, '');
    checks.ratio = atLeast(ratio, t.minRatio, ' of baseline');
  } else if (scenario === 'product detail') {
    const t = TARGETS['product detail'];
    checks.ratio = atLeast(ratio, t.minRatio, ' of baseline');
  }
  return checks;
}

async function measure(
  baseUrl: string,
  scenario: Scenario,
  seconds: number,
  connections: number,
  serverPid?: number,
) {
  let next = 0;
  const cpuBefore = cpuTimeMs(serverPid);
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
  const cpuAfter = cpuTimeMs(serverPid);
  const measurement: Measurement = {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
        ? Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 1000) / 1000
        : null,
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
  let stats: Client | undefined;
  let rss: RssSampler | undefined;
  const cleanUp = async (): Promise<void> => {
    rss?.stop();
    await stats?.end().catch(() => undefined);
    await Promise.all(children.map(stopChild));
    await postgres?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    // Compiled JS left in the tree would be linted by `npx eslint .` (only root *.js and dist/ are ignored).
    fs.rmSync(BUILD_DIR, { recursive: true, force: true });
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
        settings: {
          fsync: 'off',
          synchronous_commit: 'off',
          full_page_writes: 'off',
          // To count the app's statements per request (server side, whatever the client does).
          shared_preload_libraries: 'pg_stat_statements',
        },
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

    // Statement counting needs pg_stat_statements loaded; on a DATABASE_URL server it may not be.
    const statsClient = new Client({ connectionString: databaseUrl });
    stats = statsClient;
    await statsClient.connect();
    const canCount = await statsClient.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(
      () => statsClient.query('SELECT pg_stat_statements_reset()').then(() => true),
      (error: unknown) => {
        log(`Not counting statements (pg_stat_statements unavailable: ${String(error)})`);
        return false;
      },
    );

    // 2. The app and the baseline, each in its own process, both compiled.
    log('Compiling (tsc -p tsconfig.build.json)');
    buildApp();
    const appPort = await findFreePort();
    const profiling = options.cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench-results', 'cpu-profiles')}`]
      : [];
    const app = startNode(
      [...profiling, path.join(BUILD_DIR, 'src', 'main.js')],
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        LOG_LEVEL: options.appLogLevel,
        LOG_FORMAT: 'json',
        DATABASE_URL: databaseUrl,
        PORT: String(appPort),
        JWT_SECRET: randomBytes(32).toString('hex'),
        AUTH_RATE_LIMIT: '0',
      },
      APP_LOG_FILE,
    );
    children.push(app.child);
    outputs.push(['the app', app.output]);
    const baselinePort = await findFreePort();
    const baseline = startNode([path.join(BUILD_DIR, 'scripts', 'bench-catalog.js'), '--baseline-server'], {
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
    rss = new RssSampler(assertIsApp(app.child.pid));
    const startupRssMb = rss.takeMaxMb();

    // 3. Scenarios, checked, then measured: app and baseline alternate so that background load hits both.
    const products = `/api/stores/${STORE}/products`;
    const allScenarios: Scenario[] = [
      { name: 'listing', paths: [products] },
      {
        name: 'filtered listing',
        paths: [`${products}?category=apparel&attr.color=red&minPrice=20&maxPrice=200`],
      },
      { name: 'text search', paths: [`${products}?q=cotton`] },
      { name: 'product detail', paths: catalog.sampleSlugs.map((slug) => `${products}/${slug}`) },
    ];
    const scenarios = allScenarios.filter((s) => options.only === undefined || s.name === options.only);
    if (scenarios.length === 0) {
      throw new Error(
        `--only: no scenario named "${options.only}" (${allScenarios.map((s) => s.name).join(', ')})`,
      );
    }
    await checkSameAnswers(appUrl, baselineUrl, scenarios);
    log(
      `Measuring ${scenarios.length} scenarios × 2 servers, ${options.duration} s each ` +
        `(+${options.warmup} s warm-up), ${options.connections} connections`,
    );
    const results = [];
    for (const scenario of scenarios) {
      const counted = canCount ? await statementsPerRequest(statsClient, appUrl, scenario) : null;
      const statements = counted?.perRequest ?? null;
      rss.takeMaxMb(); // from here on: this scenario's load only
      if (options.warmup > 0) await measure(appUrl, scenario, options.warmup, options.connections);
      const appResult = await measure(appUrl, scenario, options.duration, options.connections, app.child.pid);
      // Warm-up included: memory must stay under the ceiling all the time, not just once warm.
      const maxRssMb = rss.takeMaxMb();
      if (options.warmup > 0) await measure(baselineUrl, scenario, options.warmup, options.connections);
      const baselineResult = await measure(
        baselineUrl,
        scenario,
        options.duration,
        options.connections,
        baseline.child.pid,
      );
      const ratio = Math.round((appResult.reqPerSec / baselineResult.reqPerSec) * 100) / 100;
      const targets = targetsFor(scenario.name, appResult, ratio, statements, maxRssMb);
      results.push({
        scenario: scenario.name,
        path: scenario.paths[0],
        app: { ...appResult, statementsPerRequest: statements, maxRssMb },
        statementsSeen: counted?.byStatement,
        baseline: baselineResult,
        ratio,
        targets,
      });
      const missed = Object.entries(targets)
        .filter(([, check]) => !check.met)
        .map(([name]) => name);
      log(
        `  ${scenario.name}: app ${appResult.reqPerSec} req/s (p99 ${appResult.p99Ms} ms, ` +
          `${statements ?? '?'} statements, max RSS ${maxRssMb ?? '?'} MB), baseline ` +
          `${baselineResult.reqPerSec} req/s, ratio ${ratio}; ` +
          (missed.length > 0 ? `MISSED: ${missed.join(', ')}` : 'targets met'),
      );
    }
    // Idle between scenarios (baseline runs, counting) included: the max over the whole run.
    const appMaxRssMb = Math.max(
      startupRssMb ?? 0,
      rss.takeMaxMb() ?? 0,
      ...results.map((r) => r.app.maxRssMb ?? 0),
    );

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
        warmupSeconds: options.warmup,
        connections: options.connections,
        poolSize: POOL_SIZE,
        app: `compiled (tsc), node src/main.js, NODE_ENV=production, LOG_FORMAT=json, LOG_LEVEL=${options.appLogLevel} (${options.appLogLevel === 'log' ? 'one access line per request' : 'no access lines'}, to ${path.relative(ROOT, APP_LOG_FILE)})`,
        profileOfPerformanceMd:
          options.duration === 20 &&
          options.warmup === 10 &&
          options.connections === 50 &&
          catalog.products === 10_000 &&
          catalog.variants === 40_000,
      },
      appMaxRssMb: { startup: startupRssMb, wholeRun: appMaxRssMb, target: `< ${TARGETS.maxRssMb} MB` },
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
  results: Array<{
    scenario: string;
    app: Measurement & { statementsPerRequest: number | null; maxRssMb: number | null };
    baseline: Measurement;
    ratio: number;
    targets: Record<string, TargetCheck>;
  }>,
): void {
  const rows = [
    [
      'scenario',
      'app req/s',
      'p50',
      'p99',
      'stmts',
      'max RSS',
      'CPU/req',
      'baseline req/s',
      'p50',
      'p99',
      'CPU/req',
      'ratio',
      'missed',
    ],
    ...results.map((r) => [
      r.scenario,
      String(r.app.reqPerSec),
      `${r.app.p50Ms} ms`,
      `${r.app.p99Ms} ms`,
      String(r.app.statementsPerRequest ?? '?'),
      `${r.app.maxRssMb ?? '?'} MB`,
      `${r.app.cpuMsPerRequest ?? '?'} ms`,
      String(r.baseline.reqPerSec),
      `${r.baseline.p50Ms} ms`,
      `${r.baseline.p99Ms} ms`,
      `${r.baseline.cpuMsPerRequest ?? '?'} ms`,
      r.ratio.toFixed(2),
      Object.entries(r.targets)
        .filter(([, check]) => !check.met)
        .map(([name]) => name)
        .join(', ') || '-',
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
