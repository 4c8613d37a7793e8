import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addMembership, bearer, createTestUser, TestUser } from '../support/auth';
import { placePendingOrder } from '../support/orders';

/** One of everything a store's admin routes act on, made by a super admin. Keys are fixture kinds. */
export type StoreWorld = Record<string, string>;

const tag = (): string => randomBytes(4).toString('hex');

/** The fixture kind a path parameter names: `:storeId`, or the collection segment before it. */
export const KIND_OF_SEGMENT: Record<string, string> = {
  categories: 'category',
  tags: 'tag',
  products: 'product',
  variants: 'variant',
  images: 'image',
  discounts: 'discount',
  webhooks: 'webhook',
  orders: 'order',
  customers: 'customer',
  inventory: 'variant',
  staff: 'staff',
  'tax-rates': 'taxRate',
  'shipping-zones': 'shippingZone',
  'shipping-methods': 'shippingMethod',
  fulfillments: 'fulfillment',
  returns: 'return',
};

/** Builds the fixtures of one store over the API (as `superAdmin`), and fresh ones for DELETE cells. */
export class StoreWorlds {
  constructor(
    private readonly app: INestApplication,
    private readonly superAdmin: TestUser,
  ) {}

  private http = () => request(this.app.getHttpServer());

  private async post(path: string, body: object): Promise<string> {
    const res = await this.http().post(`/api/admin${path}`).set(bearer(this.superAdmin)).send(body);
    if (res.status !== 201)
      throw new Error(`fixture POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  }

  async store(name: string): Promise<string> {
    return this.post('/stores', { name: `${name} ${tag()}` });
  }

  /** A new resource of `kind` in the store of `world` (its parents taken from the world). */
  async fresh(kind: string, world: StoreWorld): Promise<string> {
    const s = `/stores/${world.storeId}`;
    switch (kind) {
      case 'category':
        return this.post(`${s}/categories`, { name: `Cat ${tag()}` });
      case 'tag':
        return this.post(`${s}/tags`, { name: `Tag ${tag()}` });
      case 'product':
        return this.post(`${s}/products`, { name: `Product ${tag()}`, basePrice: '10.00' });
      case 'variant':
        return this.post(`${s}/products/${world.product}/variants`, {
          sku: `SKU-${tag()}`,
          initialQuantity: 50,
        });
      case 'image':
        return this.post(`${s}/products/${world.product}/images`, {
          url: `https://cdn.example.com/${tag()}.jpg`,
        });
      case 'discount':
        return this.post(`${s}/discounts`, { code: `C${tag()}`, type: 'percentage', value: 10 });
      case 'webhook':
        return this.post(`${s}/webhooks`, { url: `http://127.0.0.1:9/${tag()}`, events: ['order.paid'] });
      case 'taxRate':
        return this.post(`${s}/tax-rates`, {
          country: 'DE',
          region: tag(),
          taxClass: 'standard',
          rate: '19.00',
        });
      case 'shippingZone':
        return this.post(`${s}/shipping-zones`, { name: `Zone ${tag()}`, countries: ['DE'] });
      case 'shippingMethod':
        return this.post(`${s}/shipping-methods`, {
          zoneId: world.shippingZone,
          name: `Method ${tag()}`,
          rateType: 'flat',
          amount: '4.90',
          isActive: true,
        });
      case 'staff': {
        const member = await createTestUser(this.app, 'admin', undefined, { stores: 'none' });
        await addMembership(this.app, member, world.storeId, 'staff');
        return member.id;
      }
      case 'order': {
        const order = await placePendingOrder(this.app, {
          storeId: world.storeId,
          userId: world.customer,
          productId: world.product,
          lines: [{ variantId: world.variant, quantity: 1 }],
        });
        return order.id;
      }
      case 'fulfillment':
      case 'return':
        return (await this.shippedOrder(world))[kind];
      default:
        throw new Error(`no fixture for kind "${kind}"`);
    }
  }

  /**
   * An order that is paid (set in SQL: these tests are about who may call, not about paying), shipped
   * through POST …/fulfillments and with a return requested by its buyer.
   */
  private async shippedOrder(world: StoreWorld): Promise<{ fulfillment: string; return: string }> {
    const sql = this.app.get(DataSource);
    const orderId = await this.fresh('order', world);
    await sql.query(`UPDATE orders SET status = 'paid', payment_status = 'paid' WHERE id = $1`, [orderId]);
    const [item] = await sql.query<Array<{ id: string }>>(`SELECT id FROM order_items WHERE order_id = $1`, [
      orderId,
    ]);
    const items = [{ orderItemId: item.id, quantity: 1 }];
    const fulfillment = await this.post(`/orders/${orderId}/fulfillments`, { items });
    const buyer = this.buyers.get(world.customer);
    if (!buyer) throw new Error('the world has no buyer');
    const res = await this.http()
      .post(`/api/orders/${orderId}/returns`)
      .set(bearer(buyer))
      .send({ items, reason: 'Does not fit' });
    if (res.status !== 201) throw new Error(`fixture return → ${res.status} ${JSON.stringify(res.body)}`);
    return { fulfillment, return: (res.body as { id: string }).id };
  }

  private readonly buyers = new Map<string, TestUser>();

  /** Everything at once. */
  async world(name: string): Promise<StoreWorld> {
    const world: StoreWorld = { storeId: await this.store(name) };
    const customer = await createTestUser(this.app, 'customer');
    world.customer = customer.id;
    this.buyers.set(customer.id, customer);
    await this.app
      .get(DataSource)
      .query(`INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)`, [
        world.storeId,
        customer.id,
      ]);
    for (const kind of [
      'category',
      'tag',
      'product',
      'variant',
      'image',
      'discount',
      'webhook',
      'staff',
      'order',
    ]) {
      world[kind] = await this.fresh(kind, world);
    }
    Object.assign(world, await this.shippedOrder(world));
    for (const kind of ['taxRate', 'shippingZone', 'shippingMethod']) {
      world[kind] = await this.fresh(kind, world);
    }
    return world;
  }
}
