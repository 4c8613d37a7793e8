import { SqlStatement } from '../common/sql-statement';
import { DomainEvent } from './domain-event';

/** Five columns per event row: id, type, store_id, payload, occurred_at. */
const COLUMNS = 5;

/** `events` as rows of the outbox (`outbox_events`), in one multi-row INSERT. */
export function insertOutboxEventsStatement(events: readonly DomainEvent[]): SqlStatement {
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(event.id, event.type, event.storeId, JSON.stringify(event.data), event.occurredAt);
    const n = i * COLUMNS;
    return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::uuid, $${n + 4}::jsonb, $${n + 5}::timestamptz)`;
  });
  return {
    text: `INSERT INTO outbox_events (id, type, store_id, payload, occurred_at) VALUES ${rows.join(', ')}`,
    values,
  };
}
