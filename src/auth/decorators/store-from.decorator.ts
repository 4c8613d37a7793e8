import { Injectable, SetMetadata } from '@nestjs/common';

export const STORE_FROM_KEY = 'storeFrom';
export const STORE_RESOLVER_KEY = 'storeResolver';

/** Where the store of a route keyed by a resource id comes from: the resource kind and its path parameter. */
export interface StoreSource {
  kind: string;
  param: string;
}

/**
 * On an admin route whose path names a resource rather than its store (`/admin/orders/:id`): the store
 * is the one the resource belongs to, answered by the resolver of `kind`. Routes with `:storeId` need
 * nothing: the path names the store.
 */
export const StoreFrom = (kind: string, param: string): MethodDecorator & ClassDecorator =>
  SetMetadata(STORE_FROM_KEY, { kind, param } satisfies StoreSource);

export const SCOPED_BY_HANDLER_KEY = 'storesScopedByHandler';

/**
 * On an admin route keyed by a resource that belongs to several stores at once (a profile is a
 * customer of many): no single store to check, so StoreAccessGuard lets every admin through and the
 * handler answers only what the caller's stores with the route's permission may see (404 otherwise;
 * see src/auth/store-scope.ts).
 */
export const ScopedByHandler = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SCOPED_BY_HANDLER_KEY, true);

/** Answers which store a resource of one kind belongs to; null when there is no such resource. */
export interface StoreResolver {
  storeOf(id: string): Promise<string | null>;
}

export interface StoreResolverMetadata {
  kind: string;
  /** The 404 code of a resource that does not exist, or is in a store the caller is not a member of. */
  notFoundCode: string;
}

/**
 * Marks a provider of the module that owns `kind` (it reads its own table) as that kind's resolver;
 * StoreAccessGuard finds it by discovery, so the owning module only lists it in its providers.
 */
export const ResolvesStoreOf = (kind: string, notFoundCode: string): ClassDecorator => {
  const metadata: StoreResolverMetadata = { kind, notFoundCode };
  return (target) => {
    Injectable()(target);
    SetMetadata(STORE_RESOLVER_KEY, metadata)(target);
  };
};
