import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig, ConfigValidationError, loadAppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/app-config.module';
import { closeTestApp, createTestApp, testEnv } from '../support/app';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { exitWithin, startMain } from '../support/main-process';

const SHOP = 'https://shop.example.com';
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Cart-Session',
  'X-Order-Token',
  'X-Request-Id',
];

function preflight(
  http: ReturnType<typeof request>,
  origin: string,
  url = '/api/stores/demo/cart/items',
): request.Test {
  return http
    .options(url)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization,content-type,x-cart-session');
}

function corsHeaders(res: request.Response): Record<string, string> {
  return Object.fromEntries(
    Object.entries(res.headers as Record<string, string>).filter(([name]) =>
      name.startsWith('access-control-'),
    ),
  );
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim().toLowerCase());
}

function expectAllowedPreflight(res: request.Response, origin: string): void {
  expect(res.status).toBe(204);
  expect(res.text).toBe('');
  expect(res.headers['access-control-allow-origin']).toBe(origin);
  expect(list(res.headers['access-control-allow-headers'])).toEqual(
    ALLOWED_HEADERS.map((h) => h.toLowerCase()),
  );
  expect(list(res.headers['access-control-allow-methods'])).toEqual(
    expect.arrayContaining(['get', 'post', 'patch', 'delete']),
  );
  expect(res.headers['access-control-max-age']).toBe('600');
  // Bearer tokens, no cookies: credentials are never allowed.
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  expect(list(res.headers.vary)).toContain('origin');
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
}

function expectAllowed(res: request.Response, origin: string): void {
  expect(res.headers['access-control-allow-origin']).toBe(origin);
  expect(list(res.headers['access-control-expose-headers'])).toEqual([
    'x-cart-session',
    'x-request-id',
    'retry-after',
  ]);
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  expect(list(res.headers.vary)).toContain('origin');
}

describe('CORS', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe(`CORS_ORIGINS=${SHOP},http://localhost:5173 (with DATABASE_URL)`, () => {
    let app: INestApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await createTestApp(db.url, { CORS_ORIGINS: ` ${SHOP} , http://localhost:5173` });
      http = request(app.getHttpServer());
    });

    afterAll(() => closeTestApp(app));

    it('a preflight from an allowed origin: 204 with the allowed methods and headers, Max-Age, Vary', async () => {
      expectAllowedPreflight(await preflight(http, SHOP), SHOP);
      expectAllowedPreflight(await preflight(http, 'http://localhost:5173'), 'http://localhost:5173');
    });

    it('requests from an allowed origin get Access-Control-Allow-Origin and the exposed headers, errors too', async () => {
      expectAllowed(await http.get('/api/stores').set('Origin', SHOP).expect(200), SHOP);
      // A browser can read why it failed.
      expectAllowed(await http.get('/api/me').set('Origin', SHOP).expect(401), SHOP);
      expectAllowed(await http.get('/api/no-such-route').set('Origin', SHOP).expect(404), SHOP);
      expectAllowed(
        await http.post('/api/auth/login').set('Origin', SHOP).send({ email: 'nope' }).expect(400),
        SHOP,
      );
    });

    it('another origin: no CORS headers, the request is otherwise handled as usual', async () => {
      for (const origin of [
        'https://evil.example',
        'http://shop.example.com', // other scheme
        'https://shop.example.com:8443', // other port
        'https://shop.example.com.evil.example',
        'http://localhost:5174', // only the listed port: no localhost default with DATABASE_URL
        'null',
      ]) {
        const res = await http.get('/api/stores').set('Origin', origin).expect(200);
        expect(corsHeaders(res)).toEqual({});
        expect(Array.isArray(res.body)).toBe(true);
        const pre = await preflight(http, origin);
        expect(pre.status).toBe(204);
        expect(corsHeaders(pre)).toEqual({});
        expect(pre.headers['x-request-id']).toEqual(expect.any(String));
      }
    });

    it('requests without Origin (curl, servers) are untouched', async () => {
      const res = await http.get('/api/stores').expect(200);
      expect(corsHeaders(res)).toEqual({});
    });
  });

  describe('DATABASE_URL without CORS_ORIGINS: no origin at all', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp(db.url);
    });

    afterAll(() => closeTestApp(app));

    it('localhost origins get nothing either', async () => {
      const http = request(app.getHttpServer());
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', SHOP]) {
        expect(corsHeaders(await http.get('/api/stores').set('Origin', origin).expect(200))).toEqual({});
        expect(corsHeaders(await preflight(http, origin))).toEqual({});
      }
    });
  });

  describe('the default embedded run (no DATABASE_URL): any http://localhost:<port> and http://127.0.0.1:<port>', () => {
    let dataDir: string;
    let app: INestApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-spec-'));
      // As main.ts builds it: the config of an env without DATABASE_URL, the embedded server's URL filled in.
      const { DATABASE_URL: _unset, ...env } = testEnv(db.url, { DATA_DIR: dataDir, CORS_ORIGINS: SHOP });
      const embedded: AppConfig = { ...loadAppConfig(env), databaseUrl: db.url };
      app = await createTestApp(
        db.url,
        {},
        {
          customize: (builder) => builder.overrideProvider(APP_CONFIG).useValue(embedded),
        },
      );
      http = request(app.getHttpServer());
    });

    afterAll(async () => {
      await closeTestApp(app);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('allows them on any port, and CORS_ORIGINS as well', async () => {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://localhost', SHOP]) {
        expectAllowedPreflight(await preflight(http, origin), origin);
        expectAllowed(await http.get('/api/stores').set('Origin', origin).expect(200), origin);
      }
    });

    it('but not look-alikes', async () => {
      for (const origin of [
        'https://localhost:5173',
        'http://localhost.evil.example',
        'http://localhost:5173.evil.example',
        'http://127.0.0.2:8080',
        'http://evil.example/http://localhost:5173',
      ]) {
        expect(corsHeaders(await http.get('/api/stores').set('Origin', origin).expect(200))).toEqual({});
        expect(corsHeaders(await preflight(http, origin))).toEqual({});
      }
    });
  });
});

describe('CORS_ORIGINS validation', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-config-'));
  });

  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  const load = (env: NodeJS.ProcessEnv): AppConfig =>
    loadAppConfig({ JWT_SECRET: TEST_JWT_SECRET, ...env }, { cwd });

  it('takes comma-separated exact origins; the localhost default follows the embedded run', () => {
    const embedded = load({ CORS_ORIGINS: 'https://a.example, http://b.example:8080,' });
    expect(embedded.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(embedded.corsAllowLocalhost).toBe(true);
    const withDatabase = load({ DATABASE_URL: 'postgres://u:p@db:5432/x' });
    expect(withDatabase.corsOrigins).toEqual([]);
    expect(withDatabase.corsAllowLocalhost).toBe(false);
  });

  it.each([
    'https://shop.example.com/',
    'https://shop.example.com/app',
    'https://shop.example.com?x=1',
    'shop.example.com',
    '*',
    'ftp://files.example.com',
    'https://Shop.Example.com',
    'https://shop.example.com:443',
  ])('refuses %p with one line naming CORS_ORIGINS and the value', (bad) => {
    let error: unknown;
    try {
      load({ CORS_ORIGINS: `https://ok.example,${bad}` });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid configuration: CORS_ORIGINS must be/);
    expect(message).toContain(JSON.stringify(bad));
    expect(message).not.toContain('\n');
  });

  it('a bad value stops the real start with that one line', async () => {
    const main = startMain({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
      JWT_SECRET: TEST_JWT_SECRET,
      CORS_ORIGINS: 'https://shop.example.com/',
    });
    const exit = await exitWithin(main.exited, main.child, 30_000);
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim()).toBe(
      `Invalid configuration: CORS_ORIGINS must be comma-separated origins like https://shop.example.com (scheme://host[:port], lower case, no path) (got "https://shop.example.com/")`,
    );
  });
});
