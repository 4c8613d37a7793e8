/**
 * The authorisation matrix per store: every admin route (Nest's own route table, checked against what
 * Express serves) × super admin and the owner, manager and staff of store A × store A's and store B's
 * resources. Store B's resources do not exist for A's staff (404); a role without the route's
 * permission is 403 FORBIDDEN; everyone else gets past authorisation (not 401/403/404). A route
 * without @Allow is denied to everyone, super admins included.
 */
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import request from 'supertest';
import { Permission } from '../../src/auth/permissions';
import { roleAllows } from '../../src/auth/role-permissions';
import { closeTestApp, createTestApp } from '../support/app';
import { addMembership, bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { AdminRoute, adminRoutes, expressAdminRoutes } from './admin-route-table';
import { KIND_OF_SEGMENT, StoreWorld, StoreWorlds } from './store-world';

/** An admin route someone forgot to declare: the guards must deny it to everyone. */
@Controller('admin/undeclared-test-route')
class UndeclaredAdminTestController {
  @Get()
  open(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [UndeclaredAdminTestController] })
class UndeclaredAdminTestModule {}

const ACTORS = ['superAdmin', 'owner', 'manager', 'staff'] as const;
type Actor = (typeof ACTORS)[number];
const STORES = ['A', 'B'] as const;
type StoreName = (typeof STORES)[number];

/** "Gets past authorisation": whatever the route then answers, not an auth refusal. */
const ALLOWED = 'allowed';
type Expected = typeof ALLOWED | 401 | 403 | 404;

function expectedFor(route: AdminRoute, actor: Actor, store: StoreName): Expected {
  const permissions = route.permissions ?? [];
  if (permissions.length === 0) return 403;
  if (permissions.includes(Permission.Platform)) return actor === 'superAdmin' ? ALLOWED : 403;
  if (actor === 'superAdmin') return ALLOWED;
  if (!route.pattern.includes(':')) return ALLOWED; // GET /admin/stores: scoped by the handler
  if (store === 'B') return 404;
  // GET /admin/customers/:id: a profile outside the stores where the role may read it does not exist.
  if (route.scopedByHandler) return permissions.some((p) => roleAllows(actor, p)) ? ALLOWED : 404;
  return permissions.some((p) => roleAllows(actor, p)) ? ALLOWED : 403;
}

/** The kind of resource each path parameter names. */
function paramKinds(pattern: string): Array<{ param: string; kind: string }> {
  const segments = pattern.split('/');
  return segments.flatMap((segment, i) => {
    if (!segment.startsWith(':')) return [];
    const param = segment.slice(1);
    if (param === 'storeId') return [{ param, kind: 'storeId' }];
    const kind = KIND_OF_SEGMENT[segments[i - 1]];
    return [{ param, kind: kind ?? `?${segments[i - 1]}` }];
  });
}

describe('store staff: roles × stores × every admin route', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let routes: AdminRoute[];
  let actors: Record<Actor, TestUser>;
  let worlds: Record<StoreName, StoreWorld>;
  let fixtures: StoreWorlds;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(
      db.url,
      { WEBHOOK_ALLOW_PRIVATE: 'true' },
      { imports: [UndeclaredAdminTestModule] },
    );
    routes = adminRoutes(app);
    const superAdmin = await createTestUser(app, 'super_admin');
    fixtures = new StoreWorlds(app, superAdmin);
    worlds = { A: await fixtures.world('Store A'), B: await fixtures.world('Store B') };
    actors = { superAdmin } as Record<Actor, TestUser>;
    for (const role of ['owner', 'manager', 'staff'] as const) {
      actors[role] = await createTestUser(app, 'admin', undefined, { stores: 'none' });
      await addMembership(app, actors[role], worlds.A.storeId, role);
    }
  }, 120_000);

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('walks every admin route Express serves, and each names resources the matrix can build', () => {
    const table = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.pattern}`));
    expect(expressAdminRoutes(app).filter((r) => !table.has(r))).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
    const unknown = routes.flatMap((r) =>
      paramKinds(r.pattern)
        .filter((p) => p.kind !== 'storeId' && worlds.A[p.kind] === undefined)
        .map((p) => `${r.method.toUpperCase()} ${r.pattern} (:${p.param} → ${p.kind})`),
    );
    expect(unknown).toEqual([]);
  });

  it('every admin route declares exactly one permission (except the test-only undeclared one)', () => {
    const undeclared = routes.filter((r) => (r.permissions ?? []).length !== 1).map((r) => r.pattern);
    expect(undeclared).toEqual(['/api/admin/undeclared-test-route']);
  });

  it('routes keyed by a resource id name where their store comes from', () => {
    const keyedWithoutStore = routes.filter(
      (r) =>
        r.pattern.includes(':') &&
        !r.pattern.includes(':storeId') &&
        !r.storeFrom &&
        !r.scopedByHandler &&
        !(r.permissions ?? []).includes(Permission.Platform),
    );
    expect(keyedWithoutStore.map((r) => `${r.method.toUpperCase()} ${r.pattern}`)).toEqual([]);
  });

  const concretePath = async (route: AdminRoute, world: StoreWorld): Promise<string> => {
    let path = route.pattern;
    for (const { param, kind } of paramKinds(route.pattern)) {
      // A DELETE gets its own resource, so one cell's delete never turns the next cell into a 404.
      const id =
        kind === 'storeId'
          ? world.storeId
          : route.method === 'delete' && path.endsWith(`:${param}`)
            ? await fixtures.fresh(kind, world)
            : world[kind];
      if (id === undefined) throw new Error(`no ${kind} fixture for ${route.pattern}`);
      path = path.replace(`:${param}`, id);
    }
    return path;
  };

  it('every cell: store B → 404, missing permission → 403 FORBIDDEN, otherwise past the guards', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const route of routes) {
      for (const actor of ACTORS) {
        for (const store of STORES) {
          const expected = expectedFor(route, actor, store);
          const path = await concretePath(route, worlds[store]);
          const req = http()[route.method](path).set(bearer(actors[actor]));
          const res = route.method === 'get' || route.method === 'delete' ? await req : await req.send({});
          cells++;
          const status = res.status;
          const code = (res.body as { code?: string }).code;
          const ok =
            expected === ALLOWED
              ? ![401, 403, 404].includes(status)
              : status === expected && (expected !== 403 || code === 'FORBIDDEN');
          if (!ok) {
            failures.push(
              `${route.method.toUpperCase()} ${route.pattern} as ${actor} on store ${store}: expected ${expected}, got ${status} ${JSON.stringify(res.body).slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(routes.length * ACTORS.length * STORES.length);
  }, 600_000);

  // The map itself, against API.md's words (so a wrong entry in ROLE_PERMISSIONS is caught here too).
  it.each<readonly [Actor, 'get' | 'post' | 'patch', string, object | undefined, number]>([
    ['staff', 'patch', '/api/admin/inventory/{variant}', { adjust: 1 }, 200],
    ['staff', 'get', '/api/admin/stores/{storeId}/orders', undefined, 200],
    ['staff', 'get', '/api/admin/stores/{storeId}/products', undefined, 200],
    ['staff', 'post', '/api/admin/stores/{storeId}/products', { name: 'X', basePrice: 1 }, 403],
    ['staff', 'post', '/api/admin/orders/{order}/refund', {}, 403],
    ['staff', 'get', '/api/admin/stores/{storeId}/discounts', undefined, 403],
    ['staff', 'get', '/api/admin/stores/{storeId}/customers', undefined, 403],
    ['manager', 'get', '/api/admin/stores/{storeId}/customers', undefined, 200],
    ['manager', 'get', '/api/admin/stores/{storeId}/discounts', undefined, 200],
    ['manager', 'get', '/api/admin/stores/{storeId}/staff', undefined, 403],
    ['manager', 'get', '/api/admin/stores/{storeId}/webhooks', undefined, 403],
    ['owner', 'get', '/api/admin/stores/{storeId}/staff', undefined, 200],
    ['owner', 'get', '/api/admin/stores/{storeId}/webhooks', undefined, 200],
    ['owner', 'post', '/api/admin/stores', { name: 'Mine' }, 403],
    ['owner', 'get', '/api/admin/customers', undefined, 200],
    ['owner', 'get', '/api/admin/customers/{customer}', undefined, 200],
    ['manager', 'get', '/api/admin/customers/{customer}', undefined, 200],
    ['staff', 'get', '/api/admin/customers/{customer}', undefined, 404],
    ['owner', 'get', '/api/admin/audit-logs', undefined, 200],
  ])('%s: %s %s %j → %i', async (actor, method, path, body, status) => {
    const concrete = path.replace(/\{(\w+)\}/g, (_m, key: string) => worlds.A[key]);
    const req = http()[method](concrete).set(bearer(actors[actor]));
    const res = body === undefined ? await req : await req.send(body);
    expect(res.status).toBe(status);
  });

  it('GET /admin/stores lists only the stores the admin is a member of', async () => {
    const mine = await http().get('/api/admin/stores').set(bearer(actors.staff)).expect(200);
    expect((mine.body.items as Array<{ id: string }>).map((s) => s.id)).toEqual([worlds.A.storeId]);
    const all = await http().get('/api/admin/stores?limit=100').set(bearer(actors.superAdmin)).expect(200);
    expect((all.body.items as Array<{ id: string }>).map((s) => s.id)).toEqual(
      expect.arrayContaining([worlds.A.storeId, worlds.B.storeId]),
    );
  });

  it('a malformed id is 400 INVALID_ID for a member too, never a 500', async () => {
    const res = await http().get('/api/admin/inventory/not-a-uuid').set(bearer(actors.staff)).expect(400);
    expect(res.body.code).toBe('INVALID_ID');
    await http().get('/api/admin/stores/not-a-uuid/products').set(bearer(actors.owner)).expect(400);
  });
});
