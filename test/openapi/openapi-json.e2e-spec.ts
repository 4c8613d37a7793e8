import * as fs from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { exportOpenApiDocument, formatOpenApiJson, OPENAPI_JSON_PATH } from '../../scripts/export-openapi';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

/** JSON pointers (`/paths/~1api~1stores/get`) where two documents differ, at most `limit` of them. */
function differences(a: unknown, b: unknown, at = '', limit = 10, out: string[] = []): string[] {
  if (out.length >= limit) return out;
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(at || '/');
    return out;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    differences(a[key], b[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, limit, out);
  }
  return out;
}

/** openapi.json is what the running app serves: a change to a route shows up in review as a diff. */
describe('openapi.json', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('is what /api/docs-json serves (else: run npm run openapi, and commit openapi.json)', async () => {
    const served = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as unknown;
    const committed = fs.existsSync(OPENAPI_JSON_PATH) ? fs.readFileSync(OPENAPI_JSON_PATH, 'utf8') : '';
    if (committed !== formatOpenApiJson(served)) {
      const where = committed ? differences(JSON.parse(committed) as unknown, served) : ['(no openapi.json)'];
      throw new Error(
        `openapi.json differs from the document the app serves at /api/docs-json: run npm run openapi ` +
          `and commit openapi.json.\nFirst differences:\n  ${where.join('\n  ') || '(formatting only)'}`,
      );
    }
  });

  it('is what npm run openapi writes (no database: the same document as the running app)', async () => {
    const served = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as unknown;
    expect(formatOpenApiJson(await exportOpenApiDocument())).toBe(formatOpenApiJson(served));
  });
});
