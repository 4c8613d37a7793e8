/**
 * An account imported from the legacy auth provider (profiles row from before migration 0006, so
 * password_hash NULL) cannot log in until it sets a password through forgot / reset.
 */
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../../../migrations';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { createEmptyDatabase } from '../../support/database';
import { sql } from '../auth-helpers';
import { AccountsApp, startAccountsApp, SUBJECTS } from './accounts-helpers';

const LEGACY_ID = '0b000000-0000-4000-8000-0000000000aa';
const LEGACY_EMAIL = 'imported@example.com';

describe('legacy account without a password', () => {
  let t: AccountsApp;

  beforeAll(async () => {
    const db = await createEmptyDatabase();
    const baseline = new DataSource({ ...buildDataSourceOptions(db.url), migrations: [LEGACY_BASELINE] });
    await baseline.initialize();
    await baseline.runMigrations();
    await baseline.query(`INSERT INTO profiles (id, email, full_name) VALUES ($1, $2, 'Imported User')`, [
      LEGACY_ID,
      LEGACY_EMAIL,
    ]);
    await baseline.destroy();
    const migrated = new DataSource({ ...buildDataSourceOptions(db.url), migrations: ALL_MIGRATIONS });
    await migrated.initialize();
    await migrated.runMigrations();
    await migrated.destroy();
    t = await startAccountsApp({}, db);
  });

  afterAll(() => t?.close());

  it('cannot log in; forgot → mailed link → reset sets a password; login works', async () => {
    const [before] = await sql<{ password_hash: string | null }>(
      t.app,
      'SELECT password_hash FROM profiles WHERE id = $1',
      [LEGACY_ID],
    );
    expect(before.password_hash).toBeNull();
    const password = 'my first real password';
    await t.http.post('/api/auth/login').send({ email: LEGACY_EMAIL, password }).expect(401);

    await t.http.post('/api/auth/password/forgot').send({ email: 'Imported@Example.com' }).expect(202);
    const token = await t.mailedToken(LEGACY_EMAIL, SUBJECTS.reset);
    const res = await t.http.post('/api/auth/password/reset').send({ token, password }).expect(200);
    expect(res.body.user).toMatchObject({ id: LEGACY_ID, email: LEGACY_EMAIL, fullName: 'Imported User' });

    await t.http.post('/api/auth/login').send({ email: LEGACY_EMAIL, password }).expect(200);
    const [log] = await sql<{ details: { legacyAccount: boolean } }>(
      t.app,
      `SELECT details FROM logs WHERE action = 'account.password_reset' AND entity_id = $1`,
      [LEGACY_ID],
    );
    expect(log.details.legacyAccount).toBe(true);
  });
});
