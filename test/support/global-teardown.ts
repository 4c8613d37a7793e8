import * as fs from 'node:fs';
import type { TestPostgresHandle } from './global-setup';
import { summarizeOpenApiCoverage } from './openapi-conformance';

/** What jest passes globalTeardown; only the test path filter matters here. */
interface GlobalConfigLike {
  testPathPatterns?: { patterns?: string[] } | string[];
}

/**
 * Stops the run's PostgreSQL (started in global-setup.ts, same process) and removes its temp dir.
 * On CI's whole-suite run, also fails when an operation of the document was never exercised: the
 * conformance check only proves what the suite calls.
 */
export default async function globalTeardown(globalConfig?: GlobalConfigLike): Promise<void> {
  // Which documented operations no test exercised: OPENAPI_COVERAGE_FILE (openapi-conformance.ts).
  const coverage = summarizeOpenApiCoverage();
  try {
    if (coverage && coverage.neverExercised.length > 0 && requiresFullCoverage(globalConfig)) {
      throw new Error(
        `OpenAPI conformance: ${coverage.neverExercised.length} documented operation(s) no e2e test ` +
          `exercised:\n  ${coverage.neverExercised.join('\n  ')}`,
      );
    }
  } finally {
    await stopPostgres();
  }
}

/** CI=true and no test path filter: the whole suite ran (OPENAPI_REQUIRE_COVERAGE=false opts out). */
function requiresFullCoverage(globalConfig: GlobalConfigLike | undefined): boolean {
  if (process.env.OPENAPI_REQUIRE_COVERAGE === 'false') return false;
  if (process.env.OPENAPI_REQUIRE_COVERAGE === 'true') return true;
  const filter = globalConfig?.testPathPatterns;
  const patterns = Array.isArray(filter) ? filter : (filter?.patterns ?? []);
  return process.env.CI === 'true' && patterns.length === 0;
}

async function stopPostgres(): Promise<void> {
  const handle: TestPostgresHandle | undefined = globalThis.__TEST_POSTGRES__;
  if (!handle) {
    return;
  }
  globalThis.__TEST_POSTGRES__ = undefined;
  await handle.postgres.stop();
  fs.rmSync(handle.tempDir, { recursive: true, force: true });
}
