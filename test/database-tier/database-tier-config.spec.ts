/** DATABASE_REPLICA_URLS and DATABASE_PREPARED_STATEMENTS: parsed at start-up, a bad value stops it. */
import * as os from 'node:os';
import { loadAppConfig } from '../../src/config/app-config';

const base = { DATABASE_URL: 'postgres://app:pw@db:5432/commerce', JWT_SECRET: 'x'.repeat(32) };
const load = (env: NodeJS.ProcessEnv) => loadAppConfig({ ...base, ...env }, { cwd: os.tmpdir() });

describe('database tier settings', () => {
  it('defaults: no replicas, named prepared statements', () => {
    const config = load({});
    expect(config.databaseReplicaUrls).toEqual([]);
    expect(config.databasePreparedStatements).toBe(true);
    // Row-level security is on unless switched off.
    expect(config.databaseRls).toBe(true);
    expect(load({ DATABASE_RLS: 'off' }).databaseRls).toBe(false);
  });

  it('reads a comma-separated replica list, ignoring blanks', () => {
    const config = load({ DATABASE_REPLICA_URLS: ' postgres://r1:5432/c , ,postgresql://u:p@r2/c' });
    expect(config.databaseReplicaUrls).toEqual(['postgres://r1:5432/c', 'postgresql://u:p@r2/c']);
  });

  it('refuses a replica that is not a postgres URL, without echoing it', () => {
    expect(() => load({ DATABASE_REPLICA_URLS: 'postgres://r1/c,mysql://secret@r2/c' })).toThrow(
      /DATABASE_REPLICA_URLS.*postgres:\/\//,
    );
    expect(() => load({ DATABASE_REPLICA_URLS: 'not a url secret' })).toThrow(
      /^(?!.*secret).*DATABASE_REPLICA_URLS/,
    );
  });

  it('DATABASE_PREPARED_STATEMENTS: true or false; false refused with DATABASE_RLS=on (the default)', () => {
    expect(
      load({ DATABASE_PREPARED_STATEMENTS: 'FALSE', DATABASE_RLS: 'off' }).databasePreparedStatements,
    ).toBe(false);
    expect(() => load({ DATABASE_PREPARED_STATEMENTS: 'false' })).toThrow(/DATABASE_RLS=on/);
    expect(() => load({ DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
    expect(() => load({ DATABASE_PREPARED_STATEMENTS: 'false', DATABASE_RLS: 'on' })).toThrow(
      /DATABASE_RLS=on/,
    );
    expect(
      load({ DATABASE_PREPARED_STATEMENTS: 'true', DATABASE_RLS: 'on' }).databasePreparedStatements,
    ).toBe(true);
  });
});
