/**
 * The typed client (clients/typescript) against the real API over HTTP: the `attr.<key>` query
 * parameters, the guest cart session it keeps and forgets after the merge, the bearer token, request ids,
 * and CommerceApiError's `code`. The browser test covers the same client inside a page.
 */
import { INestApplication } from '@nestjs/common';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  CartSessionStore,
  CommerceApiError,
  createCommerceClient,
  serializeQuery,
  unwrap,
} from '../../clients/typescript/src/index';
import { DEMO_PRODUCTS } from '../../src/demo/demo-catalog';
import { seedDemoStore } from '../../src/demo/demo-seed';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

const store = { path: { storeSlug: 'demo' } };

function memorySession(): CartSessionStore & { value: string | null } {
  return {
    value: null,
    get() {
      return this.value;
    },
    set(id) {
      this.value = id;
    },
    clear() {
      this.value = null;
    },
  };
}

describe('typed client', () => {
  let db: TestDatabase;
  let app: INestApplication | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    await seedDemoStore(app.get(DataSource));
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('sends the attr object as attr.<key>=<value> pairs', async () => {
    expect(serializeQuery({ q: 'tee', attr: { color: 'navy', size: 'M' }, page: 2, none: undefined })).toBe(
      'q=tee&attr.color=navy&attr.size=M&page=2',
    );
    const api = createCommerceClient({ baseUrl });
    const page = await unwrap(
      api.GET('/api/stores/{storeSlug}/products', {
        params: { ...store, query: { attr: { capacity: '500ml' } } },
      }),
    );
    const expected = DEMO_PRODUCTS.filter((p) => p.variants.some((v) => v.attributes.capacity === '500ml'));
    expect(expected.length).toBeGreaterThan(0);
    expect(page.items.map((p) => p.name).sort()).toEqual(expected.map((p) => p.name).sort());
  });

  it('keeps the guest cart session, merges it on register, then uses the token', async () => {
    const cartSession = memorySession();
    const tokens: { access?: string } = {};
    const api = createCommerceClient({ baseUrl, cartSession, getAccessToken: () => tokens.access });
    const product = await unwrap(
      api.GET('/api/stores/{storeSlug}/products/{productSlug}', {
        params: { path: { storeSlug: 'demo', productSlug: 'canvas-tote' } },
      }),
    );
    const variant = product.variants[0];

    await unwrap(
      api.POST('/api/stores/{storeSlug}/cart/items', {
        params: store,
        body: { variantId: variant.id, quantity: 1 },
      }),
    );
    const guestSession = cartSession.value;
    expect(guestSession).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    // Sent back: the second add lands in the same cart.
    const guestCart = await unwrap(
      api.POST('/api/stores/{storeSlug}/cart/items', {
        params: store,
        body: { variantId: variant.id, quantity: 2 },
      }),
    );
    expect(guestCart.sessionId).toBe(guestSession);
    expect(guestCart.items.map((i) => i.quantity)).toEqual([3]);

    const session = await unwrap(
      api.POST('/api/auth/register', {
        body: { email: `client-${Date.now()}@example.com`, password: 'correct horse battery' },
      }),
    );
    expect(cartSession.value).toBeNull();
    tokens.access = session.accessToken;
    const customerCart = await unwrap(api.GET('/api/stores/{storeSlug}/cart', { params: store }));
    expect(customerCart.sessionId).toBeUndefined();
    expect(customerCart.items.map((i) => [i.variantId, i.quantity])).toEqual([[variant.id, 3]]);
  });

  it('turns an error answer into CommerceApiError with the code and the request id', async () => {
    const api = createCommerceClient({ baseUrl, requestId: () => 'client-test-request-0001' });
    const failure = await unwrap(
      api.GET('/api/stores/{storeSlug}/products/{productSlug}', {
        params: { path: { storeSlug: 'demo', productSlug: 'no-such-product' } },
      }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommerceApiError);
    expect(failure).toMatchObject({ status: 404, code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) });
    expect(failure).toMatchObject({ requestId: 'client-test-request-0001' });
  });
});
