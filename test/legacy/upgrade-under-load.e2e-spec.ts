/**
 * The CI-sized legacy upgrade under live traffic (scripts/upgrade-under-load.ts; the 10,000,000-line
 * run is `npm run upgrade:under-load`, figures in docs/migrations.md): writers place and pay orders
 * and readers read them during every migration, 0002 and 0023 included; no request may wait more than
 * the brief locks' lock_timeout plus a margin, none may fail (a deadlock reaching a client fails it), no
 * row may be lost, and the holds 0007 leaves must be exactly the pending orders' lines.
 */
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../../migrations';
import { BRIEF_LOCK } from '../../migrations/support';
import { runUpgradeUnderLoad, UpgradeReport } from '../../scripts/upgrade-under-load';
import { createEmptyDatabase, TestDatabase } from '../support/database';

const ORDER_ITEMS = 200_000;
/** What a request queued behind a brief-lock step may wait: its lock_timeout, plus a loaded machine. */
const LOCK_TIMEOUT_MS = 500;
const MARGIN_MS = 500;
const MAX_WAIT_MS = LOCK_TIMEOUT_MS + MARGIN_MS;

describe('legacy upgrade under live traffic (200,000 order_items)', () => {
  let db: TestDatabase;
  let report: UpgradeReport;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    report = await runUpgradeUnderLoad({
      url: db.url,
      orderItems: ORDER_ITEMS,
      writers: 3,
      readers: 3,
      thinkMs: 5,
    });
  }, 170_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('ran every migration while requests kept being answered', () => {
    // All of them under the traffic (0023 once ran only after it), each in one go.
    expect(report.migrations.map((m) => m.name)).toEqual(
      ALL_MIGRATIONS.filter((m) => m !== LEGACY_BASELINE).map((m) => m.name),
    );
    expect(report.migrationFailures).toEqual([]);
    // No request failed: no deadlock (40P01) or lock timeout reached a client.
    expect(report.trafficErrors).toEqual([]);
    // Orders were placed and paid before, during and after 0007, in both ways of writing.
    expect(report.requests.place.requests).toBeGreaterThan(20);
    expect(report.requests.pay.requests).toBeGreaterThan(5);
    expect(report.requests['read-order'].requests).toBeGreaterThan(20);
  });

  it('no request waited more than the lock_timeout plus a margin, during 0002 and 0023 too', () => {
    expect(BRIEF_LOCK.lockTimeout).toBe(`${LOCK_TIMEOUT_MS}ms`); // what the bound assumes
    for (const name of ['StoreForeignKeys1000000000002', 'RowLevelSecurity1000000000023']) {
      const step = report.migrations.find((m) => m.name === name);
      expect(step?.requests).toBeGreaterThan(0); // traffic was there
      expect(step?.maxWaitMs).toBeLessThan(MAX_WAIT_MS);
    }
    const slow = report.migrations.filter((m) => m.maxWaitMs >= MAX_WAIT_MS);
    expect(slow).toEqual([]);
    expect(report.requests.all.maxMs).toBeLessThan(MAX_WAIT_MS);
    expect(report.longestLockWaitSeenMs).toBeLessThan(MAX_WAIT_MS);
  });

  it('lost no row, and the holds are exactly the pending orders’ lines', () => {
    expect(report.violations).toEqual([]);
    expect(report.check.orderItems).toBeGreaterThan(ORDER_ITEMS);
    expect(report.check.activeHolds).toBeGreaterThan(0);
  });
});
