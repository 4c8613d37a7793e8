import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  SCOPED_BY_HANDLER_KEY,
  StoreSource,
  STORE_FROM_KEY,
} from '../../src/auth/decorators/store-from.decorator';
import { Permission, PERMISSIONS_KEY } from '../../src/auth/permissions';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface AdminRoute {
  method: HttpMethod;
  /** As Express registers it, e.g. `/api/admin/orders/:id`. */
  pattern: string;
  /** What `@Allow` declares; undefined when nothing does. */
  permissions: Permission[] | undefined;
  storeFrom: StoreSource | undefined;
  /** `@ScopedByHandler()`: keyed by a resource of several stores; the handler scopes (404 outside). */
  scopedByHandler: boolean;
}

const asArray = (value: unknown): string[] =>
  value === undefined ? [''] : Array.isArray(value) ? (value as string[]) : [value as string];

/** Every route under /api/admin, from Nest's controllers, with the declarations the guards read. */
export function adminRoutes(app: INestApplication): AdminRoute[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: AdminRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const metatype = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!metatype) continue;
    const prototype = metatype.prototype as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const paths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const method = RequestMethod[requestMethod].toLowerCase() as HttpMethod;
      for (const base of asArray(Reflect.getMetadata(PATH_METADATA, metatype))) {
        for (const path of asArray(paths)) {
          const pattern = `/api/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '');
          if (!/^\/api\/admin(\/|$)/.test(pattern)) continue;
          routes.push({
            method,
            pattern,
            permissions: reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, [
              handler,
              metatype,
            ]),
            storeFrom: reflector.getAllAndOverride<StoreSource | undefined>(STORE_FROM_KEY, [
              handler,
              metatype,
            ]),
            scopedByHandler:
              reflector.getAllAndOverride<boolean | undefined>(SCOPED_BY_HANDLER_KEY, [handler, metatype]) ===
              true,
          });
        }
      }
    }
  }
  return routes;
}

/** The parts of an Express 5 router layer read here. */
interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: RouterLayer[] };
}

/** `METHOD pattern` of every /api/admin route Express serves (to check the table above misses none). */
export function expressAdminRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] } };
  const found: string[] = [];
  const visit = (layers: RouterLayer[]): void => {
    for (const layer of layers) {
      if (
        layer.route &&
        typeof layer.route.path === 'string' &&
        /^\/api\/admin(\/|$)/.test(layer.route.path)
      ) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on) found.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit(express.router?.stack ?? []);
  return found;
}
