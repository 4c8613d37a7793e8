import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { formatMoney, parseMoney } from '../../src/common/money';
import { InventoryService } from '../../src/inventory/inventory.service';
import { hashOrderToken } from '../../src/orders/order-token';
import { bearer, TestUser } from '../support/auth';

/** One line of a test order, in minor units. */
export interface TestLine {
  variantId: string;
  quantity: number;
  /** Minor units per unit (default 1000 = 10.00). */
  unitPrice?: number;
  taxAmount?: number;
  discountAmount?: number;
}

export interface TestOrder {
  id: string;
  orderNumber: string;
  /** Order item ids, in the order of `lines`. */
  itemIds: string[];
  total: number;
}

const money = (minor: number) => formatMoney(minor);

/**
 * A pending order as checkout leaves it (lines with their tax and discount shares, real stock holds),
 * straight in the database; `taxAdded` makes its total = subtotal − discount + shipping + tax (prices
 * without tax), else the tax is inside the prices.
 */
export async function insertOrder(
  app: INestApplication,
  input: {
    storeId: string;
    /** The buyer; null with `guestToken` for a guest's order. */
    userId: string | null;
    productId: string;
    lines: TestLine[];
    shipping?: number;
    taxAdded?: boolean;
    guestToken?: string;
  },
): Promise<TestOrder> {
  const dataSource = app.get(DataSource);
  const inventory = app.get(InventoryService);
  return dataSource.transaction(async (tx) => {
    const lines = input.lines.map((l) => ({
      ...l,
      unitPrice: l.unitPrice ?? 1000,
      taxAmount: l.taxAmount ?? 0,
      discountAmount: l.discountAmount ?? 0,
    }));
    const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const discount = lines.reduce((s, l) => s + l.discountAmount, 0);
    const tax = lines.reduce((s, l) => s + l.taxAmount, 0);
    const shipping = input.shipping ?? 0;
    const total = subtotal - discount + shipping + (input.taxAdded ? tax : 0);
    const [order] = await tx.query<Array<{ id: string; order_number: string }>>(
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, discount_amount, tax_amount, shipping_amount, total,
                           guest_email, order_token_hash)
       VALUES ($1, $2, generate_order_number(), $3, $4, $5, $6, $7, $8, $9) RETURNING id, order_number`,
      [
        input.storeId,
        input.userId,
        money(subtotal),
        money(discount),
        money(tax),
        money(shipping),
        money(total),
        input.guestToken ? 'guest@test.example' : null,
        input.guestToken ? hashOrderToken(input.guestToken) : null,
      ],
    );
    const itemIds: string[] = [];
    for (const [i, line] of lines.entries()) {
      const [item] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity,
                                  unit_price, total_price, tax_amount, discount_amount, created_at)
         VALUES ($1, $2, $3, 'Product', 'Variant', $4, $5, $6, $7, $8, $9, now() + $10 * interval '1 ms') RETURNING id`,
        [
          order.id,
          input.productId,
          line.variantId,
          `SKU-${i}`,
          line.quantity,
          money(line.unitPrice),
          money(line.unitPrice * line.quantity),
          money(line.taxAmount),
          money(line.discountAmount),
          i,
        ],
      );
      itemIds.push(item.id);
    }
    await inventory.reserve(
      tx,
      order.id,
      lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    );
    return { id: order.id, orderNumber: order.order_number, itemIds, total };
  });
}

/** The manual provider's payment arrives (POST …/payments/confirm). */
export async function confirmPaid(app: INestApplication, admin: TestUser, orderId: string): Promise<void> {
  await request(app.getHttpServer())
    .post(`/api/admin/orders/${orderId}/payments/confirm`)
    .set(bearer(admin))
    .expect(200);
}

export async function orderState(
  sql: Client,
  id: string,
): Promise<{ status: string; payment_status: string }> {
  const { rows } = await sql.query<{ status: string; payment_status: string }>(
    `SELECT status, payment_status FROM orders WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** The outbox's events about one order, oldest first. */
export async function eventsOf(
  sql: Client,
  orderId: string,
): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  const { rows } = await sql.query<{ type: string; payload: Record<string, unknown> }>(
    `SELECT type, payload FROM outbox_events WHERE payload->>'orderId' = $1 ORDER BY occurred_at, id`,
    [orderId],
  );
  return rows;
}

/** What the order's payments have refunded (minor units) and what they took. */
export async function paymentTotals(
  sql: Client,
  orderId: string,
): Promise<{ paid: number; refunded: number }> {
  const { rows } = await sql.query<{ paid: string; refunded: string }>(
    `SELECT COALESCE(sum(amount), 0)::text AS paid, COALESCE(sum(refunded_amount), 0)::text AS refunded
       FROM payments WHERE order_id = $1 AND status IN ('succeeded', 'refunded')`,
    [orderId],
  );
  return { paid: parseMoney(rows[0].paid), refunded: parseMoney(rows[0].refunded) };
}

/** Ships every unit of the order in one fulfilment and, with `deliver`, marks it delivered. */
export async function shipAll(
  app: INestApplication,
  admin: TestUser,
  order: TestOrder,
  quantities: number[],
  deliver = true,
): Promise<string> {
  const http = () => request(app.getHttpServer());
  const res = await http()
    .post(`/api/admin/orders/${order.id}/fulfillments`)
    .set(bearer(admin))
    .send({ items: order.itemIds.map((orderItemId, i) => ({ orderItemId, quantity: quantities[i] })) })
    .expect(201);
  const id = (res.body as { id: string }).id;
  if (deliver) {
    await http()
      .patch(`/api/admin/orders/${order.id}/fulfillments/${id}`)
      .set(bearer(admin))
      .send({ status: 'delivered' })
      .expect(200);
  }
  return id;
}
