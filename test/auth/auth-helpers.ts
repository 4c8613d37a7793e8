import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';

export const PASSWORD = 'correct horse battery';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: {
    id: string;
    email: string;
    fullName: string | null;
    phone: string | null;
    role: string;
    emailVerified: boolean;
    createdAt: string;
  };
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.com`;
}

/** Registers through the API (the real path: argon2, refresh token, audit). */
export async function register(
  app: INestApplication,
  email = uniqueEmail(),
  password = PASSWORD,
): Promise<Session> {
  const res = await request(app.getHttpServer())
    .post('/api/auth/register')
    .send({ email, password })
    .expect(201);
  return res.body as Session;
}

export function sql<T = Record<string, unknown>>(
  app: INestApplication,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return app.get(DataSource).query<T[]>(text, params);
}

export async function auditCount(app: INestApplication, action?: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    app,
    `SELECT count(*)::int AS n FROM logs ${action ? 'WHERE action = $1' : ''}`,
    action ? [action] : [],
  );
  return row.n;
}

/** Runs the same request `n` times at once, returning the statuses. */
export async function concurrently<T>(n: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
}
