/**
 * Login throttling across two instances on one database: with REDIS_URL the two count in one place
 * (@nest-lab/throttler-storage-redis on a real redis-server), without it each process counts alone and
 * twice the limit gets through. A Redis that goes away fails open to per-process counting (logged),
 * never 5xx; once it is back the counters are shared again.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startRedis, TestRedis } from './redis-server';

const LIMIT = 5;
const PASSWORD = 'not-the-password-1';

let ipCounter = 0;
/** Each scenario its own client address (TRUST_PROXY on), so no scenario inherits another's counts. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

let emailCounter = 0;
function freshEmail(): string {
  emailCounter += 1;
  return `nobody-${process.pid}-${emailCounter}@example.test`;
}

/** `attempts` logins from one IP, alternating between the instances; the statuses in order. */
async function spreadLogins(apps: INestApplication[], ip: string, attempts: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i += 1) {
    const app = apps[i % apps.length];
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email: freshEmail(), password: PASSWORD });
    statuses.push(res.status);
  }
  return statuses;
}

const passed = (statuses: number[]): number => statuses.filter((status) => status !== 429).length;

describe('shared rate limits (REDIS_URL)', () => {
  let db: TestDatabase;
  let redis: TestRedis;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis?.dispose();
    await db?.drop();
  });

  const startPair = async (env: NodeJS.ProcessEnv): Promise<INestApplication[]> => [
    await createTestApp(db.url, { AUTH_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'true', ...env }),
    await createTestApp(db.url, { AUTH_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'true', ...env }),
  ];

  it('without REDIS_URL two instances let twice the limit through (each counts alone)', async () => {
    const apps = await startPair({});
    try {
      const statuses = await spreadLogins(apps, freshIp(), 2 * LIMIT);
      expect(passed(statuses)).toBe(2 * LIMIT);
    } finally {
      for (const app of apps) await closeTestApp(app);
    }
  });

  describe('with REDIS_URL', () => {
    let apps: INestApplication[];

    beforeAll(async () => {
      apps = await startPair({ REDIS_URL: redis.url });
    });

    afterAll(async () => {
      for (const app of apps ?? []) await closeTestApp(app);
    });

    it('attempts spread over both instances are limited as if there were one', async () => {
      const statuses = await spreadLogins(apps, freshIp(), 2 * LIMIT);
      expect(statuses.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(LIMIT)).toEqual(new Array<number>(LIMIT).fill(429));
    });

    it('Redis down: fails open to per-process counting (no 5xx, answered quickly), shared again once back', async () => {
      await redis.stop();
      const ip = freshIp();
      const started = Date.now();
      const statuses = await spreadLogins(apps, ip, 2 * LIMIT + 2);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      // Each process counts alone meanwhile: LIMIT per instance, then 429.
      expect(passed(statuses)).toBe(2 * LIMIT);
      expect(statuses.slice(-2)).toEqual([429, 429]);
      expect(Date.now() - started).toBeLessThan(15_000);

      await redis.restart();
      // ioredis reconnects with backoff (≤ 2 s between attempts).
      const deadline = Date.now() + 10_000;
      let shared = false;
      while (!shared && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const after = await spreadLogins(apps, freshIp(), 2 * LIMIT);
        shared = passed(after) === LIMIT;
      }
      expect(shared).toBe(true);
    });
  });
});
