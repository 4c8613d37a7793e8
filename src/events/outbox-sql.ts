import { PreparedSqlStatement, preparedForRowCount, SqlStatement } from '../common/sql-statement';
import { DomainEvent } from './domain-event';

/** Five columns per event row: id, type, store_id, payload, occurred_at. */
const COLUMNS = 5;

/**
 * `events` as rows of the outbox (`outbox_events`), in one multi-row INSERT; prepared per row count
 * for the usual few (a checkout records one).
 */
export function insertOutboxEventsStatement(
  events: readonly DomainEvent[],
): SqlStatement | PreparedSqlStatement {
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(event.id, event.type, event.storeId, JSON.stringify(event.data), event.occurredAt);
    const n = i * COLUMNS;
    return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::uuid, $${n + 4}::jsonb, $${n + 5}::timestamptz)`;
  });
  const text = `INSERT INTO outbox_events (id, type, store_id, payload, occurred_at) VALUES ${rows.join(', ')}`;
  return preparedForRowCount('outbox_insert', events.length, { text, values });
}

/**
 * The dispatcher's statements (event-dispatcher.ts), prepared: each pass runs the first two and each
 * batch of outcomes one more, and planning them under the tables' row-level security policies cost
 * more than running them (0.6–1 ms against 0.2–0.4 ms, measured with pg_stat_statements).
 */

/** A delivery leased to this process, with its event. */
export interface LeasedDeliveryRow {
  event_id: string;
  subscriber: string;
  attempts: number;
  type: string;
  store_id: string | null;
  payload: unknown;
  occurred_at: Date;
}

/** What one fan-out did: how many events it took, and the deliveries it leased to its caller. */
export interface FanOutRow extends Partial<LeasedDeliveryRow> {
  events: number;
  /** Delivery rows written but left for a claim (beyond `leaseUpTo`). */
  unleased: number;
}

/**
 * Turns up to `batch` new events into one delivery row per subscriber of their type, and leases the
 * first `leaseUpTo` of those rows to the caller at once (attempts 1, invisible to claims for `leaseMs`),
 * returned with their events: a new event is then delivered after one statement instead of a fan-out
 * and a claim. The rest are written due now, for a claim. One row per leased delivery, or a single row
 * with nulls when none was leased; `events` and `unleased` on every row.
 */
export function fanOutStatement(
  batch: number,
  subscribers: ReadonlyArray<{ type: string; name: string }>,
  leaseUpTo: number,
  leaseMs: number,
): PreparedSqlStatement {
  return {
    name: 'outbox_fan_out_lease',
    text: `WITH claimed AS (
         SELECT id, type, store_id, payload, occurred_at FROM outbox_events WHERE dispatched_at IS NULL
          ORDER BY occurred_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), fanned AS (
         INSERT INTO event_deliveries (event_id, subscriber, attempts, next_attempt_at)
         SELECT r.id, r.subscriber, CASE WHEN r.n <= $4 THEN 1 ELSE 0 END,
                CASE WHEN r.n <= $4 THEN now() + $5::float8 * interval '1 millisecond' ELSE now() END
           FROM (SELECT c.id, s.subscriber, row_number() OVER (ORDER BY c.occurred_at, c.id, s.subscriber) AS n
                   FROM claimed c JOIN unnest($2::text[], $3::text[]) AS s (type, subscriber) ON s.type = c.type) r
         ON CONFLICT DO NOTHING
         RETURNING event_id, subscriber, attempts
       ), done AS (
         UPDATE outbox_events o SET dispatched_at = now() FROM claimed c WHERE o.id = c.id RETURNING o.id
       )
       SELECT (SELECT count(*) FROM done)::int AS events,
              (SELECT count(*) FROM fanned WHERE attempts = 0)::int AS unleased,
              l.event_id, l.subscriber, l.attempts, l.type, l.store_id, l.payload, l.occurred_at
         FROM (SELECT 1) one
         LEFT JOIN (SELECT f.event_id, f.subscriber, f.attempts, c.type, c.store_id, c.payload, c.occurred_at
                      FROM fanned f JOIN claimed c ON c.id = f.event_id WHERE f.attempts = 1) l ON true`,
    values: [batch, subscribers.map((s) => s.type), subscribers.map((s) => s.name), leaseUpTo, leaseMs],
  };
}

/**
 * Leases up to `limit` due deliveries of `subscribers` for `leaseMs` (attempts + 1), with their events.
 */
export function claimDeliveriesStatement(
  limit: number,
  subscribers: readonly string[],
  leaseMs: number,
): PreparedSqlStatement {
  return {
    name: 'outbox_claim_deliveries',
    text: `WITH leased AS (
       UPDATE event_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + $3::float8 * interval '1 millisecond'
         FROM (SELECT event_id, subscriber FROM event_deliveries
                WHERE status = 'pending' AND next_attempt_at <= now() AND subscriber = ANY ($2::text[])
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due,
              outbox_events e
        WHERE d.event_id = due.event_id AND d.subscriber = due.subscriber AND e.id = d.event_id
        RETURNING d.event_id, d.subscriber, d.attempts, e.type, e.store_id, e.payload, e.occurred_at
       )
       SELECT * FROM leased`,
    values: [limit, subscribers, leaseMs],
  };
}

/** One delivery: an event and the subscriber it is for. */
export interface DeliveryKey {
  eventId: string;
  subscriber: string;
}

/** Marks `deliveries` delivered, in one statement (still pending ones only). */
export function markDeliveredStatement(deliveries: readonly DeliveryKey[]): PreparedSqlStatement {
  return {
    name: 'outbox_mark_delivered',
    text: `UPDATE event_deliveries d SET status = 'delivered', delivered_at = now(), last_error = NULL
             FROM unnest($1::uuid[], $2::text[]) AS x (event_id, subscriber)
            WHERE d.event_id = x.event_id AND d.subscriber = x.subscriber AND d.status = 'pending'`,
    values: [deliveries.map((d) => d.eventId), deliveries.map((d) => d.subscriber)],
  };
}

/**
 * A failed attempt: retried after `retryInMs`, or `failed` for good. Guarded by `attempts`: a run whose
 * lease another instance took over does not overwrite that one's outcome.
 */
export function markFailedStatement(
  delivery: DeliveryKey & { attempts: number },
  outcome: { final: boolean; error: string; retryInMs: number },
): PreparedSqlStatement {
  return {
    name: 'outbox_mark_failed',
    text: `UPDATE event_deliveries
          SET status = $4, last_error = $5, next_attempt_at = now() + $6::float8 * interval '1 millisecond'
        WHERE event_id = $1 AND subscriber = $2 AND attempts = $3 AND status = 'pending'`,
    values: [
      delivery.eventId,
      delivery.subscriber,
      delivery.attempts,
      outcome.final ? 'failed' : 'pending',
      outcome.error,
      outcome.retryInMs,
    ],
  };
}
