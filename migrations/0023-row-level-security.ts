import { MigrationInterface, QueryRunner } from 'typeorm';
import { inBriefLockTransaction, outsideTransaction } from './support';

/**
 * The context every app session carries (src/database/rls): who is asking. Set with
 * set_config(…) by the app; an unset or empty value reads as "nobody" (anonymous, no store).
 * Plain SQL functions, STABLE: the planner inlines them, so a policy costs a current_setting() call.
 */
const CONTEXT_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`,
  `CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT COALESCE(NULLIF(current_setting('app.role', true), ''), 'anonymous') $$`,
  `CREATE OR REPLACE FUNCTION app_store_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT COALESCE(NULLIF(current_setting('app.store_ids', true), ''), '{}')::uuid[] $$`,
  `CREATE OR REPLACE FUNCTION app_cart_session() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT NULLIF(current_setting('app.cart_session', true), '') $$`,
  `CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() = 'system' $$`,
  `CREATE OR REPLACE FUNCTION app_all_stores() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() IN ('system', 'super_admin') $$`,
  // A store's back office: system and super_admin everywhere, an admin in the stores of its memberships.
  `CREATE OR REPLACE FUNCTION app_store_visible(store uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() IN ('system', 'super_admin') OR (app_role() = 'admin' AND store = ANY (app_store_ids())) $$`,
];

const FUNCTION_NAMES = [
  'app_store_visible(uuid)',
  'app_all_stores()',
  'app_is_system()',
  'app_cart_session()',
  'app_store_ids()',
  'app_role()',
  'app_user_id()',
];

type Command = 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

interface Policy {
  name: string;
  command: Command;
  using?: string;
  check?: string;
}

const STORE_BACK_OFFICE = 'app_store_visible(store_id)';
const VISIBLE_ORDER = 'EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id)';

/** The public reads active rows; a store's back office reads and writes all of the store's. */
function catalog(table: string): Policy[] {
  return [
    { name: `${table}_public_read`, command: 'SELECT', using: `is_active OR ${STORE_BACK_OFFICE}` },
    { name: `${table}_back_office`, command: 'ALL', using: STORE_BACK_OFFICE, check: STORE_BACK_OFFICE },
  ];
}

/** Rows anyone may read (no one's data), written by the back office of the parent product's store. */
function productChild(table: string): Policy[] {
  const parent = `EXISTS (SELECT 1 FROM products p WHERE p.id = product_id AND app_store_visible(p.store_id))`;
  return [
    { name: `${table}_public_read`, command: 'SELECT', using: 'true' },
    { name: `${table}_back_office`, command: 'ALL', using: parent, check: parent },
  ];
}

/** Whole-row rule for every command. */
function only(table: string, rule: string, suffix = 'owner'): Policy[] {
  return [{ name: `${table}_${suffix}`, command: 'ALL', using: rule, check: rule }];
}

/**
 * Every table of the public schema and who may touch its rows (docs/security.md, "Row-level
 * security"). Policies of one command are OR-ed; a table with RLS on and no policy for a command
 * refuses it (no rows). `logs` has no UPDATE or DELETE policy at all: append-only.
 */
const POLICIES: Record<string, Policy[]> = {
  stores: [
    { name: 'stores_public_read', command: 'SELECT', using: 'is_active OR app_store_visible(id)' },
    { name: 'stores_create', command: 'INSERT', check: 'app_all_stores()' },
    {
      name: 'stores_back_office',
      command: 'UPDATE',
      using: 'app_store_visible(id)',
      check: 'app_store_visible(id)',
    },
    { name: 'stores_delete', command: 'DELETE', using: 'app_all_stores()' },
  ],
  categories: catalog('categories'),
  products: catalog('products'),
  product_variants: catalog('product_variants'),
  tags: [
    { name: 'tags_public_read', command: 'SELECT', using: 'true' },
    { name: 'tags_back_office', command: 'ALL', using: STORE_BACK_OFFICE, check: STORE_BACK_OFFICE },
  ],
  product_images: productChild('product_images'),
  product_tags: productChild('product_tags'),
  store_product_counts: [
    { name: 'store_product_counts_public_read', command: 'SELECT', using: 'true' },
    // Kept by a trigger on products, i.e. under the context of whoever changed the product.
    {
      name: 'store_product_counts_back_office',
      command: 'ALL',
      using: STORE_BACK_OFFICE,
      check: STORE_BACK_OFFICE,
    },
  ],
  // Stock and discount counters move with every buyer's checkout (customer, guest, sweeper); an admin
  // context moves them only in its own stores.
  inventory: [
    { name: 'inventory_public_read', command: 'SELECT', using: 'true' },
    {
      name: 'inventory_stock_moves',
      command: 'ALL',
      using: `app_role() <> 'admin' OR EXISTS (SELECT 1 FROM product_variants v WHERE v.id = variant_id AND app_store_visible(v.store_id))`,
      check: `app_role() <> 'admin' OR EXISTS (SELECT 1 FROM product_variants v WHERE v.id = variant_id AND app_store_visible(v.store_id))`,
    },
  ],
  inventory_reservations: only(
    'inventory_reservations',
    `app_is_system() OR ${VISIBLE_ORDER}`,
    'of_visible_orders',
  ),
  discounts: [
    { name: 'discounts_public_read', command: 'SELECT', using: `is_active OR ${STORE_BACK_OFFICE}` },
    {
      name: 'discounts_uses',
      command: 'UPDATE',
      using: `app_role() <> 'admin' OR ${STORE_BACK_OFFICE}`,
      check: `app_role() <> 'admin' OR ${STORE_BACK_OFFICE}`,
    },
    { name: 'discounts_back_office', command: 'ALL', using: STORE_BACK_OFFICE, check: STORE_BACK_OFFICE },
  ],
  carts: only(
    'carts',
    `user_id = app_user_id() OR (user_id IS NULL AND session_id = app_cart_session()) OR ${STORE_BACK_OFFICE}`,
  ),
  cart_items: only('cart_items', 'EXISTS (SELECT 1 FROM carts c WHERE c.id = cart_id)', 'of_visible_carts'),
  orders: [
    {
      name: 'orders_owner',
      command: 'ALL',
      // A guest's order (no user): the anonymous context, which the order token route runs in.
      using: `user_id = app_user_id() OR ${STORE_BACK_OFFICE} OR (user_id IS NULL AND app_role() = 'anonymous')`,
      check: `user_id = app_user_id() OR ${STORE_BACK_OFFICE} OR (user_id IS NULL AND app_role() = 'anonymous')`,
    },
  ],
  order_items: only('order_items', VISIBLE_ORDER, 'of_visible_orders'),
  payments: only('payments', `app_is_system() OR ${VISIBLE_ORDER}`, 'of_visible_orders'),
  payment_events: only('payment_events', 'app_is_system()', 'system'),
  // A counter row per month that every order number bumps; nobody's data.
  order_number_counters: only('order_number_counters', 'true', 'everyone'),
  addresses: [
    {
      name: 'addresses_owner',
      command: 'ALL',
      using: 'user_id = app_user_id() OR app_all_stores()',
      check: 'user_id = app_user_id() OR app_all_stores()',
    },
    {
      name: 'addresses_of_store_orders',
      command: 'SELECT',
      using: `app_role() = 'admin' AND EXISTS (SELECT 1 FROM orders o WHERE o.shipping_address_id = addresses.id AND app_store_visible(o.store_id))`,
    },
  ],
  store_customers: only('store_customers', `profile_id = app_user_id() OR ${STORE_BACK_OFFICE}`),
  // Read by everyone: the bearer-token lookup runs before the user is known, and "is this email
  // taken" must see every account. Changed by their owner and the back office; created and deleted by
  // the system (registration, invitations) and the super admin.
  profiles: [
    { name: 'profiles_read', command: 'SELECT', using: 'true' },
    { name: 'profiles_create', command: 'INSERT', check: 'app_all_stores()' },
    {
      name: 'profiles_update',
      command: 'UPDATE',
      using: `id = app_user_id() OR app_role() IN ('system', 'super_admin', 'admin')`,
      check: `id = app_user_id() OR app_role() IN ('system', 'super_admin', 'admin')`,
    },
    { name: 'profiles_delete', command: 'DELETE', using: 'app_all_stores()' },
  ],
  refresh_tokens: only(
    'refresh_tokens',
    `user_id = app_user_id() OR app_role() IN ('system', 'super_admin', 'admin')`,
  ),
  admin_invitations: only(
    'admin_invitations',
    `app_role() IN ('system', 'super_admin', 'admin')`,
    'back_office',
  ),
  store_memberships: [
    // Which stores an admin is in (not the stores' data): every admin context, e.g. to tell whether a
    // removed member keeps another store.
    {
      name: 'store_memberships_read',
      command: 'SELECT',
      using: `profile_id = app_user_id() OR app_role() IN ('system', 'super_admin', 'admin')`,
    },
    {
      name: 'store_memberships_back_office',
      command: 'ALL',
      using: STORE_BACK_OFFICE,
      check: STORE_BACK_OFFICE,
    },
  ],
  store_invitations: only('store_invitations', STORE_BACK_OFFICE, 'back_office'),
  idempotency_keys: only(
    'idempotency_keys',
    // A guest's keys are scoped to its cart session (migration 0018).
    'user_id = app_user_id() OR (user_id IS NULL AND cart_session = app_cart_session()) OR app_is_system()',
  ),
  // Append-only: anyone appends; reads by store; no UPDATE or DELETE policy exists.
  logs: [
    { name: 'logs_append', command: 'INSERT', check: 'true' },
    {
      name: 'logs_read',
      command: 'SELECT',
      using: `${STORE_BACK_OFFICE} OR (store_id IS NULL AND app_all_stores()) OR user_id = app_user_id()`,
    },
  ],
  // Every transaction may record its events; only the dispatcher (system) and the super admin's
  // stats read them.
  outbox_events: [
    { name: 'outbox_events_record', command: 'INSERT', check: 'true' },
    { name: 'outbox_events_dispatch', command: 'ALL', using: 'app_is_system()', check: 'app_is_system()' },
    { name: 'outbox_events_stats', command: 'SELECT', using: `app_role() = 'super_admin'` },
  ],
  event_deliveries: [
    { name: 'event_deliveries_dispatch', command: 'ALL', using: 'app_is_system()', check: 'app_is_system()' },
    { name: 'event_deliveries_stats', command: 'SELECT', using: `app_role() = 'super_admin'` },
  ],
  webhook_endpoints: only('webhook_endpoints', STORE_BACK_OFFICE, 'back_office'),
  webhook_deliveries: only('webhook_deliveries', STORE_BACK_OFFICE, 'back_office'),
  loyalty_accounts: [
    { name: 'loyalty_accounts_own', command: 'SELECT', using: 'profile_id = app_user_id()' },
    {
      name: 'loyalty_accounts_back_office',
      command: 'ALL',
      using: STORE_BACK_OFFICE,
      check: STORE_BACK_OFFICE,
    },
  ],
  loyalty_ledger: [
    { name: 'loyalty_ledger_own', command: 'SELECT', using: 'profile_id = app_user_id()' },
    {
      name: 'loyalty_ledger_back_office',
      command: 'ALL',
      using: STORE_BACK_OFFICE,
      check: STORE_BACK_OFFICE,
    },
  ],
  // TypeORM's bookkeeping: the migration connection (system context) only.
  migrations: only('migrations', 'app_is_system()', 'system'),
  // Verification, reset and email-change tokens: their owner, and the token routes (system).
  account_tokens: only('account_tokens', 'user_id = app_user_id() OR app_is_system()'),
  // Which mails went out: the mail subscribers (system) only.
  mail_deliveries: only('mail_deliveries', 'app_is_system()', 'system'),
  // Shipping and tax settings: read by every checkout, written by the store's back office.
  shipping_zones: [
    { name: 'shipping_zones_public_read', command: 'SELECT', using: 'true' },
    {
      name: 'shipping_zones_back_office',
      command: 'ALL',
      using: STORE_BACK_OFFICE,
      check: STORE_BACK_OFFICE,
    },
  ],
  shipping_methods: catalog('shipping_methods'),
  tax_rates: [
    { name: 'tax_rates_public_read', command: 'SELECT', using: 'true' },
    { name: 'tax_rates_back_office', command: 'ALL', using: STORE_BACK_OFFICE, check: STORE_BACK_OFFICE },
  ],
  // Fulfilments: read with their order, written by the store; returns: asked for by the buyer too.
  fulfillments: [
    { name: 'fulfillments_of_visible_orders', command: 'SELECT', using: VISIBLE_ORDER },
    { name: 'fulfillments_back_office', command: 'ALL', using: STORE_BACK_OFFICE, check: STORE_BACK_OFFICE },
  ],
  fulfillment_items: [
    {
      name: 'fulfillment_items_of_visible_fulfillments',
      command: 'SELECT',
      using: 'EXISTS (SELECT 1 FROM fulfillments f WHERE f.id = fulfillment_id)',
    },
    {
      name: 'fulfillment_items_back_office',
      command: 'ALL',
      using:
        'EXISTS (SELECT 1 FROM fulfillments f WHERE f.id = fulfillment_id AND app_store_visible(f.store_id))',
      check:
        'EXISTS (SELECT 1 FROM fulfillments f WHERE f.id = fulfillment_id AND app_store_visible(f.store_id))',
    },
  ],
  returns: only('returns', VISIBLE_ORDER, 'of_visible_orders'),
  return_items: only(
    'return_items',
    'EXISTS (SELECT 1 FROM returns r WHERE r.id = return_id)',
    'of_visible_returns',
  ),
};

/**
 * 0023 — PostgreSQL row-level security as the database's own wall (issue 14; docs/security.md):
 * context functions, ENABLE + FORCE ROW LEVEL SECURITY (FORCE: the tables' owner is held to the
 * policies too, unless it is a superuser or has BYPASSRLS) and the policies above on every table, the
 * store-customer view evaluated with the caller's rights, and the audit log made append-only for every
 * role but the owner (UPDATE, DELETE and TRUNCATE revoked).
 *
 * Locks (docs/migrations.md, "The legacy upgrade under live traffic"): ALTER TABLE … ROW LEVEL
 * SECURITY and CREATE POLICY take ACCESS EXCLUSIVE on their table. Taken table by table in one
 * transaction they were held until its end while the next was waited for, and order writers (holding
 * orders, needing ROW SHARE on stores and profiles for their foreign keys) deadlocked with it on every
 * try. So each table is one brief transaction of its own: its lock taken first (LOCK TABLE, short
 * lock_timeout), then ENABLE + FORCE and its policies together (a table never has RLS on without its
 * policies), retried on lock timeout or deadlock. A policy's subquery takes ACCESS SHARE on the table
 * it reads, which only another ACCESS EXCLUSIVE can hold up. Between two steps some tables have their
 * policies and some not yet (each one on its own is complete); every step is idempotent (policies are
 * dropped if present and created again), so an interrupted run is finished by running it again.
 */
export class RowLevelSecurity1000000000023 implements MigrationInterface {
  name = 'RowLevelSecurity1000000000023';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    // No table lock: functions that read only settings.
    await inBriefLockTransaction(q, async () => {
      for (const sql of CONTEXT_FUNCTIONS) await q.query(sql);
    });
    for (const [table, policies] of Object.entries(POLICIES)) {
      if (!(await tableExists(q, table))) continue;
      await inBriefLockTransaction(q, async () => {
        await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
        await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
        for (const policy of policies) {
          await q.query(`DROP POLICY IF EXISTS ${policy.name} ON ${table}`);
          await q.query(createPolicy(table, policy));
        }
      });
    }
    // ACCESS EXCLUSIVE on the view only (LOCK TABLE on a view would lock its tables too).
    await inBriefLockTransaction(q, async () => {
      await q.query(`ALTER VIEW store_customer_orders SET (security_invoker = true)`);
    });
    await inBriefLockTransaction(q, () => revokeFromAllButOwner(q, 'logs', 'UPDATE, DELETE, TRUNCATE'));
    await inBriefLockTransaction(q, () => revokeFromAllButOwner(q, 'migrations', 'ALL'));
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    await inBriefLockTransaction(q, async () => {
      await q.query(`ALTER VIEW store_customer_orders RESET (security_invoker)`);
    });
    for (const [table, policies] of Object.entries(POLICIES)) {
      if (!(await tableExists(q, table))) continue;
      await inBriefLockTransaction(q, async () => {
        await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        for (const policy of policies) await q.query(`DROP POLICY IF EXISTS ${policy.name} ON ${table}`);
        await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
        await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      });
    }
    // After every policy that calls them is gone.
    await inBriefLockTransaction(q, async () => {
      for (const fn of FUNCTION_NAMES) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    });
    // The revoked audit-log and migrations grants are not given back: re-run the role provisioning
    // (docs/security.md) if the app role needs them.
  }
}

/**
 * Tables of modules that landed beside this migration (accounts, shipping, fulfilment) may be missing
 * from a checkout that predates them; test/security asserts that every table present has its policies.
 */
async function tableExists(q: QueryRunner, table: string): Promise<boolean> {
  const rows = (await q.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `public.${table}`,
  ])) as Array<{
    present: boolean;
  }>;
  return rows[0]?.present === true;
}

function createPolicy(table: string, policy: Policy): string {
  const using = policy.using !== undefined ? ` USING (${policy.using})` : '';
  const check = policy.check !== undefined ? ` WITH CHECK (${policy.check})` : '';
  return `CREATE POLICY ${policy.name} ON ${table} FOR ${policy.command} TO PUBLIC${using}${check}`;
}

/** Revokes `privileges` on `table` from every role that holds them, except the table's owner. */
async function revokeFromAllButOwner(q: QueryRunner, table: string, privileges: string): Promise<void> {
  await q.query(`REVOKE ${privileges} ON ${table} FROM PUBLIC`);
  const grantees = (await q.query(
    `SELECT DISTINCT a.grantee::regrole::text AS role
       FROM pg_class c, aclexplode(c.relacl) a
      WHERE c.oid = $1::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner`,
    [`public.${table}`],
  )) as Array<{ role: string }>;
  for (const { role } of grantees) await q.query(`REVOKE ${privileges} ON ${table} FROM ${role}`);
}
