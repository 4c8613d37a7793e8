import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appDatabaseUrl, benchRls } from './database';
import { assertIsApp } from './process-stats';
import { BenchRun, log } from './run';

export { findFreePort } from '../../src/dev-postgres';

/** The project's root (this file is scripts/bench/processes.ts, compiled or not). */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Compiles the project (tsconfig.build.json) into `buildDir`, as `npm run build` does into dist/ (a
 * folder per benchmark, inside the project so that the compiled files resolve node_modules; removed
 * when the run ends: compiled JS left in the tree would be linted). Type errors in files being edited
 * by others do not stop the emit, so they are shown, not fatal.
 */
export function buildApp(run: BenchRun, buildDir: string): void {
  log('Compiling (tsc -p tsconfig.build.json)');
  fs.rmSync(buildDir, { recursive: true, force: true });
  run.onCleanUp(() => fs.rmSync(buildDir, { recursive: true, force: true }));
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', buildDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!fs.existsSync(path.join(buildDir, 'src', 'main.js'))) {
    throw new Error(`tsc did not produce src/main.js:\n${tsc.stdout}${tsc.stderr}`);
  }
  if (tsc.status !== 0)
    log(`tsc reported errors (the build was emitted anyway):\n${tsc.stdout.slice(0, 2000)}`);
}

export interface NodeProcess {
  child: ChildProcess;
  /** Its last output (up to 20,000 characters). */
  output: () => string;
}

/**
 * Starts a compiled script with node, no wrapper, stopped when the run ends; its output is kept for
 * error reports. With `logFile` its output goes straight to that file instead (the app's access lines:
 * piping a thousand lines a second through this process would take CPU from the load generator).
 */
export function startNode(
  run: BenchRun,
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile?: string,
): NodeProcess {
  let started: NodeProcess;
  if (logFile !== undefined) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const fd = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    started = { child, output: () => fs.readFileSync(logFile, 'utf8').slice(-20_000) };
  } else {
    let output = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    started = { child, output: () => output };
  }
  run.onCleanUp(() => stopChild(started.child));
  run.showOnFailure(name, started.output);
  return started;
}

export async function waitForHttp(url: string, server: NodeProcess, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`${what} exited (${server.child.exitCode}):\n${server.output()}`);
    }
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within 120 s:\n${server.output()}`);
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the process has exited. */
export function stopChild(child: ChildProcess | undefined): Promise<void> {
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

export type AppLogLevel = 'log' | 'warn';

export interface AppOptions {
  buildDir: string;
  /** The owner's URL (openDatabase's `url`): the app migrates with it and connects as its own role. */
  databaseUrl: string;
  port: number;
  /**
   * `log` writes one JSON access line per request, as production does; `warn` turns access lines off,
   * to measure what logging costs.
   */
  logLevel: AppLogLevel;
  /** The app's stdout and stderr (its JSON lines). */
  logFile: string;
  /** `node --cpu-prof` into this folder (the profile is written when the app stops). */
  cpuProfDir?: string;
  /** The caller's environment under the app's (to tune the app's own settings per run), or none of it. */
  inheritEnv: boolean;
  env: Record<string, string>;
}

export interface StartedApp extends NodeProcess {
  url: string;
  /** The app's own pid (checked: node running main.js, no wrapper), for memory and CPU sampling. */
  pid: number;
}

/**
 * The real app as `npm start` runs it in production: compiled (`buildApp`), then `node <build>/src/main.js`
 * directly, so that the sampled pid is the app itself and its memory holds no TypeScript compiler;
 * NODE_ENV=production, JSON logs, row-level security on with the app connected as its own role and the
 * owner for migrations and start-up tasks (BENCH_RLS=off: as the owner, RLS off). Resolves once
 * /api/health answers.
 */
export async function startApp(run: BenchRun, options: AppOptions): Promise<StartedApp> {
  const profiling = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const app = startNode(
    run,
    'the app',
    [...profiling, path.join(options.buildDir, 'src', 'main.js')],
    {
      ...(options.inheritEnv ? process.env : { PATH: process.env.PATH, HOME: process.env.HOME }),
      ...options.env,
      // WEB_CONCURRENCY=2 npm run bench:… runs the app with two cluster workers, whatever inheritEnv says.
      ...(process.env.WEB_CONCURRENCY ? { WEB_CONCURRENCY: process.env.WEB_CONCURRENCY } : {}),
      NODE_ENV: 'production',
      LOG_LEVEL: options.logLevel,
      LOG_FORMAT: 'json',
      ...databaseEnv(options.databaseUrl),
      PORT: String(options.port),
    },
    options.logFile,
  );
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/api/health`, app, 'The app');
  return { ...app, url, pid: assertIsApp(app.child.pid) };
}

/** The database settings of the app, as production sets them (docs/security.md, "Database roles"). */
function databaseEnv(ownerUrl: string): Record<string, string> {
  // Empty = unset: nothing of the caller's environment (inheritEnv) picks another set-up.
  const base = { DATABASE_APP_ROLE: '', DATABASE_MIGRATION_URL: '' };
  if (!benchRls()) return { ...base, DATABASE_URL: ownerUrl, DATABASE_RLS: 'off' };
  return {
    ...base,
    DATABASE_URL: appDatabaseUrl(ownerUrl),
    DATABASE_MIGRATION_URL: ownerUrl,
    DATABASE_RLS: 'on',
  };
}

/** How the app was run, for the results' settings. */
export function describeApp(logLevel: AppLogLevel, logFile: string): string {
  const lines = logLevel === 'log' ? 'one access line per request' : 'no access lines';
  const rls = benchRls()
    ? 'DATABASE_RLS=on as the app role commerce_app'
    : 'DATABASE_RLS=off as the owner (BENCH_RLS=off)';
  return `compiled (tsc), node src/main.js, NODE_ENV=production, LOG_FORMAT=json, LOG_LEVEL=${logLevel} (${lines}, to ${path.relative(ROOT, logFile)}), ${rls}`;
}
