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

export interface TestUserOptions {
  /**
   * For an `admin`: `'everywhere'` (the default) makes them owner of every store, those created later
   * included — what migration 0022 made of every admin that existed, so tests that are not about store
   * staff keep one admin for everything; `'none'`: no store (give memberships with addMembership).
   */
  stores?: 'everywhere' | 'none';
}

/**
 * A profile with the given role straight in the database, and an access token signed the way the app
 * signs them. For tests that need a caller but are not about logging in.
 */
export async function createTestUser(
  app: INestApplication,
  role: ProfileRole = 'customer',
  email = `${role}-${randomBytes(4).toString('hex')}@test.example`,
  options: TestUserOptions = {},
): Promise<TestUser> {
  const repo = app.get(DataSource).getRepository(Profile);
  const profile = await repo.save(repo.create({ email, role, fullName: `Test ${role}` }));
  if (role === 'admin' && (options.stores ?? 'everywhere') === 'everywhere') {
    await ownerEverywhere(app.get(DataSource), profile.id);
  }
  const payload: AccessTokenPayload = { sub: profile.id, email, role, typ: 'access' };
  const token = await app.get(JwtService).signAsync(payload);
  return { id: profile.id, email, role, token };
}

/** The table, function and trigger of ownerEverywhere, installed once per database. */
const ownersEverywhereInstalled = new WeakMap<DataSource, Promise<void>>();

async function installOwnersEverywhere(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    CREATE TABLE IF NOT EXISTS test_owners_everywhere (
      profile_id UUID PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE)`);
  await dataSource.query(`
    CREATE OR REPLACE FUNCTION test_owners_everywhere_join() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO store_memberships (store_id, profile_id, role)
        SELECT NEW.id, profile_id, 'owner' FROM test_owners_everywhere ON CONFLICT DO NOTHING;
      RETURN NEW;
    END $$`);
  await dataSource.query(`
    CREATE OR REPLACE TRIGGER trg_test_owners_everywhere AFTER INSERT ON stores
      FOR EACH ROW EXECUTE FUNCTION test_owners_everywhere_join()`);
}

/** Test databases only: the profiles in `test_owners_everywhere` become owner of each new store. */
async function ownerEverywhere(dataSource: DataSource, profileId: string): Promise<void> {
  // Once, and shared by admins created at the same time (Promise.all): two CREATE OR REPLACE of one
  // function at once fail with "tuple concurrently updated".
  let installed = ownersEverywhereInstalled.get(dataSource);
  if (!installed) {
    installed = installOwnersEverywhere(dataSource);
    ownersEverywhereInstalled.set(dataSource, installed);
    installed.catch(() => ownersEverywhereInstalled.delete(dataSource));
  }
  await installed;
  await dataSource.query(`INSERT INTO test_owners_everywhere (profile_id) VALUES ($1)`, [profileId]);
  await dataSource.query(
    `INSERT INTO store_memberships (store_id, profile_id, role)
       SELECT id, $1, 'owner' FROM stores ON CONFLICT DO NOTHING`,
    [profileId],
  );
}

/** Makes an admin a member of one store with a role. */
export async function addMembership(
  app: INestApplication,
  user: TestUser,
  storeId: string,
  role: 'owner' | 'manager' | 'staff',
): Promise<void> {
  await app.get(DataSource).query(
    `INSERT INTO store_memberships (store_id, profile_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (store_id, profile_id) DO UPDATE SET role = EXCLUDED.role`,
    [storeId, user.id, role],
  );
}

export function bearer(user: TestUser): { Authorization: string } {
  return { Authorization: `Bearer ${user.token}` };
}
