import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LegacyDataSize, orderCount } from './legacy-data';

/**
 * Live reads and writes while the migrations run, each on its own connection, each request timed.
 *
 * Writers place orders (pending, one to three lines, stock reserved) and pay some of their own. They
 * write the way the code matching the schema they find would: by hand on the legacy `inventory.reserved`
 * while migration 0007's functions are missing or its bridge is still there (the bridge queues those
 * orders), through reserve_inventory/commit_inventory once 0007 is done. They look only after their
 * first write to orders, so the answer cannot change before they commit. The end state can then be
 * checked exactly: every pending order's lines are active holds, and reserved is their sum.
 */
export interface TrafficOptions {
  writers: number;
  readers: number;
  /** Pause between two requests of one connection. */
  thinkMs: number;
}

export interface RequestSample {
  kind: 'place' | 'pay' | 'read-order' | 'list-orders';
  startedAt: number;
  ms: number;
}

export interface PlacedOrder {
  id: string;
  lines: Array<{ variantKey: number; quantity: number }>;
  paid: boolean;
}

export interface TrafficResult {
  samples: RequestSample[];
  placed: PlacedOrder[];
  errors: string[];
}

const LEGACY_NUMBER_PERIOD = '209901';

/** Migration 0007's functions exist and its bridge is gone: write the new way. */
const MODE_SQL = `SELECT to_regprocedure('public.reserve_inventory(uuid, uuid, integer, timestamptz)') IS NOT NULL
                     AND to_regclass('public.inventory_reservations_backfill_queue') IS NULL AS new`;

export class Traffic {
  private running = true;
  private readonly samples: RequestSample[] = [];
  private readonly placed: PlacedOrder[] = [];
  private readonly errors: string[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly clients: Client[] = [];
  private numberSeq = 0;

  constructor(
    private readonly url: string,
    private readonly size: LegacyDataSize,
    private readonly options: TrafficOptions,
  ) {}

  async start(): Promise<void> {
    for (let w = 0; w < this.options.writers; w++)
      this.loops.push(this.loop(await this.connect(), (c) => this.write(c)));
    for (let r = 0; r < this.options.readers; r++)
      this.loops.push(this.loop(await this.connect(), (c) => this.read(c)));
  }

  async stop(): Promise<TrafficResult> {
    this.running = false;
    await Promise.all(this.loops);
    await Promise.all(this.clients.map((c) => c.end()));
    return { samples: this.samples, placed: this.placed, errors: this.errors };
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.url, application_name: 'upgrade-traffic' });
    client.on('error', (e) => this.errors.push(`connection: ${e.message}`));
    await client.connect();
    this.clients.push(client);
    return client;
  }

  private async loop(client: Client, request: (c: Client) => Promise<RequestSample['kind']>): Promise<void> {
    while (this.running) {
      const startedAt = Date.now();
      const t0 = performance.now();
      try {
        const kind = await request(client);
        this.samples.push({ kind, startedAt, ms: performance.now() - t0 });
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        this.errors.push((error as Error).message);
      }
      if (this.options.thinkMs > 0) await new Promise((r) => setTimeout(r, this.options.thinkMs));
    }
  }

  private random(n: number): number {
    return Math.floor(Math.random() * n);
  }

  private async write(client: Client): Promise<RequestSample['kind']> {
    const unpaid = this.placed.filter((o) => !o.paid);
    if (unpaid.length > 0 && Math.random() < 1 / 3) {
      await this.pay(client, unpaid[this.random(unpaid.length)]);
      return 'pay';
    }
    await this.place(client);
    return 'place';
  }

  private async place(client: Client): Promise<void> {
    const id = randomUUID();
    const count = 1 + this.random(3);
    const keys = new Set<number>();
    while (keys.size < count) keys.add(this.random(this.size.variants));
    const lines = [...keys].map((variantKey) => ({ variantKey, quantity: 1 + this.random(2) }));
    await client.query('BEGIN');
    const legacyNumber = LEGACY_NUMBER_PERIOD + String(++this.numberSeq).padStart(6, '0');
    const hasCounter = (
      await client.query<{ f: boolean }>(
        `SELECT to_regprocedure('public.generate_order_number()') IS NOT NULL AS f`,
      )
    ).rows[0].f;
    await client.query(
      `INSERT INTO orders (id, store_id, user_id, order_number, status, subtotal, total)
       VALUES ($1, md5('store-' || $2)::uuid, md5('profile-' || $3)::uuid, ${hasCounter ? 'generate_order_number()' : '$4'}, 'pending', 10, 10)`,
      hasCounter
        ? [id, this.random(this.size.stores), this.random(this.size.customers)]
        : [id, this.random(this.size.stores), this.random(this.size.customers), legacyNumber],
    );
    const newMode = (await client.query<{ new: boolean }>(MODE_SQL)).rows[0].new;
    for (const line of lines) {
      await client.query(
        `INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
         VALUES ($1, md5('product-' || ($2::int / 2))::uuid, md5('variant-' || $2)::uuid, 'Live', 'Live', 'SKU-' || $2, $3, 10, 10 * $3)`,
        [id, line.variantKey, line.quantity],
      );
      const reserve = newMode
        ? `SELECT reserve_inventory($1, md5('variant-' || $2)::uuid, $3) AS ok`
        : `UPDATE inventory SET reserved = reserved + $2 WHERE variant_id = md5('variant-' || $1)::uuid RETURNING true AS ok`;
      const params = newMode ? [id, line.variantKey, line.quantity] : [line.variantKey, line.quantity];
      const ok = (await client.query<{ ok: boolean }>(reserve, params)).rows[0]?.ok;
      if (!ok) throw new Error(`could not reserve variant ${line.variantKey}`);
    }
    await client.query('COMMIT');
    this.placed.push({ id, lines, paid: false });
  }

  private async pay(client: Client, order: PlacedOrder): Promise<void> {
    order.paid = true; // no other writer picks it meanwhile
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE orders SET status = 'paid', payment_status = 'paid' WHERE id = $1`, [
        order.id,
      ]);
      const newMode = (await client.query<{ new: boolean }>(MODE_SQL)).rows[0].new;
      if (newMode) {
        await client.query(`SELECT commit_inventory($1)`, [order.id]);
      } else {
        for (const line of order.lines) {
          await client.query(
            `UPDATE inventory SET quantity = quantity - $2, reserved = reserved - $2 WHERE variant_id = md5('variant-' || $1)::uuid`,
            [line.variantKey, line.quantity],
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      order.paid = false;
      throw error;
    }
  }

  private async read(client: Client): Promise<RequestSample['kind']> {
    if (Math.random() < 0.5) {
      const { rows } = await client.query(`SELECT * FROM orders WHERE id = md5('order-' || $1)::uuid`, [
        this.random(orderCount(this.size)),
      ]);
      if (rows.length !== 1) throw new Error('a legacy order is missing');
      return 'read-order';
    }
    await client.query(
      `SELECT id, order_number, status, total FROM orders WHERE store_id = md5('store-' || $1)::uuid
        ORDER BY created_at DESC LIMIT 20`,
      [this.random(this.size.stores)],
    );
    return 'list-orders';
  }
}
