import { Client } from 'pg';

/** One cart line: a variant and how many. */
export interface CartLine {
  variantId: string;
  quantity: number;
}

/** A shipping address for the user, straight in the database; returns its id. */
export async function insertAddress(sql: Client, userId: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO addresses (user_id, full_name, phone, address_line1, city, state, postal_code, country)
     VALUES ($1, 'Ada Buyer', '555-0100', '1 Main St', 'Springfield', 'IL', '62701', 'US') RETURNING id`,
    [userId],
  );
  return rows[0].id;
}

/** Puts `lines` in the user's cart in the store (creating the cart if needed), as the cart routes would. */
export async function fillCart(
  sql: Client,
  storeId: string,
  userId: string,
  lines: CartLine[],
): Promise<string> {
  await sql.query(`INSERT INTO carts (store_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    storeId,
    userId,
  ]);
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM carts WHERE store_id = $1 AND user_id = $2`,
    [storeId, userId],
  );
  for (const line of lines) {
    await sql.query(`INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, $3)`, [
      rows[0].id,
      line.variantId,
      line.quantity,
    ]);
  }
  return rows[0].id;
}
