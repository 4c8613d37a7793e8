import * as fs from 'node:fs';
import type { TestPostgresHandle } from './global-setup';
import { summarizeOpenApiCoverage } from './openapi-conformance';

/** Stops the run's PostgreSQL (started in global-setup.ts, same process) and removes its temp dir. */
export default async function globalTeardown(): Promise<void> {
  // Which documented operations no test exercised: OPENAPI_COVERAGE_FILE (openapi-conformance.ts).
  summarizeOpenApiCoverage();
  const handle: TestPostgresHandle | undefined = globalThis.__TEST_POSTGRES__;
  if (!handle) {
    return;
  }
  globalThis.__TEST_POSTGRES__ = undefined;
  await handle.postgres.stop();
  fs.rmSync(handle.tempDir, { recursive: true, force: true });
}
