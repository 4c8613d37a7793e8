/**
 * npm run db:verify [-- --json] [-- --quarantine]
 *
 * Scans the store-scoped tables for rows the cleanup migrations cannot accept (seed task 1.1):
 * orphans (products, product_variants, categories and tags whose store is missing; variants whose
 * product is missing; order_items whose order, product or variant is missing), duplicate keys that
 * block the unique indexes, and differences between the legacy store_customers.orders JSON and orders.
 *
 *   --json        machine-readable output
 *   --quarantine  first move every orphan row (and the rows a delete would cascade to) into
 *                 quarantine.orphans with the reason and time, in one transaction; nothing is deleted
 *                 without a copy. Duplicates and JSON differences are never changed automatically.
 *
 * Exit code: 0 clean, 1 violations remain, 2 cannot connect (or bad usage).
 * Connects to DATABASE_URL.
 */
import { Client } from 'pg';
import {
  formatViolationTable,
  quarantineOrphans,
  QuarantineSummary,
  runChecks,
  SqlQuery,
  Violation,
} from '../src/database/integrity/integrity-checks';
import {
  findOrderSummaryDifferences,
  formatParityDifferences,
  ParityDifference,
} from '../src/database/integrity/order-summary-parity';

export const EXIT_CLEAN = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_CANNOT_CONNECT = 2;

interface Options {
  json: boolean;
  quarantine: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { json: false, quarantine: false };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--quarantine') options.quarantine = true;
    else return `Unknown option ${arg}. Usage: npm run db:verify [-- --json] [-- --quarantine]`;
  }
  return options;
}

export interface VerifyReport {
  ok: boolean;
  checks: Violation[];
  orderSummaryDifferences: ParityDifference[];
  quarantine?: QuarantineSummary;
}

export async function verify(client: Client, options: Pick<Options, 'quarantine'>): Promise<VerifyReport> {
  const query: SqlQuery = async <T>(sql: string, params?: unknown[]) =>
    (await client.query(sql, params)).rows as T[];

  let quarantine: QuarantineSummary | undefined;
  if (options.quarantine) {
    await client.query('BEGIN');
    try {
      quarantine = await quarantineOrphans(query);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  const checks = await runChecks(query);
  const orderSummaryDifferences = await findOrderSummaryDifferences(query, 100);
  const ok = checks.every((c) => c.violations === 0) && orderSummaryDifferences.length === 0;
  return { ok, checks, orderSummaryDifferences, quarantine };
}

function printReport(report: VerifyReport): void {
  if (report.quarantine) {
    const moved = Object.entries(report.quarantine.moved);
    console.log(
      moved.length === 0
        ? 'Quarantine: no orphan rows to move.'
        : `Quarantine: moved ${report.quarantine.total} row(s) into quarantine.orphans: ${moved
            .map(([table, n]) => `${table} ${n}`)
            .join(', ')}.`,
    );
    console.log('');
  }
  console.log(formatViolationTable(report.checks));
  if (report.orderSummaryDifferences.length > 0) {
    console.log('');
    console.log('store_customers.orders (legacy JSON) differs from orders:');
    console.log(formatParityDifferences(report.orderSummaryDifferences));
  }
  console.log('');
  if (report.ok) {
    console.log('OK: no integrity violations.');
    return;
  }
  const hasOrphans = report.checks.some((c) => c.kind === 'orphan' && c.violations > 0);
  const hasDuplicates = report.checks.some((c) => c.kind === 'duplicate' && c.violations > 0);
  console.log('Violations found.');
  if (hasOrphans)
    console.log('  Orphans: `npm run db:verify -- --quarantine` moves them to quarantine.orphans.');
  if (hasDuplicates) console.log('  Duplicates: rename or merge the listed rows (see docs/migrations.md).');
  if (report.orderSummaryDifferences.length > 0) {
    console.log(
      '  JSON differences: correct store_customers.orders or the orders rows (see docs/migrations.md).',
    );
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return EXIT_CANNOT_CONNECT;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set: db:verify needs the database to check (postgres://user:pass@host:port/db).',
    );
    return EXIT_CANNOT_CONNECT;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `Cannot connect to the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_CANNOT_CONNECT;
  }
  try {
    const report = await verify(client, options);
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.ok ? EXIT_CLEAN : EXIT_VIOLATIONS;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(EXIT_CANNOT_CONNECT);
    },
  );
}
