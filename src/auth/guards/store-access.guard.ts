import { CanActivate, ExecutionContext, HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AppException } from '../../common/errors';
import { isUuid } from '../../common/validation';
import { StoreMembershipsLookup } from '../../staff/store-memberships.lookup';
import { AuthUser } from '../auth.types';
import {
  SCOPED_BY_HANDLER_KEY,
  STORE_FROM_KEY,
  STORE_RESOLVER_KEY,
  StoreResolver,
  StoreResolverMetadata,
  StoreSource,
} from '../decorators/store-from.decorator';
import { Permission, PERMISSIONS_KEY } from '../permissions';
import { roleAllows } from '../role-permissions';
import { isAdminPath } from './roles.guard';

interface RegisteredResolver extends StoreResolverMetadata {
  resolver: StoreResolver;
}

type AuthedRequest = Request & { user?: AuthUser };

/**
 * Global guard, after RolesGuard: the store half of `@Allow(Permission.X)`. Loads an admin's memberships
 * onto `request.user.memberships` (every request, so row-level security and services can scope by them),
 * then on /api/admin routes finds the route's store — `:storeId` in the path, or the store of the
 * resource a `@StoreFrom(kind, param)` route names — and decides: super_admin passes; not a member of
 * that store → 404 (its resources do not exist for this admin); a member whose role lacks the
 * permission → 403 FORBIDDEN. A route with path parameters but neither is denied (403: nobody said
 * whose resource it is); one without any (GET /admin/stores) is open to every admin, and its handler
 * scopes what it returns by the memberships.
 */
@Injectable()
export class StoreAccessGuard implements CanActivate, OnModuleInit {
  private readonly resolvers = new Map<string, RegisteredResolver>();

  constructor(
    private readonly reflector: Reflector,
    private readonly discovery: DiscoveryService,
    private readonly memberships: StoreMembershipsLookup,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!wrapper.metatype || !instance) continue;
      const meta = this.reflector.get<StoreResolverMetadata | undefined>(
        STORE_RESOLVER_KEY,
        wrapper.metatype,
      );
      if (!meta) continue;
      if (this.resolvers.has(meta.kind)) throw new Error(`Two store resolvers for "${meta.kind}"`);
      this.resolvers.set(meta.kind, { ...meta, resolver: instance as StoreResolver });
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const user = request.user;
    if (!user) return true; // public route without a token; RolesGuard already refused admin ones
    if (user.role === 'super_admin') user.memberships = [];
    if (user.role === 'admin') user.memberships = await this.memberships.of(user.id);
    if (!isAdminPath(request) || user.role === 'super_admin') return true;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(SCOPED_BY_HANDLER_KEY, targets)) return true;
    const permissions =
      this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets) ?? [];
    const store = await this.storeOfRoute(
      request,
      this.reflector.getAllAndOverride<StoreSource>(STORE_FROM_KEY, targets),
    );
    if (!store) return true;

    const membership = user.memberships?.find((m) => m.storeId === store.storeId);
    if (!membership) throw new AppException(HttpStatus.NOT_FOUND, store.notFoundCode, 'Not found');
    if (!permissions.some((p) => roleAllows(membership.role, p))) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `Your role in this store (${membership.role}) does not allow this`,
      );
    }
    return true;
  }

  /** The store the route acts on, or undefined for a route that names none. */
  private async storeOfRoute(
    request: Request,
    source: StoreSource | undefined,
  ): Promise<{ storeId: string | null; notFoundCode: string } | undefined> {
    if (source) {
      const registered = this.resolvers.get(source.kind);
      if (!registered) throw new Error(`No store resolver for "${source.kind}" (@ResolvesStoreOf)`);
      const id = uuidParam(request, source.param);
      return { storeId: await registered.resolver.storeOf(id), notFoundCode: registered.notFoundCode };
    }
    if (request.params.storeId !== undefined) {
      return { storeId: uuidParam(request, 'storeId'), notFoundCode: 'STORE_NOT_FOUND' };
    }
    // Keyed by something whose store nobody declared: fail closed rather than open to every admin.
    if (Object.keys(request.params).length > 0) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'This route declares no store (@StoreFrom): super_admin only',
      );
    }
    return undefined;
  }
}

/** The route's parameter, lower-cased; a malformed one is 400 INVALID_ID, as ParseUuidPipe says. */
function uuidParam(request: Request, name: string): string {
  const value: unknown = request.params[name];
  if (!isUuid(value)) {
    throw new AppException(HttpStatus.BAD_REQUEST, 'INVALID_ID', `${name} must be a UUID`, { param: name });
  }
  return value.toLowerCase();
}
