/**
 * The direct reads (src/common/http/direct-reads): the storefront's @DirectRead() routes answered
 * ahead of Express give what the full pipeline gives (body, status, headers, errors, CORS, metrics),
 * only GETs without a body or a token take that path, and a route the path could not answer exactly
 * as Nest would stops the app from starting.
 */
import { Controller, Get, INestApplication, Injectable, Param, Query, UseGuards } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import { AuthModule } from '../../src/auth/auth.module';
import { Public } from '../../src/common/decorators/public.decorator';
import { DirectRead } from '../../src/common/http/direct-reads/direct-read.decorator';
import { directReadsOf } from '../../src/common/http/direct-reads/direct-read-server';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertProduct, insertStore } from '../catalog/storefront-fixtures';

const SHOP = 'https://shop.example.com';

/** Every response header but the ones that differ per request. */
function stableHeaders(res: request.Response): Record<string, string> {
  const { date: _date, 'x-request-id': _id, ...rest } = res.headers as Record<string, string>;
  return rest;
}

describe('direct reads', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());
  const answered = () => directReadsOf(app)?.answered ?? 0;

  /** The request's answer and whether the direct path gave it. */
  async function send(test: request.Test): Promise<{ res: request.Response; direct: boolean }> {
    const before = answered();
    const res = await test;
    return { res, direct: answered() === before + 1 };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const storeId = await insertStore(sql, 'direct');
    await insertProduct(sql, storeId, {
      slug: 'mug',
      name: 'Mug',
      basePrice: '12.50',
      ageDays: 1,
      variants: [{ sku: 'MUG-1', attributes: { color: 'red' }, quantity: 3 }],
    });
    app = await createTestApp(db.url, { CORS_ORIGINS: SHOP });
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  it('answers the listing, the detail and the categories as the full pipeline does', async () => {
    for (const path of [
      '/api/stores/direct/products',
      '/api/stores/direct/products?category=none&attr.color=red',
      '/api/stores/direct/products/mug',
      '/api/stores/direct/categories',
    ]) {
      const direct = await send(http().get(path));
      expect(direct.direct).toBe(true);
      expect(direct.res.status).toBe(200);
      expect(direct.res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      // The same route with a trailing slash: Express matches it, the direct path leaves it to Express.
      const [pathname, query] = path.split('?');
      const full = await send(http().get(`${pathname}/${query ? `?${query}` : ''}`));
      expect(full.direct).toBe(false);
      expect(full.res.status).toBe(200);
      expect(direct.res.body).toEqual(full.res.body);
      expect(stableHeaders(direct.res)).toEqual(stableHeaders(full.res));
    }
    const listing = await http().get('/api/stores/direct/products').expect(200);
    expect((listing.body as { items: Array<{ slug: string }> }).items.map((item) => item.slug)).toEqual([
      'mug',
    ]);
  });

  it('gives errors the contract’s bodies: unknown store, bad parameter, bad cursor', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/stores/nowhere/products', 404, 'STORE_NOT_FOUND'],
      ['/api/stores/direct/products/nothing', 404, 'PRODUCT_NOT_FOUND'],
      ['/api/stores/direct/products?pageSize=abc', 400, 'VALIDATION_FAILED'],
      ['/api/stores/direct/products?cursor=not-one', 400, 'INVALID_CURSOR'],
      ['/api/stores/direct/products?unknown=1', 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, status, code] of cases) {
      const direct = await send(http().get(path));
      expect(direct.direct).toBe(true);
      expect(direct.res.status).toBe(status);
      expect((direct.res.body as { code: string }).code).toBe(code);
      const [pathname, query] = path.split('?');
      const full = await send(http().get(`${pathname}/${query ? `?${query}` : ''}`));
      expect(full.direct).toBe(false);
      expect(direct.res.body).toEqual(full.res.body);
      expect(stableHeaders(direct.res)).toEqual(stableHeaders(full.res));
    }
  });

  it('leaves to Express what it cannot answer exactly: a token, HEAD, a body, other methods, other paths', async () => {
    const bad = await send(http().get('/api/stores/direct/products').set('Authorization', 'Bearer nope'));
    expect(bad.direct).toBe(false);
    expect(bad.res.status).toBe(401);
    expect((bad.res.body as { code: string }).code).toBe('UNAUTHORIZED');
    expect((await send(http().head('/api/stores/direct/products'))).direct).toBe(false);
    const withBody = await send(
      http().get('/api/stores/direct/products').set('Content-Type', 'application/json').send('{"a":1}'),
    );
    expect(withBody.direct).toBe(false);
    expect(withBody.res.status).toBe(200);
    expect((await send(http().post('/api/stores/direct/products'))).direct).toBe(false);
    expect((await send(http().get('/api/stores/direct/products/%E0%A4%A'))).direct).toBe(false);
  });

  it('runs the middlewares every request gets: CORS headers, and the metrics by route pattern', async () => {
    const series =
      'http_requests_total{method="GET",route="/api/stores/:storeSlug/products/:productSlug",status="200"} ';
    const count = async (): Promise<number> => {
      const metrics = await http().get('/api/metrics').expect(200);
      const line = metrics.text.split('\n').find((l) => l.startsWith(series));
      return line === undefined ? 0 : Number(line.slice(series.length));
    };
    const before = await count();
    const direct = await send(http().get('/api/stores/direct/products/mug').set('Origin', SHOP));
    expect(direct.direct).toBe(true);
    expect(direct.res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(direct.res.headers.vary).toMatch(/origin/i);
    // Counted under the route's pattern, as Express's requests are (the 'finish' may come just after the reply).
    let after = await count();
    for (let i = 0; i < 50 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      after = await count();
    }
    expect(after).toBe(before + 1);
  });

  it('the global guards are the ones whose anonymous pass letsAnonymousThrough describes', () => {
    const guards = (
      Reflect.getMetadata('providers', AuthModule) as Array<{
        provide?: unknown;
        useClass?: { name: string };
      }>
    )
      .filter((provider) => provider.provide === APP_GUARD)
      .map((provider) => provider.useClass?.name);
    // A new global guard: say in src/auth/guards/anonymous-access.ts whether it lets anonymous callers
    // through, then add it here.
    expect(guards).toEqual(['JwtAuthGuard', 'RolesGuard', 'StoreAccessGuard']);
  });

  describe('start-up checks', () => {
    @Injectable()
    class NeverGuard {
      canActivate(): boolean {
        return false;
      }
    }

    @Public()
    @Controller('direct-guarded')
    class GuardedController {
      @DirectRead()
      @UseGuards(NeverGuard)
      @Get()
      read(): string {
        return 'secret';
      }
    }

    @Controller('direct-private')
    class PrivateController {
      @DirectRead()
      @Get(':id')
      read(@Param('id') id: string): string {
        return id;
      }
    }

    @Public()
    @Controller('direct-odd')
    class OddParameterController {
      @DirectRead()
      @Get()
      read(@Query('q') q: string): string {
        return q;
      }
    }

    it.each([
      [GuardedController, /GuardedController\.read: it declares @UseGuards/],
      [
        PrivateController,
        /PrivateController\.read: a global guard would not let an anonymous caller through/,
      ],
      [
        OddParameterController,
        /OddParameterController\.read: parameter 0 is neither @Param\(name\) nor @Query\(\)/,
      ],
    ])('%p refuses to start', async (controller, message) => {
      await expect(
        createTestApp(
          db.url,
          {},
          { imports: [{ module: class DirectTestModule {}, controllers: [controller] }] },
        ),
      ).rejects.toThrow(message);
    });
  });
});
