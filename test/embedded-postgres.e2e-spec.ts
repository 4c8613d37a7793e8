import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../src/dev-postgres';

const isRoot = process.getuid?.() === 0;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Separate from the run's shared server: its own data dir, initdb'd once here, reused by each step. */
describe('EmbeddedPostgres', () => {
  let root: string;
  let dataDir: string;
  let logs: string[];
  const instances: EmbeddedPostgres[] = [];

  const create = (): EmbeddedPostgres => {
    const instance = new EmbeddedPostgres({
      dataDir,
      onLog: (line) => logs.push(line),
      settings: { fsync: 'off' },
    });
    instances.push(instance);
    return instance;
  };

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-spec-'));
    fs.chmodSync(root, 0o755);
    dataDir = path.join(root, 'data');
  });

  beforeEach(() => {
    logs = [];
  });

  afterAll(async () => {
    for (const instance of instances) {
      await instance.stop();
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('initialises a cluster, serves the app database and stops', async () => {
    const pg = create();
    const { url, port } = await pg.start();
    expect(url).toMatch(new RegExp(`^postgres://postgres:[0-9a-f]+@127\\.0\\.0\\.1:${port}/commerce$`));
    expect([5432, 5433]).not.toContain(port);
    expect(logs.some((line) => line.includes('Created a new PostgreSQL cluster'))).toBe(true);

    await query(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from run 1')");
    const [{ user }] = await query<{ user: string }>(url, 'SELECT current_user AS user');
    expect(user).toBe('postgres');

    expect(fs.statSync(path.join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);
    if (isRoot) {
      expect(fs.statSync(path.join(dataDir, 'pgdata')).uid).not.toBe(0);
    }

    await pg.stop();
    await pg.stop(); // idempotent
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
    await expect(query(url, 'SELECT 1')).rejects.toThrow();
  });

  it('reuses the data on the next start (no second initdb)', async () => {
    const pg = create();
    const { url } = await pg.start();
    expect(await query(url, 'SELECT v FROM kept')).toEqual([{ v: 'from run 1' }]);
    expect(logs.some((line) => line.includes('Created a new PostgreSQL cluster'))).toBe(false);
    await pg.stop();
  });

  it('stop() during start() waits for the start, then stops (Ctrl+C while starting)', async () => {
    const pg = create();
    const starting = pg.start();
    const stopped = pg.stop();
    const { url } = await starting;
    await stopped;
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
    await expect(query(url, 'SELECT 1')).rejects.toThrow();
  });

  it('stops a server left running by a crashed process and starts fresh', async () => {
    // `abandoned` stands for a Node process that was killed: its server keeps running.
    const abandoned = create();
    const first = await abandoned.start();
    const oldPid = postmasterPid(dataDir);

    const pg = create();
    const { url } = await pg.start();
    expect(logs.some((line) => line.includes(`stopped a PostgreSQL server (pid ${oldPid}`))).toBe(true);
    expect(isRunning(oldPid)).toBe(false);
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();
    expect(await query(url, 'SELECT v FROM kept')).toEqual([{ v: 'from run 1' }]);
    await pg.stop();
  });

  it('recovers from a SIGKILLed server (stale postmaster.pid with a dead pid)', async () => {
    const crashed = create();
    const { url: crashedUrl } = await crashed.start();
    await query(crashedUrl, "INSERT INTO kept VALUES ('before the crash')");
    const pid = postmasterPid(dataDir);
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isRunning(pid));
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(true);

    const pg = create();
    const { url } = await pg.start();
    expect(logs.some((line) => line.includes('removed a stale postmaster.pid'))).toBe(true);
    const rows = await query<{ v: string }>(url, 'SELECT v FROM kept ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual(['before the crash', 'from run 1']);
    await pg.stop();
  });

  it('removes a postmaster.pid whose pid belongs to an unrelated live process', async () => {
    fs.writeFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), `${process.pid}\n${dataDir}/pgdata\n`);
    const pg = create();
    const { url } = await pg.start();
    expect(logs.some((line) => line.includes('belongs to another process'))).toBe(true);
    expect(isRunning(process.pid)).toBe(true);
    await query(url, 'SELECT 1');
    await pg.stop();
  });

  (isRoot ? it : it.skip)(
    'refuses a data dir the postgres user cannot enter, naming the folder',
    async () => {
      const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-private-'));
      try {
        fs.chmodSync(privateDir, 0o700);
        const pg = new EmbeddedPostgres({ dataDir: path.join(privateDir, 'data') });
        await expect(pg.start()).rejects.toThrow(`cannot enter ${privateDir} (mode 0700`);
      } finally {
        fs.rmSync(privateDir, { recursive: true, force: true });
      }
    },
  );
});
