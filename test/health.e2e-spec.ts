import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { closeTestApp, createTestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/database';

describe('GET /api/health', () => {
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

  it('answers 200 with the database up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('does not read a token sent along: a bad one still gets the probe answer, not 401', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/health')
      .set('Authorization', 'Bearer not-a-token')
      .expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('is listed in the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.paths).toHaveProperty('/api/health');
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('answers 503 once the database is gone', async () => {
    const doomed = await createTestDatabase();
    const doomedApp = await createTestApp(doomed.url);
    try {
      await request(doomedApp.getHttpServer()).get('/api/health').expect(200);
      // DROP … WITH (FORCE) terminates the app's pooled connections; reconnecting then fails at once.
      await doomed.drop();
      const started = Date.now();
      const res = await request(doomedApp.getHttpServer()).get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'error', db: 'down' });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await closeTestApp(doomedApp);
    }
  });
});
