import * as fs from 'node:fs';
import type { TestPostgresHandle } from './global-setup';

/** Stops the run's PostgreSQL (started in global-setup.ts, same process) and removes its temp dir. */
export default async function globalTeardown(): Promise<void> {
  const handle: TestPostgresHandle | undefined = globalThis.__TEST_POSTGRES__;
  if (!handle) {
    return;
  }
  globalThis.__TEST_POSTGRES__ = undefined;
  await handle.postgres.stop();
  fs.rmSync(handle.tempDir, { recursive: true, force: true });
}
