import { createServer } from 'node:net';
import { Controller, Get, INestApplication, Logger, Module } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../../src/common/decorators/public.decorator';
import { LOG_SINK } from '../../src/logging/logging.module';
import { LogSink } from '../../src/logging/root-logger';
import { PASSWORD, uniqueEmail } from '../auth/auth-helpers';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { exitWithin, MainProcess, startMain, waitUntilListening } from '../support/main-process';

type LogLine = Record<string, unknown>;

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A LogSink that keeps what the app writes, as the parsed JSON lines. */
class CapturedLog implements LogSink {
  readonly isTty = false;
  text = '';
  readonly stream = { write: (chunk: string): void => void (this.text += chunk) };

  lines(): LogLine[] {
    return this.text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine);
  }

  forRequest(id: string): LogLine[] {
    return this.lines().filter((line) => line.requestId === id);
  }

  /** The access line of a request; it is written on the response's 'close', just after the client has it. */
  async accessLine(id: string): Promise<LogLine> {
    for (let i = 0; i < 50; i += 1) {
      const found = this.forRequest(id).filter((line) => 'status' in line);
      if (found.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(this.forRequest(id).filter((line) => 'status' in line)).toHaveLength(1);
        return found[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no access line for ${id} in:\n${this.text}`);
  }
}

/** A test-only route: logs through a plain Nest Logger after an await, then fails. */
@Public()
@Controller('log-probe')
class LogProbeController {
  private readonly logger = new Logger('LogProbe');

  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async probe(): Promise<never> {
    await this.dataSource.query('SELECT 1');
    this.logger.log('probe reached after a query');
    throw new Error('probe failure');
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request logs and X-Request-Id', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const log = new CapturedLog();

  beforeAll(async () => {
    db = await createTestDatabase();
    // The tests' default is LOG_LEVEL=error; access lines are info.
    app = await createTestApp(
      db.url,
      { LOG_LEVEL: 'log', LOG_FORMAT: 'json' },
      {
        imports: [LogProbeModule],
        customize: (builder) => builder.overrideProvider(LOG_SINK).useValue(log),
      },
    );
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('one JSON access line per request: method, route template, URL, status, duration, request id, user', async () => {
    const user = await createTestUser(app);
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await http.get(`/api/orders/${missing}`).set(bearer(user)).expect(404);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    const line = await log.accessLine(id);
    expect(line).toMatchObject({
      level: 'info',
      requestId: id,
      method: 'GET',
      route: '/api/orders/:id',
      url: `/api/orders/${missing}`,
      status: 404,
      userId: user.id,
      msg: expect.stringContaining(`GET /api/orders/${missing} 404`),
    });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs((line.time as number) - Date.now())).toBeLessThan(60_000);

    const anonymous = await http.get('/api/stores').expect(200);
    expect(await log.accessLine(anonymous.headers['x-request-id'])).toMatchObject({
      route: '/api/stores',
      status: 200,
      userId: null,
    });
  });

  it('echoes a sane client id, replaces an insane one', async () => {
    const sane = 'client-1.2:abc-XYZ';
    const echoed = await http.get('/api/stores').set('X-Request-Id', sane).expect(200);
    expect(echoed.headers['x-request-id']).toBe(sane);
    expect((await log.accessLine(sane)).status).toBe(200);

    for (const insane of ['has spaces in it', 'x'.repeat(129), '<script>', 'a\u00e9b', 'id;drop']) {
      const res = await http.get('/api/stores').set('X-Request-Id', insane).expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    expect(log.text).not.toContain('<script>');
    expect(log.text).not.toContain('x'.repeat(129));
  });

  it('every response carries one: unknown routes, validation errors, body-parser errors, preflights', async () => {
    const responses = [
      await http.get('/api/no-such-route').expect(404),
      await http.post('/api/auth/login').send({ email: 'not an email' }).expect(400),
      await http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"bad json')
        .expect(400),
      await http
        .options('/api/stores')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'GET'),
    ];
    for (const res of responses) {
      const id = res.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect((await log.accessLine(id)).status).toBe(res.status);
    }
    expect((await log.accessLine(responses[0].headers['x-request-id'])).route).toBeNull();
  });

  it('a Nest Logger line written while handling a request carries its request id (after an await, and the 500 too)', async () => {
    const res = await http.get('/api/log-probe').set('X-Request-Id', 'probe-1').expect(500);
    expect(res.headers['x-request-id']).toBe('probe-1');
    await log.accessLine('probe-1');
    const lines = log.forRequest('probe-1');
    expect(lines).toContainEqual(
      expect.objectContaining({ context: 'LogProbe', msg: 'probe reached after a query', level: 'info' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ context: 'ExceptionsFilter', level: 'error' }));

    // A real service's warning (the webhook without STRIPE_WEBHOOK_SECRET).
    await http.post('/api/payments/stripe/webhook').set('X-Request-Id', 'webhook-1').send({}).expect(400);
    await log.accessLine('webhook-1');
    expect(log.forRequest('webhook-1')).toContainEqual(
      expect.objectContaining({ context: 'StripeWebhookService', level: 'warn' }),
    );
  });

  it('never logs the Authorization header, passwords, tokens from responses or secret query values', async () => {
    const email = uniqueEmail('logs');
    const registered = await http.post('/api/auth/register').send({ email, password: PASSWORD }).expect(201);
    const login = await http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    const body = login.body as { accessToken: string; refreshToken: string };
    const me = await http.get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
    await http.post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(200);
    const query = await http.get('/api/stores?token=query-secret-123&page=1').expect(200);
    await log.accessLine(me.headers['x-request-id']);
    const withQuery = await log.accessLine(query.headers['x-request-id']);
    expect(withQuery.url).toBe('/api/stores?token=%5BRedacted%5D&page=1');

    const secrets = [
      PASSWORD,
      body.accessToken,
      body.refreshToken,
      (registered.body as { accessToken: string }).accessToken,
      'query-secret-123',
      'Bearer',
    ];
    for (const secret of secrets) expect(log.text).not.toContain(secret);
    // The login's access line is there, without its body.
    const loginLine = await log.accessLine(login.headers['x-request-id']);
    expect(Object.keys(loginLine).sort()).toEqual(
      [
        'durationMs',
        'hostname',
        'level',
        'method',
        'msg',
        'pid',
        'requestId',
        'route',
        'status',
        'time',
        'url',
        'userId',
      ].sort(),
    );
  });

  it('an object passed to a logger has its secret keys redacted, at any depth, without touching the object', () => {
    const logged = {
      password: 'pw-top',
      body: { refreshToken: 'rt-nested', items: [{ clientSecret: 'cs-in-array' }] },
      req: { headers: { Authorization: 'Bearer deep', cookie: 'c=1', 'set-cookie': 's=1' } },
      err: { config: { headers: { authorization: 'Bearer deeper' } } },
      a: { b: { c: { d: { e: { token: 'six-levels-down' } } } } },
    };
    new Logger('Redaction').warn(logged);
    const line = log.lines().find((l) => l.context === 'Redaction');
    expect(line).toMatchObject({
      password: '[Redacted]',
      body: { refreshToken: '[Redacted]', items: [{ clientSecret: '[Redacted]' }] },
      req: { headers: { Authorization: '[Redacted]', cookie: '[Redacted]', 'set-cookie': '[Redacted]' } },
      err: { config: { headers: { authorization: '[Redacted]' } } },
      a: { b: { c: { d: { e: { token: '[Redacted]' } } } } },
    });
    for (const secret of [
      'pw-top',
      'rt-nested',
      'cs-in-array',
      'Bearer deep',
      'c=1',
      's=1',
      'six-levels-down',
    ]) {
      expect(log.text).not.toContain(secret);
    }
    // The caller's object is left as it was.
    expect(logged.body.items[0].clientSecret).toBe('cs-in-array');
  });
});

describe('LOG_LEVEL=warn', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const log = new CapturedLog();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(
      db.url,
      { LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
      { customize: (builder) => builder.overrideProvider(LOG_SINK).useValue(log) },
    );
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('no access lines, but still the request id on responses and on warnings', async () => {
    const http = request(app.getHttpServer());
    const res = await http.get('/api/stores').expect(200);
    expect(res.headers['x-request-id']).toMatch(UUID);
    await http.post('/api/payments/stripe/webhook').set('X-Request-Id', 'warn-1').send({}).expect(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.lines().filter((line) => 'status' in line)).toEqual([]);
    expect(log.lines().filter((line) => line.level === 'info')).toEqual([]);
    expect(log.forRequest('warn-1')).toEqual([expect.objectContaining({ level: 'warn' })]);
  });
});

describe('the real main process', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** The main process on this test's database and a free port, logging at the info level. */
  async function startLoggingMain(env: NodeJS.ProcessEnv): Promise<{ main: MainProcess; port: number }> {
    const port = await freePort();
    const main = startMain({
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'log',
      ...env,
    });
    return { main, port };
  }

  async function runMain(env: NodeJS.ProcessEnv): Promise<string> {
    const { main, port } = await startLoggingMain(env);
    try {
      await waitUntilListening(main, port, 45_000);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
        headers: { 'X-Request-Id': 'main-1' },
      });
      expect(res.headers.get('x-request-id')).toBe('main-1');
      // The access line is written asynchronously.
      const deadline = Date.now() + 5000;
      while (!main.output().includes('main-1') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      main.child.kill('SIGTERM');
    }
    const exit = await exitWithin(main.exited, main.child, 15_000);
    return exit.stdout;
  }

  it('default (not production), stdout not a TTY: readable lines, no ANSI escape codes', async () => {
    const stdout = await runMain({});
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/INFO.*GET \/api\/health 200 [\d.]+ ms \(main-1\)/);
    // Start-up lines from before the app exists go through the same logger.
    expect(stdout).toMatch(/INFO.*\[Bootstrap\] Database schema is up to date/);
  });

  it('NODE_ENV=production: JSON lines, the start-up lines included', async () => {
    const stdout = await runMain({ NODE_ENV: 'production' });
    expect(stdout).not.toContain('\u001b[');
    const lines = stdout.split('\n').filter((line) => line !== '' && !/^(API|Docs): /.test(line));
    const parsed = lines.map((line) => JSON.parse(line) as LogLine);
    expect(parsed).toContainEqual(expect.objectContaining({ context: 'Bootstrap', level: 'info' }));
    expect(parsed).toContainEqual(
      expect.objectContaining({ requestId: 'main-1', route: '/api/health', status: 200, level: 'info' }),
    );
  });

  it('lines are written in batches, yet a quiet moment shows them within a second, and exit writes the rest', async () => {
    const { main, port } = await startLoggingMain({ NODE_ENV: 'production' });
    const ids = Array.from({ length: 12 }, (_, i) => `batch-${i + 1}`);
    try {
      await waitUntilListening(main, port, 45_000);
      await Promise.all(
        ids.map((id) => fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'X-Request-Id': id } })),
      );
      // Fewer bytes than a batch: only the periodic flush writes them while the process idles.
      const answered = Date.now();
      while (!ids.every((id) => main.output().includes(`"${id}"`)) && Date.now() - answered < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(ids.filter((id) => !main.output().includes(`"${id}"`))).toEqual([]);
      // The last lines before a shutdown are written by the exit itself.
      await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'X-Request-Id': 'batch-last' } });
    } finally {
      main.child.kill('SIGTERM');
    }
    const exit = await exitWithin(main.exited, main.child, 15_000);
    expect(exit.stdout).toContain('"batch-last"');
  });
});
