import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { queryPrepared, runStatement } from '../database/prepared-query';
import { pgErrorCode, pgErrorDetail } from '../common/database-errors';
import { InventoryLowStock } from '../events';
import { availableStockStatement, holdStockStatement, INSUFFICIENT_STOCK_SQLSTATE } from './inventory-sql';

/** One order line to hold stock for. */
export interface ReservationLine {
  variantId: string;
  quantity: number;
}

/** A line that could not be held: what was asked and what is available now. */
export interface Shortfall {
  variantId: string;
  requested: number;
  available: number;
}

/** 409 INSUFFICIENT_STOCK with `details: [{ variantId, requested, available }]`, as the API names it. */
export class InsufficientStockException extends AppException {
  constructor(readonly shortfalls: Shortfall[]) {
    super(409, 'INSUFFICIENT_STOCK', 'Not enough stock for some items', shortfalls);
  }
}

/**
 * Stock holds for orders, on the race-free database functions of migration 0007. Every method takes
 * the caller's EntityManager, so a checkout, cancellation, expiry or payment webhook moves stock in
 * the same transaction as the rest of its work: all of it happens, or none.
 *
 * Invariants (checked by the tests after every concurrency run): 0 ≤ reserved ≤ quantity; reserved
 * equals the sum of the variant's active holds; quantity only falls through committed holds (or an
 * admin adjustment).
 */
@Injectable()
export class InventoryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Holds stock for every line, or for none, in one statement (hold_inventory, migration 0030): when a
   * line cannot be held it fails, aborting the caller's transaction (the holds already taken go with
   * it), and this rejects with InsufficientStockException listing every short line. Lines of one
   * variant are added up; variants are locked in id order, the same order everywhere, so concurrent
   * checkouts cannot deadlock on each other. Failing rather than answering is what allows a COMMIT
   * sent right behind it (commitWith): nothing can commit without its stock.
   */
  reserve(
    tx: EntityManager,
    orderId: string,
    lines: ReservationLine[],
    holdUntil: Date | null = null,
  ): Promise<void> {
    const wanted = new Map<string, number>();
    for (const line of lines) {
      if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
        return Promise.reject(
          new AppException(400, 'VALIDATION_FAILED', 'Quantities must be positive whole numbers'),
        );
      }
      wanted.set(line.variantId, (wanted.get(line.variantId) ?? 0) + line.quantity);
    }
    const held = [...wanted.keys()]
      .sort()
      .map((variantId) => ({ variantId, quantity: wanted.get(variantId) ?? 0 }));
    // Sent now (not after an await): the caller may send its COMMIT right behind it.
    return runStatement(tx, holdStockStatement(orderId, held, holdUntil)).then(
      () => undefined,
      (error: unknown) => {
        throw pgErrorCode(error) === INSUFFICIENT_STOCK_SQLSTATE
          ? new InsufficientStockException(shortfallsOf(error))
          : error;
      },
    );
  }

  /** Releases the order's active holds (cancellation, expiry, failed payment). Returns how many. */
  async release(tx: EntityManager, orderId: string): Promise<number> {
    const [row] = await tx.query<Array<{ released: number }>>(`SELECT release_inventory($1) AS released`, [
      orderId,
    ]);
    return row?.released ?? 0;
  }

  /** Turns the order's active holds into sold stock (payment succeeded). Returns how many. */
  async commit(tx: EntityManager, orderId: string): Promise<number> {
    const [row] = await tx.query<Array<{ committed: number }>>(`SELECT commit_inventory($1) AS committed`, [
      orderId,
    ]);
    return row?.committed ?? 0;
  }

  /**
   * Sells again, in the caller's transaction, the holds an order had released (it was cancelled, then
   * paid after all): each line is a direct sale of what is free (quantity − reserved), like
   * commit_inventory without a hold in between, and each released hold becomes a committed one, so a
   * later restock finds it. All lines or none: a savepoint undoes the lines already sold when one cannot
   * be. Returns how many holds were sold, or null when they could not all be (then nothing changed).
   */
  async sellReleasedHolds(tx: EntityManager, orderId: string): Promise<number | null> {
    const holds = await tx.query<Array<{ id: string; variant_id: string; quantity: number }>>(
      `SELECT id, variant_id, quantity FROM inventory_reservations
        WHERE order_id = $1 AND status = 'released' ORDER BY variant_id`,
      [orderId],
    );
    if (holds.length === 0) return null;
    await tx.query(`SAVEPOINT sell_released_holds`);
    for (const hold of holds) {
      const [, taken] = await tx.query<[unknown[], number]>(
        `UPDATE inventory SET quantity = quantity - $2 WHERE variant_id = $1 AND quantity - reserved >= $2`,
        [hold.variant_id, hold.quantity],
      );
      if (taken !== 1) {
        await tx.query(`ROLLBACK TO SAVEPOINT sell_released_holds`);
        return null;
      }
      await tx.query(
        `UPDATE inventory_reservations SET status = 'committed', settled_at = now() WHERE id = $1`,
        [hold.id],
      );
    }
    await tx.query(`RELEASE SAVEPOINT sell_released_holds`);
    return holds.length;
  }

  /**
   * `inventory.low_stock` for each variant that the order's holds committed in this transaction (by
   * `commit` or `sellReleasedHolds`: their settled_at is this transaction's now()) took from above its
   * threshold to at or below it (quantity ≤ low_stock_threshold, as ?lowStock=true reads it). The
   * caller records them with its own event. One statement per sale, on the payment path only (a
   * checkout's holds do not move quantity); the rows are still locked by the sale, so "before" is
   * exactly quantity + the hold.
   */
  async lowStockCrossedBy(tx: EntityManager, orderId: string): Promise<InventoryLowStock[]> {
    const rows = await tx.query<
      Array<{ store_id: string; variant_id: string; sku: string; available: number; threshold: number }>
    >(
      `SELECT v.store_id, i.variant_id, v.sku, i.quantity - i.reserved AS available,
              i.low_stock_threshold AS threshold
         FROM inventory_reservations r
         JOIN inventory i ON i.variant_id = r.variant_id
         JOIN product_variants v ON v.id = r.variant_id
        WHERE r.order_id = $1 AND r.status = 'committed' AND r.settled_at = now()
          AND i.quantity <= i.low_stock_threshold AND i.quantity + r.quantity > i.low_stock_threshold
        ORDER BY i.variant_id`,
      [orderId],
    );
    return rows.map(
      (r) =>
        new InventoryLowStock(r.store_id, {
          variantId: r.variant_id,
          sku: r.sku,
          available: r.available,
          threshold: r.threshold,
        }),
    );
  }

  /**
   * Puts back in stock exactly what the order's committed holds took (a full refund with restock).
   * Returns how many variants were restocked.
   */
  async restockCommitted(tx: EntityManager, orderId: string): Promise<number> {
    const rows = await tx.query<Array<{ variant_id: string }>>(
      `UPDATE inventory i SET quantity = i.quantity + r.quantity
         FROM (SELECT variant_id, sum(quantity)::int AS quantity FROM inventory_reservations
                WHERE order_id = $1 AND status = 'committed' GROUP BY variant_id) r
        WHERE i.variant_id = r.variant_id
    RETURNING i.variant_id`,
      [orderId],
    );
    return rows.length;
  }

  /**
   * Puts returned units back on the shelf (a received return, line by line), in the caller's
   * transaction; variants in id order like every other stock write. A variant without a stock row
   * (never stocked, or its row deleted) is skipped: there is no shelf to put it on. Returns how many
   * variants were restocked.
   */
  async restockLines(tx: EntityManager, lines: ReservationLine[]): Promise<number> {
    const wanted = new Map<string, number>();
    for (const line of lines) wanted.set(line.variantId, (wanted.get(line.variantId) ?? 0) + line.quantity);
    let restocked = 0;
    for (const variantId of [...wanted.keys()].sort()) {
      const [, count] = await tx.query<[unknown[], number]>(
        `UPDATE inventory SET quantity = quantity + $2 WHERE variant_id = $1`,
        [variantId, wanted.get(variantId)],
      );
      restocked += count;
    }
    return restocked;
  }

  /**
   * The lines the stock cannot cover now (read without locking: advisory, for refusing a checkout
   * early; `reserve` stays the authority), by variant id. A variant without a stock row has 0.
   */
  async shortfalls(lines: ReservationLine[]): Promise<Shortfall[]> {
    if (lines.length === 0) return [];
    // A prepared statement: every checkout runs it before its transaction.
    const statement = availableStockStatement(lines.map((l) => l.variantId));
    const rows = await queryPrepared<{ variant_id: string; available: number }>(
      this.dataSource,
      statement.name,
      statement.text,
      statement.values,
    );
    const available = new Map(rows.map((r) => [r.variant_id, r.available]));
    return lines
      .map((l) => ({
        variantId: l.variantId,
        requested: l.quantity,
        available: Math.max(available.get(l.variantId) ?? 0, 0),
      }))
      .filter((s) => s.requested > s.available)
      .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  }

  /** quantity − reserved per variant; variants without a stock row are absent from the map. */
  available(variantIds: string[]): Promise<Map<string, number>> {
    return this.availableWith(this.dataSource.manager, variantIds);
  }

  private async availableWith(manager: EntityManager, variantIds: string[]): Promise<Map<string, number>> {
    if (variantIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ variant_id: string; available: number }>>(
      `SELECT variant_id, quantity - reserved AS available FROM inventory WHERE variant_id = ANY($1::uuid[])`,
      [variantIds],
    );
    return new Map(rows.map((r) => [r.variant_id, r.available]));
  }
}

/** The shortfalls hold_inventory put in its error's DETAIL (a JSON array; see migration 0030). */
function shortfallsOf(error: unknown): Shortfall[] {
  const parsed: unknown = JSON.parse(pgErrorDetail(error) ?? '[]');
  if (!Array.isArray(parsed)) throw error;
  return parsed.map((s: { variantId: unknown; requested: unknown; available: unknown }) => ({
    variantId: String(s.variantId),
    requested: Number(s.requested),
    available: Number(s.available),
  }));
}
