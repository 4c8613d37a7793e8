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
