/**
 * Every TypeScript string union that mirrors a database CHECK constraint (seed task 2.2) lists exactly
 * the values the constraint allows: the constraint is read back from the migrated database, not from
 * the migration source, so the test compares what really runs.
 */
import { Client } from 'pg';
import { PROFILE_ROLES } from '../../src/auth/auth.types';
import { DISCOUNT_TYPES } from '../../src/discounts/discount.types';
import { RESERVATION_STATUSES } from '../../src/inventory/inventory.types';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES } from '../../src/orders/order.types';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from '../../src/payments/payment.types';
import { createTestDatabase } from '../support/database';
import { connect } from './sql-helpers';

interface EnumCheck {
  constraint: string;
  table: string;
  column: string;
  values: readonly string[];
}

const ENUM_CHECKS: EnumCheck[] = [
  { constraint: 'chk_profiles_role', table: 'profiles', column: 'role', values: PROFILE_ROLES },
  { constraint: 'chk_orders_status', table: 'orders', column: 'status', values: ORDER_STATUSES },
  {
    constraint: 'chk_orders_payment_status',
    table: 'orders',
    column: 'payment_status',
    values: ORDER_PAYMENT_STATUSES,
  },
  { constraint: 'chk_payments_provider', table: 'payments', column: 'provider', values: PAYMENT_PROVIDERS },
  { constraint: 'chk_payments_status', table: 'payments', column: 'status', values: PAYMENT_STATUSES },
  {
    constraint: 'chk_payment_events_provider',
    table: 'payment_events',
    column: 'provider',
    values: PAYMENT_PROVIDERS,
  },
  { constraint: 'chk_discounts_type', table: 'discounts', column: 'type', values: DISCOUNT_TYPES },
  {
    constraint: 'chk_inventory_reservations_status',
    table: 'inventory_reservations',
    column: 'status',
    values: RESERVATION_STATUSES,
  },
];

/** The quoted string literals of a constraint definition, with '' unescaped. */
function quotedValues(definition: string): string[] {
  return [...definition.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
}

describe('enum unions match the CHECK constraints', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  let definitions: Map<string, { table: string; definition: string }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await connect(db.url);
    const { rows } = await client.query<{ conname: string; table_name: string; definition: string }>(
      `SELECT c.conname, c.conrelid::regclass::text AS table_name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.connamespace = 'public'::regnamespace AND c.contype = 'c' AND c.conname = ANY($1)`,
      [ENUM_CHECKS.map((check) => check.constraint)],
    );
    definitions = new Map(rows.map((r) => [r.conname, { table: r.table_name, definition: r.definition }]));
    // A constraint name that appears twice would be ambiguous; the map would silently keep one.
    expect(rows).toHaveLength(definitions.size);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('parses quoted values, including escaped quotes', () => {
    expect(
      quotedValues(`CHECK ((role = ANY (ARRAY['customer'::text, 'it''s'::text, 'super_admin'::text])))`),
    ).toEqual(['customer', "it's", 'super_admin']);
  });

  it.each(ENUM_CHECKS.map((check) => [check.constraint, check] as const))(
    '%s allows exactly the TypeScript union',
    (name, check) => {
      const found = definitions.get(name);
      if (!found) throw new Error(`Constraint ${name} does not exist in the migrated database`);
      expect(found.table).toBe(check.table);
      // The constraint pins the expected column, and nothing but a list of literals.
      expect(found.definition).toMatch(new RegExp(`^CHECK \\(\\(${check.column} = ANY \\(ARRAY\\[`));

      const database = quotedValues(found.definition);
      expect(new Set(database).size).toBe(database.length);
      expect(new Set(check.values).size).toBe(check.values.length);
      expect([...database].sort()).toEqual([...check.values].sort());
    },
  );

  it('each union value is accepted and anything else is rejected by the database', async () => {
    // A behavioural cross-check of the parsing above, for one union: roles on profiles.
    await client.query('BEGIN');
    try {
      for (const role of PROFILE_ROLES) {
        await client.query(`INSERT INTO profiles (email, role) VALUES ($1, $2)`, [`${role}@enum.test`, role]);
      }
      await client.query('SAVEPOINT bad_role');
      await expect(
        client.query(`INSERT INTO profiles (email, role) VALUES ('x@enum.test', 'owner')`),
      ).rejects.toMatchObject({ code: '23514', constraint: 'chk_profiles_role' });
      await client.query('ROLLBACK TO SAVEPOINT bad_role');
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
