/**
 * Shipping for a cart: variant weights through the catalog admin, the quote route for guests and
 * customers (each rate type, at and around its boundaries), and ShippingService as checkout calls it.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../src/common/errors';
import { ShippableCart } from '../../src/shipping/shipping-rates';
import { CheckoutShippingInput, ShippingService } from '../../src/shipping/shipping.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

interface Option {
  id: string;
  name: string;
  amount: string;
}

describe('shipping options', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeId: string;
  let otherStoreId: string;
  let productId: string;
  /** 25.00 each, 500 g each. */
  let parcel: string;
  /** 24.99 each, 1 g each: with a parcel, one cent under 50.00; adds one gram. */
  let pebble: string;
  let method: { flat: string; free: string; weight: string; inactive: string; us: string; other: string };
  const slug = 'ship-quote';
  const http = () => request(app.getHttpServer());
  const admin$ = (path: string) => `/api/admin/stores/${storeId}${path}`;
  const optionsUrl = (country: string, s = slug) =>
    `/api/stores/${s}/cart/shipping-options?country=${country}`;

  /** A fresh guest cart with these lines; returns its session. */
  async function guestCart(lines: Array<[string, number]>): Promise<string> {
    let session: string | undefined;
    for (const [variantId, quantity] of lines) {
      const req = http().post(`/api/stores/${slug}/cart/items`);
      if (session) req.set('X-Cart-Session', session);
      const res = await req.send({ variantId, quantity }).expect(201);
      session = res.body.sessionId ?? session;
    }
    return session ?? '';
  }

  async function quote(session: string, country = 'DE'): Promise<Option[]> {
    const res = await http().get(optionsUrl(country)).set('X-Cart-Session', session).expect(200);
    return res.body as Option[];
  }

  const amountOf = (options: Option[], id: string) => options.find((o) => o.id === id)?.amount;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ($1, 'Quote'), ('ship-other', 'Other') RETURNING id`,
      [slug],
    );
    [storeId, otherStoreId] = stores.rows.map((r) => r.id);
    admin = await createTestUser(app, 'super_admin');
    customer = await createTestUser(app, 'customer');
    productId = (
      await http()
        .post(admin$('/products'))
        .set(bearer(admin))
        .send({ name: 'Box', basePrice: '25.00' })
        .expect(201)
    ).body.id;

    const post = async (path: string, body: object): Promise<string> =>
      (await http().post(admin$(path)).set(bearer(admin)).send(body).expect(201)).body.id as string;
    const eu = await post('/shipping-zones', { name: 'EU', countries: ['DE', 'FR'] });
    const us = await post('/shipping-zones', { name: 'US', countries: ['US'] });
    method = {
      flat: await post('/shipping-methods', { zoneId: eu, name: 'Flat', rateType: 'flat', amount: '7.00' }),
      free: await post('/shipping-methods', {
        zoneId: eu,
        name: 'Free over 50',
        rateType: 'free_over',
        amount: '6.00',
        freeOver: '50.00',
      }),
      weight: await post('/shipping-methods', {
        zoneId: eu,
        name: 'By weight',
        rateType: 'weight',
        amount: '0.50',
        weightTiers: [
          { upToGrams: 1000, amount: '4.00' },
          { upToGrams: 2000, amount: '8.00' },
        ],
      }),
      inactive: await post('/shipping-methods', {
        zoneId: eu,
        name: 'Courier (off)',
        rateType: 'flat',
        amount: '1.00',
        isActive: false,
      }),
      us: await post('/shipping-methods', { zoneId: us, name: 'USPS', rateType: 'flat', amount: '3.00' }),
      other: '',
    };
    const otherZone = (
      await http()
        .post(`/api/admin/stores/${otherStoreId}/shipping-zones`)
        .set(bearer(admin))
        .send({ name: 'EU', countries: ['DE'] })
        .expect(201)
    ).body.id;
    method.other = (
      await http()
        .post(`/api/admin/stores/${otherStoreId}/shipping-methods`)
        .set(bearer(admin))
        .send({ zoneId: otherZone, name: 'Theirs', rateType: 'flat', amount: '0.10' })
        .expect(201)
    ).body.id;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('variant weights (catalog admin)', () => {
    it('a variant takes weightGrams on create (default 0) and PATCH, and shows it', async () => {
      const created = await http()
        .post(admin$(`/products/${productId}/variants`))
        .set(bearer(admin))
        .send({ sku: 'PARCEL', weightGrams: 500, initialQuantity: 100 })
        .expect(201);
      expect(created.body.weightGrams).toBe(500);
      parcel = created.body.id;
      const light = await http()
        .post(admin$(`/products/${productId}/variants`))
        .set(bearer(admin))
        .send({ sku: 'PEBBLE', priceAdjustment: '-0.01', initialQuantity: 100 })
        .expect(201);
      expect(light.body.weightGrams).toBe(0);
      pebble = light.body.id;
      const patched = await http()
        .patch(admin$(`/products/${productId}/variants/${pebble}`))
        .set(bearer(admin))
        .send({ weightGrams: 1 })
        .expect(200);
      expect(patched.body.weightGrams).toBe(1);
      const listed = await http()
        .get(admin$(`/products/${productId}/variants`))
        .set(bearer(admin))
        .expect(200);
      const weights = (listed.body as { items: Array<{ weightGrams: number }> }).items.map(
        (v) => v.weightGrams,
      );
      expect(weights.sort()).toEqual([1, 500]);
    });

    it.each([[-1], [1.5], ['500'], [null], [10_000_001]])(
      'refuses weightGrams %j with 400',
      async (weightGrams) => {
        const res = await http()
          .patch(admin$(`/products/${productId}/variants/${pebble}`))
          .set(bearer(admin))
          .send({ weightGrams })
          .expect(400);
        expect(res.body.details[0].field).toBe('weightGrams');
      },
    );
  });

  describe('the quote route', () => {
    it('lists the active methods of the country’s zones, priced, cheapest first', async () => {
      // 1 parcel: 25.00, 500 g.
      const options = await quote(await guestCart([[parcel, 1]]));
      expect(options).toEqual([
        { id: method.weight, name: 'By weight', amount: '4.50' },
        { id: method.free, name: 'Free over 50', amount: '6.00' },
        { id: method.flat, name: 'Flat', amount: '7.00' },
      ]);
    });

    it('free_over: exactly freeOver ships free, one cent below does not', async () => {
      // 2 parcels = 50.00 exactly.
      expect(amountOf(await quote(await guestCart([[parcel, 2]])), method.free)).toBe('0.00');
      // 1 parcel + 1 pebble = 25.00 + 24.99 = 49.99.
      const below = await quote(
        await guestCart([
          [parcel, 1],
          [pebble, 1],
        ]),
      );
      expect(amountOf(below, method.free)).toBe('6.00');
    });

    it('weight: exactly at a tier bound is that tier, one gram over is the next, past the last is not offered', async () => {
      // 2 × 500 g = 1000 g: the first tier (4.00 + 0.50 fee).
      expect(amountOf(await quote(await guestCart([[parcel, 2]])), method.weight)).toBe('4.50');
      // 1001 g: the second tier.
      expect(
        amountOf(
          await quote(
            await guestCart([
              [parcel, 2],
              [pebble, 1],
            ]),
          ),
          method.weight,
        ),
      ).toBe('8.50');
      // 2000 g exactly: still the second tier.
      expect(amountOf(await quote(await guestCart([[parcel, 4]])), method.weight)).toBe('8.50');
      // 2001 g: heavier than the last tier, the method is left out (the others stay).
      const heavy = await quote(
        await guestCart([
          [parcel, 4],
          [pebble, 1],
        ]),
      );
      expect(heavy.map((o) => o.id)).toEqual([method.free, method.flat]);
      expect(amountOf(heavy, method.free)).toBe('0.00');
    });

    it('an empty cart weighs 0 g and costs nothing: free_over is not free, weight takes its first tier', async () => {
      const res = await http().get(optionsUrl('FR')).expect(200);
      expect(res.body).toEqual([
        { id: method.weight, name: 'By weight', amount: '4.50' },
        { id: method.free, name: 'Free over 50', amount: '6.00' },
        { id: method.flat, name: 'Flat', amount: '7.00' },
      ]);
    });

    it('a country no zone lists gets [], another zone’s country gets its own methods', async () => {
      const session = await guestCart([[parcel, 1]]);
      expect(await quote(session, 'JP')).toEqual([]);
      expect(await quote(session, 'US')).toEqual([{ id: method.us, name: 'USPS', amount: '3.00' }]);
    });

    it('finds a customer’s cart by token', async () => {
      await http()
        .post(`/api/stores/${slug}/cart/items`)
        .set(bearer(customer))
        .send({ variantId: parcel, quantity: 2 })
        .expect(201);
      const res = await http().get(optionsUrl('DE')).set(bearer(customer)).expect(200);
      expect(amountOf(res.body as Option[], method.free)).toBe('0.00');
    });

    it.each([['de'], ['XX'], ['DEU'], ['']])('country=%j is 400', async (country) => {
      const res = await http().get(optionsUrl(country)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('no country, a bad session, an unknown store, a bad token', async () => {
      expect((await http().get(`/api/stores/${slug}/cart/shipping-options`).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      const badSession = await http().get(optionsUrl('DE')).set('X-Cart-Session', 'short').expect(400);
      expect(badSession.body.code).toBe('INVALID_CART_SESSION');
      const unknown = await http().get(optionsUrl('DE', 'no-such-store')).expect(404);
      expect(unknown.body.code).toBe('STORE_NOT_FOUND');
      await http().get(optionsUrl('DE')).set('Authorization', 'Bearer nope').expect(401);
    });
  });

  describe('ShippingService (checkout’s calls)', () => {
    let shipping: ShippingService;
    let dataSource: DataSource;
    type PriceInput = Partial<CheckoutShippingInput & ShippableCart>;
    /** checkoutMethod read in a transaction, then priced for the cart, as checkout does. */
    const priceForCheckout = async (tx: EntityManager, input: CheckoutShippingInput & ShippableCart) => {
      const chosen = await shipping.checkoutMethod(tx, input);
      return chosen.price(input);
    };
    const price = (input: PriceInput) =>
      dataSource.transaction((tx) =>
        priceForCheckout(tx, {
          storeId,
          methodId: method.flat,
          country: 'DE',
          subtotalMinor: 1000,
          totalWeightGrams: 0,
          ...input,
        }),
      );
    const unavailable = async (input: PriceInput) => {
      const error: unknown = await price(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppException);
      const body = (error as AppException).getResponse() as { code: string };
      expect([(error as AppException).getStatus(), body.code]).toEqual([409, 'SHIPPING_UNAVAILABLE']);
    };

    beforeAll(() => {
      shipping = app.get(ShippingService);
      dataSource = app.get(DataSource);
    });

    it('storeHasActiveMethods: only active methods count', async () => {
      const has = (id: string) => dataSource.transaction((tx) => shipping.storeHasActiveMethods(tx, id));
      expect(await has(storeId)).toBe(true);
      const bare = await sql.query<{ id: string }>(
        `INSERT INTO stores (slug, name) VALUES ('ship-bare', 'Bare') RETURNING id`,
      );
      const zone = await sql.query<{ id: string }>(
        `INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'z', '{DE}') RETURNING id`,
        [bare.rows[0].id],
      );
      expect(await has(bare.rows[0].id)).toBe(false);
      await sql.query(
        `INSERT INTO shipping_methods (store_id, zone_id, name, rate_type, amount, is_active) VALUES ($1, $2, 'off', 'flat', 1, false)`,
        [bare.rows[0].id, zone.rows[0].id],
      );
      expect(await has(bare.rows[0].id)).toBe(false);
    });

    it('prices each rate type for the subtotal and weight given, the country in any case', async () => {
      expect(await price({})).toBe(700);
      expect(await price({ methodId: method.free, subtotalMinor: 5000 })).toBe(0);
      expect(await price({ methodId: method.free, subtotalMinor: 4999 })).toBe(600);
      expect(await price({ methodId: method.weight, totalWeightGrams: 1000 })).toBe(450);
      expect(await price({ methodId: method.weight, totalWeightGrams: 2000 })).toBe(850);
      expect(await price({ country: 'fr' })).toBe(700);
    });

    it('409 SHIPPING_UNAVAILABLE: unknown, another store’s, inactive, other country, too heavy, malformed id', async () => {
      await unavailable({ methodId: '00000000-0000-4000-8000-000000000000' });
      await unavailable({ methodId: method.other });
      await unavailable({ methodId: method.inactive });
      await unavailable({ country: 'US' });
      await unavailable({ country: 'JP' });
      await unavailable({ methodId: method.weight, totalWeightGrams: 2001 });
      await unavailable({ methodId: 'not-a-uuid' });
    });

    it('a failed price leaves the caller’s transaction usable', async () => {
      const after = await dataSource.transaction(async (tx) => {
        await priceForCheckout(tx, {
          storeId,
          methodId: 'not-a-uuid',
          country: 'DE',
          subtotalMinor: 0,
          totalWeightGrams: 0,
        }).catch(() => undefined);
        return shipping.storeHasActiveMethods(tx, storeId);
      });
      expect(after).toBe(true);
    });
  });
});
