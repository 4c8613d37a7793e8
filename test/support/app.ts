import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppExpressAdapter } from '../../src/common/http/app-express-adapter';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { useAppLogger } from '../../src/logging/app-logger';
import { APP_DATA_DIR_ENV, TEST_JWT_SECRET } from './constants';
import { DEFAULT_APP_ROLE } from '../../src/database/rls/app-role';
import { setUnscopedRunsAsOwner } from '../../src/database/rls/context-stamping';
import { Client } from 'pg';
import { createTestDatabase, grantAppRole, rlsEnabled, TestDatabase } from './database';
import { installOpenApiConformance } from './openapi-conformance';

export interface TestAppOptions {
  /** Extra modules, e.g. a test-only controller. */
  imports?: ModuleMetadata['imports'];
  /** Last say over the module before it compiles, e.g. `(b) => b.overrideProvider(X).useValue(fake)`. */
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The env a test app sees. Built from scratch, not from process.env, so nothing from the developer's
 * shell (a real Stripe key, …) and nothing from another test file leaks in.
 */
export function testEnv(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    // Row-level security: each session switches from the superuser (the owner) to the app's role.
    ...(rlsEnabled() ? { DATABASE_RLS: 'on', DATABASE_APP_ROLE: DEFAULT_APP_ROLE } : { DATABASE_RLS: 'off' }),
    JWT_SECRET: TEST_JWT_SECRET,
    AUTH_RATE_LIMIT: '0',
    // Errors only: an expected 500 or a warning still shows, route-mapping chatter does not.
    LOG_LEVEL: 'error',
    // Without SMTP_URL, every email is written under DATA_DIR/mail/: not into the checkout's .data/.
    DATA_DIR: process.env[APP_DATA_DIR_ENV] ?? path.join(os.tmpdir(), 'commerce-test-app-data'),
    ...overrides,
  };
}

/** The validated AppConfig a test app gets (handy for asserting on defaults). */
export function testConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadAppConfig(testEnv(databaseUrl, overrides));
}

/**
 * The real application (AppModule + configureApp: prefix, filter, validation, Swagger) on the given
 * database, initialised but not listening: pass `app.getHttpServer()` to supertest.
 */
export async function createTestApp(
  databaseUrl: string,
  envOverrides: NodeJS.ProcessEnv = {},
  options: TestAppOptions = {},
): Promise<INestApplication> {
  const config = testConfig(databaseUrl, envOverrides);
  // A test's own setup through app.get(DataSource) runs as the owner, outside the policies.
  setUnscopedRunsAsOwner(config.databaseRls);
  // The app role's rights in this database: a clone of the template has them, a database a test
  // migrated itself (createEmptyDatabase) not yet.
  // Best effort: a test that points the app at a server that is down wants that failure, not this one.
  if (config.databaseRls) await grantAppRole(databaseUrl).catch(() => undefined);
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
  });
  const moduleRef = await (options.customize ? options.customize(builder) : builder).compile();
  const app = moduleRef.createNestApplication(new AppExpressAdapter(), { rawBody: true });
  useAppLogger(app);
  // Every response is checked against the served OpenAPI document (OPENAPI_CONFORMANCE).
  const conformance = installOpenApiConformance(app, { testModules: options.imports });
  configureApp(app);
  await app.init();
  await conformance.start();
  return app;
}

export async function closeTestApp(app: INestApplication | undefined): Promise<void> {
  await app?.close();
}

/** What most e2e files set up: a fresh migrated database, the app on it, and a pg client to look inside. */
export interface TestWorld {
  db: TestDatabase;
  app: INestApplication;
  sql: Client;
}

/** A fresh database (createTestDatabase), the real app on it (createTestApp), and a connected client. */
export async function openTestWorld(
  envOverrides: NodeJS.ProcessEnv = {},
  options: TestAppOptions = {},
): Promise<TestWorld> {
  const db = await createTestDatabase();
  const app = await createTestApp(db.url, envOverrides, options);
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  return { db, app, sql };
}

/** Undoes openTestWorld; safe when set-up failed part-way (any part may be missing). */
export async function closeTestWorld(world: Partial<TestWorld>): Promise<void> {
  await world.sql?.end();
  await closeTestApp(world.app);
  await world.db?.drop();
}
