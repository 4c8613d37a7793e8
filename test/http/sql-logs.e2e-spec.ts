import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LOG_SINK } from '../../src/logging/logging.module';
import { LogSink } from '../../src/logging/root-logger';
import { PASSWORD, uniqueEmail } from '../auth/auth-helpers';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

/** What the app writes, as parsed JSON lines. */
class CapturedLog implements LogSink {
  readonly isTty = false;
  text = '';
  readonly stream = { write: (chunk: string): void => void (this.text += chunk) };

  lines(): Array<Record<string, unknown>> {
    return this.text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('SQL logging (LOG_LEVEL=debug)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const log = new CapturedLog();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(
      db.url,
      { LOG_LEVEL: 'debug', LOG_FORMAT: 'json', EVENTS_DISPATCH: 'false' },
      { customize: (builder) => builder.overrideProvider(LOG_SINK).useValue(log) },
    );
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('goes through the structured log with the request id, and never writes parameter values', async () => {
    const email = uniqueEmail('sql-logs');
    const http = request(app.getHttpServer());
    await http
      .post('/api/auth/register')
      .set('X-Request-Id', 'sql-log-1')
      .send({ email, password: PASSWORD });
    await http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);

    const sqlLines = log.lines().filter((line) => line.context === 'SQL');
    // The register's INSERT into profiles, bound to its request.
    expect(sqlLines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        requestId: 'sql-log-1',
        msg: expect.stringMatching(/INSERT INTO "profiles".*parameter\(s\), values not logged/s),
      }),
    );
    // The email and the password hash were parameters of those statements.
    expect(log.text).not.toContain(email);
    expect(log.text).not.toContain('$argon2');
    expect(log.text).not.toContain(PASSWORD);
  });
});
