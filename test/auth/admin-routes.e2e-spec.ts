/**
 * Every route under /api/admin, discovered at runtime from the Express router (so routes that other
 * modules add later are walked without touching this file): 401 without a token or with a bad one,
 * 403 with a customer's token. The guards must answer before any pipe, body or lookup does.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The floor of what the walker must find (admin routes that exist as this file is written: invitations,
 * customers, audit logs, discounts, orders). More is fine; fewer means the discovery broke.
 */
const MIN_ADMIN_ROUTES = 12;

/** Routes this issue owns: the walker must see them, so it demonstrably reads the real route table. */
const KNOWN_ADMIN_ROUTES = [
  'POST /api/admin/invitations',
  'GET /api/admin/customers',
  'GET /api/admin/customers/:id',
  'GET /api/admin/audit-logs',
];

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const WALKED_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

interface AdminRoute {
  method: HttpMethod;
  /** As registered, e.g. `/api/admin/customers/:id`. */
  pattern: string;
}

/** The parts of an Express 5 router layer that the walker reads. */
interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: RouterLayer[] };
}

/** Every (method, path) registered on the Express app, nested routers included. */
function registeredRoutes(app: INestApplication): AdminRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] } };
  const stack = express.router?.stack;
  if (!stack) throw new Error('Express router stack not found: did the HTTP adapter change?');
  const routes: AdminRoute[] = [];
  const visit = (layers: RouterLayer[]): void => {
    for (const layer of layers) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          if (typeof path !== 'string') throw new Error(`Route with a non-string path: ${String(path)}`);
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (!on) continue;
            // `all` (_all) routes answer every method: walk them as GET and POST.
            const methods = method === '_all' ? (['get', 'post'] as HttpMethod[]) : [method as HttpMethod];
            for (const m of methods) routes.push({ method: m, pattern: path });
          }
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack); // a mounted sub-router
      }
    }
  };
  visit(stack);
  return routes;
}

/** A concrete URL for a pattern: every parameter (`:id`, `*rest`) becomes a random UUID. */
function concretePath(pattern: string): string {
  return pattern
    .replace(/\{[^}]*\}/g, '') // optional segments: leave them out
    .replace(/[:*][A-Za-z0-9_$]+/g, () => randomUUID());
}

describe('every /api/admin route: 401 without a token, 403 for a customer', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let customer: TestUser;
  let admin: TestUser;
  let routes: AdminRoute[];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    customer = await createTestUser(app, 'customer');
    admin = await createTestUser(app, 'admin');
    const seen = new Set<string>();
    routes = registeredRoutes(app)
      .filter((r) => /^\/api\/admin(\/|$)/i.test(r.pattern))
      .filter((r) => WALKED_METHODS.includes(r.method))
      .filter((r) => {
        const key = `${r.method} ${r.pattern}`;
        return !seen.has(key) && seen.add(key) !== undefined;
      });
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  const send = (route: AdminRoute, path = concretePath(route.pattern)) =>
    // An empty JSON body: a route must not get as far as validating it.
    http()
      [route.method](path)
      .set('Content-Type', 'application/json')
      .send(route.method === 'get' ? undefined : '{}');

  const describeRoute = (r: AdminRoute) => `${r.method.toUpperCase()} ${r.pattern}`;

  it(`finds at least ${MIN_ADMIN_ROUTES} admin routes, including this issue's`, () => {
    const found = routes.map(describeRoute);
    expect(found.length).toBeGreaterThanOrEqual(MIN_ADMIN_ROUTES);
    expect(found).toEqual(expect.arrayContaining(KNOWN_ADMIN_ROUTES));
  });

  it('finds every admin operation the OpenAPI document lists (a second, independent discovery)', async () => {
    const doc = await http().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/admin'))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => (WALKED_METHODS as readonly string[]).includes(m))
          .map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
      );
    expect(documented.length).toBeGreaterThan(0);
    expect(routes.map(describeRoute)).toEqual(expect.arrayContaining(documented));
  });

  it('401 UNAUTHORIZED without a token, on every admin route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await send(route);
      if (res.status !== 401 || res.body.code !== 'UNAUTHORIZED') {
        wrong.push(`${describeRoute(route)} → ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('401 with a malformed or forged token, on every admin route', async () => {
    const wrong: string[] = [];
    const [header, payload] = admin.token.split('.');
    for (const route of routes) {
      for (const token of ['garbage', `${header}.${payload}.AAAA`]) {
        const res = await send(route).set('Authorization', `Bearer ${token}`);
        if (res.status !== 401) wrong.push(`${describeRoute(route)} (${token.slice(0, 8)}…) → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('403 FORBIDDEN with a customer token, on every admin route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await send(route).set(bearer(customer));
      if (res.status !== 403 || res.body.code !== 'FORBIDDEN') {
        wrong.push(`${describeRoute(route)} → ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('403 with a customer token also when the path is spelled differently (case, trailing slash)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const path = concretePath(route.pattern);
      // Express matches paths case-insensitively and ignores a trailing slash by default: the guard must too.
      for (const variant of [path.replace('/api/admin', '/API/Admin'), `${path}/`]) {
        const res = await send(route, variant).set(bearer(customer));
        // The router's own 404 ("Cannot GET …") would be fine too: that spelling reached no handler.
        const unrouted = res.status === 404 && String(res.body.message).startsWith('Cannot ');
        if (res.status !== 403 && !unrouted) {
          wrong.push(`${route.method.toUpperCase()} ${variant} → ${res.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
