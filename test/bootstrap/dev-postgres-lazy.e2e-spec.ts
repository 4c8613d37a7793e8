import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort } from '../../src/dev-postgres';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { exitWithin, startMain, waitUntilListening } from '../support/main-process';

/** Every file Node's CommonJS loader loaded, from its NODE_DEBUG=module trace (`load "<file>" for module …`). */
function loadedFiles(trace: string): string[] {
  return [...trace.matchAll(/^MODULE \d+: load "([^"]+)" for module/gm)].map((m) => m[1]);
}

/**
 * src/dev-postgres (which may run useradd as root) is imported lazily by src/bootstrap when
 * DATABASE_URL is unset. A start with DATABASE_URL must not load a single file of it: a static
 * import anywhere in the app's module graph would load it here.
 */
describe('a start with DATABASE_URL', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-dev-pg-spec-'));
  });

  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves without loading any module of src/dev-postgres', async () => {
    const port = await findFreePort();
    const main = startMain({
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_DEBUG: 'module',
    });
    try {
      await waitUntilListening(main, port, 45_000);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      main.child.kill('SIGTERM');
    }
    const result = await exitWithin(main.exited, main.child, 15_000);
    expect(result.code).toBe(0);

    const loaded = loadedFiles(result.stderr);
    const src = path.join(__dirname, '..', '..', 'src');
    // The trace works: the bootstrap's own steps are in it.
    expect(loaded).toEqual(
      expect.arrayContaining([
        path.join(src, 'bootstrap', 'start.ts'),
        path.join(src, 'bootstrap', 'start-http.ts'),
      ]),
    );
    expect(loaded.filter((file) => file.startsWith(path.join(src, 'dev-postgres') + path.sep))).toEqual([]);
  });
});
