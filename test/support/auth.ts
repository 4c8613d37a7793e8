import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenPayload, ProfileRole } from '../../src/auth/auth.types';
import { Profile } from '../../src/auth/entities/profile.entity';

export interface TestUser {
  id: string;
  email: string;
  role: ProfileRole;
  /** A valid access token: use as `Authorization: Bearer ${token}`. */
  token: string;
}

/**
 * A profile with the given role straight in the database, and an access token signed the way the app
 * signs them. For tests that need a caller but are not about logging in.
 */
export async function createTestUser(
  app: INestApplication,
  role: ProfileRole = 'customer',
  email = `${role}-${randomBytes(4).toString('hex')}@test.example`,
): Promise<TestUser> {
  const repo = app.get(DataSource).getRepository(Profile);
  const profile = await repo.save(repo.create({ email, role, fullName: `Test ${role}` }));
  const payload: AccessTokenPayload = { sub: profile.id, email, role, typ: 'access' };
  const token = await app.get(JwtService).signAsync(payload);
  return { id: profile.id, email, role, token };
}

export function bearer(user: TestUser): { Authorization: string } {
  return { Authorization: `Bearer ${user.token}` };
}
