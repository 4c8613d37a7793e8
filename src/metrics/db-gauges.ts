import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { runAsSystem } from '../database/rls/db-context';
import { EventsService } from '../events/events.service';

/** What node-postgres' Pool exposes about itself (TypeORM's driver keeps it as `master`). */
interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

function poolOf(dataSource: DataSource): PgPoolStats | undefined {
  return (dataSource.driver as unknown as { master?: PgPoolStats }).master;
}

/**
 * Gauges read at scrape time. The pool's are this process's (summed across workers); the database's
 * (reservations, outbox) are the same for every worker, so the cluster aggregate keeps the max
 * instead of adding them up. Database reads run as the system (row-level security): a scrape acts
 * for nobody.
 */
export function registerDbGauges(registry: Registry, dataSource: DataSource, events: EventsService): void {
  const pool = (pick: (stats: PgPoolStats) => number | undefined) =>
    function (this: Gauge) {
      const stats = poolOf(dataSource);
      this.set(stats ? (pick(stats) ?? 0) : 0);
    };
  new Gauge({
    name: 'commerce_db_pool_connections',
    help: 'Connections in the database pool (idle and in use)',
    registers: [registry],
    collect: pool((s) => s.totalCount),
  });
  new Gauge({
    name: 'commerce_db_pool_idle_connections',
    help: 'Idle connections in the database pool',
    registers: [registry],
    collect: pool((s) => s.idleCount),
  });
  new Gauge({
    name: 'commerce_db_pool_waiting_requests',
    help: 'Queries waiting for a pooled connection (the pool is exhausted while this is above 0)',
    registers: [registry],
    collect: pool((s) => s.waitingCount),
  });
  new Gauge({
    name: 'commerce_db_pool_max_connections',
    help: 'Pool size limit',
    registers: [registry],
    collect: pool((s) => s.options?.max),
  });

  new Gauge<'unit'>({
    name: 'commerce_inventory_reservations_active',
    help: 'Stock held by pending orders: reservations (unit="holds") and units (unit="units")',
    labelNames: ['unit'],
    aggregator: 'max',
    registers: [registry],
    async collect() {
      // The partial index idx_inventory_reservations_variant_active covers exactly these rows.
      const [row] = await runAsSystem(() =>
        dataSource.query<Array<{ holds: number; units: number }>>(
          `SELECT count(*)::int AS holds, coalesce(sum(quantity), 0)::int AS units
             FROM inventory_reservations WHERE status = 'active'`,
        ),
      );
      this.set({ unit: 'holds' }, row?.holds ?? 0);
      this.set({ unit: 'units' }, row?.units ?? 0);
    },
  });

  // One stats() read per scrape feeds the four outbox gauges (collect runs each gauge in turn).
  let pendingStats: ReturnType<EventsService['stats']> | undefined;
  const outboxStats = (): ReturnType<EventsService['stats']> => {
    pendingStats ??= runAsSystem(() => events.stats()).finally(() => {
      setImmediate(() => (pendingStats = undefined));
    });
    return pendingStats;
  };
  new Gauge({
    name: 'commerce_outbox_pending_events',
    help: 'Domain events not yet delivered to every subscriber',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.set((await outboxStats()).pendingEvents);
    },
  });
  new Gauge({
    name: 'commerce_outbox_pending_deliveries',
    help: 'Subscriber deliveries waiting for their (next) run',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.set((await outboxStats()).pendingDeliveries);
    },
  });
  new Gauge({
    name: 'commerce_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest pending domain event (the dispatcher lag); 0 when nothing is pending',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.set((await outboxStats()).oldestPendingAgeSeconds ?? 0);
    },
  });
  new Gauge<'subscriber'>({
    name: 'commerce_outbox_failed_deliveries',
    help: 'Deliveries that used up EVENTS_MAX_ATTEMPTS, per subscriber (not retried again)',
    labelNames: ['subscriber'],
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.reset();
      for (const { subscriber, count } of (await outboxStats()).failedDeliveries) {
        this.set({ subscriber }, count);
      }
    },
  });
}
