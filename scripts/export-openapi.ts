/**
 * npm run openapi [-- --out <file>]
 *
 * Writes the app's OpenAPI document (the one served at /api/docs-json) to openapi.json at the repo
 * root: pretty-printed, keys sorted, newline at the end, so that a diff shows only real changes.
 * No database: the app is created in preview mode (modules wired, no provider instantiated, so
 * TypeORM never connects); the document needs only the controllers' metadata and the prefix.
 * test/openapi/openapi-json.e2e-spec.ts proves the result equals what the running app serves.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { API_PREFIX } from '../src/app.setup';
import { AppExpressAdapter } from '../src/common/http/app-express-adapter';
import { buildOpenApiDocument } from '../src/common/openapi/document';
import { loadAppConfig } from '../src/config/app-config';

export const OPENAPI_JSON_PATH = path.resolve(__dirname, '..', 'openapi.json');

/** A JSON value with every object's keys in sorted order (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The exact text of openapi.json for a document. */
export function formatOpenApiJson(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/** The document of the real app, built without a database. */
export async function exportOpenApiDocument(): Promise<unknown> {
  // Nothing connects in preview mode, but the config still validates: give it a URL that is never used.
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused',
    JWT_SECRET: 'openapi-export-only-never-used-to-sign-anything',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), new AppExpressAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
    rawBody: true,
  });
  try {
    // Only what the document depends on: configureApp itself needs live providers (config, logger).
    app.setGlobalPrefix(API_PREFIX);
    // Round-trip through JSON: what a client downloads, without undefined values.
    return JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as unknown;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : OPENAPI_JSON_PATH;
  const text = formatOpenApiJson(await exportOpenApiDocument());
  fs.writeFileSync(out, text);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out) || out}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
