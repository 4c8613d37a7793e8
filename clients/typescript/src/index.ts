/**
 * A typed client for the commerce API: openapi-fetch over the types generated from openapi.json
 * (src/schema.ts). Every path, parameter, body and response comes from the document; this file only
 * adds what every caller needs: the bearer token, the guest cart session, request ids, the `attr.<key>`
 * query parameters and an error with the API's `code`.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

type Schemas = components['schemas'];

/** The main shapes, by their names in the document. Money fields are decimal strings ("19.99"). */
export type ErrorResponse = Schemas['ErrorResponse'];
export type Store = Schemas['PublicStoreResponse'];
export type CategoryNode = Schemas['CategoryNode'];
export type ProductCard = Schemas['ProductCard'];
export type ProductDetail = Schemas['ProductDetail'];
export type Cart = Schemas['CartResponse'];
export type CartItem = Schemas['CartItemResponse'];
export type AuthSession = Schemas['AuthSession'];
export type Profile = Schemas['ProfileView'];
export type Address = Schemas['AddressView'];
export type CheckoutResult = Schemas['CheckoutResponse'];
export type Order = Schemas['OrderResponse'];

export type CommerceClient = Client<paths>;

/** Where the guest cart's session id lives between page loads (localStorage in a browser, say). */
export interface CartSessionStore {
  get(): string | null | undefined;
  set(sessionId: string): void;
  /** Called after register or login sent the session: the guest cart is now the customer's. */
  clear(): void;
}

export interface CommerceClientOptions {
  /** The API's origin, e.g. `https://api.example.com` or `http://localhost:3000` (paths include /api). */
  baseUrl: string;
  /** The current access token, if any; sent as `Authorization: Bearer …` on every request. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Keeps the guest cart: sent as `X-Cart-Session` to the cart, checkout and auth routes. */
  cartSession?: CartSessionStore;
  /** Makes an `X-Request-Id` for each request (the API echoes it and logs it); else the API makes one. */
  requestId?: () => string;
  /** Another fetch (tests, server-side rendering); defaults to globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The routes that read `X-Cart-Session`: the guest cart, checkout, and the auth calls that merge it. */
const CART_SESSION_ROUTES = /^\/api\/stores\/\{storeSlug\}\/(cart|checkout)|^\/api\/auth\/(register|login)$/;
const MERGING_ROUTES = /^\/api\/auth\/(register|login)$/;

export function createCommerceClient(options: CommerceClientOptions): CommerceClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    querySerializer: serializeQuery,
    ...(options.fetch && { fetch: options.fetch }),
  });
  client.use(headersMiddleware(options));
  if (options.cartSession) client.use(cartSessionMiddleware(options.cartSession));
  return client;
}

function headersMiddleware(options: CommerceClientOptions): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const token = await options.getAccessToken?.();
      if (token && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      const session = options.cartSession?.get();
      if (session && CART_SESSION_ROUTES.test(schemaPath) && !request.headers.has('X-Cart-Session')) {
        request.headers.set('X-Cart-Session', session);
      }
      if (options.requestId && !request.headers.has('X-Request-Id')) {
        request.headers.set('X-Request-Id', options.requestId());
      }
      return request;
    },
  };
}

/**
 * Keeps the guest session the API hands out: in the cart body's `sessionId` (and the `X-Cart-Session`
 * response header where the API sends one), and forgets it once register or login merged the cart.
 */
function cartSessionMiddleware(store: CartSessionStore): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      if (!response.ok) return undefined;
      if (MERGING_ROUTES.test(schemaPath) && request.headers.has('X-Cart-Session')) {
        store.clear();
        return undefined;
      }
      if (!schemaPath.startsWith('/api/stores/{storeSlug}/cart')) return undefined;
      const fromHeader = response.headers.get('X-Cart-Session');
      if (fromHeader) {
        store.set(fromHeader);
        return undefined;
      }
      if (!response.headers.get('Content-Type')?.includes('json')) return undefined;
      const body: unknown = await response.clone().json();
      if (
        typeof body === 'object' &&
        body !== null &&
        'sessionId' in body &&
        typeof body.sessionId === 'string'
      ) {
        store.set(body.sessionId);
      }
      return undefined;
    },
  };
}

/**
 * Query strings as the API reads them: repeated keys for arrays, and an object parameter (the product
 * listing's `attr`) as one `attr.<key>=<value>` pair per key (`attr.color=red&attr.size=M`).
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) add(key, item);
    } else if (typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value)) add(`${key}.${inner}`, innerValue);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(query)) add(key, value);
  return search.toString();
}

/** A non-2xx answer: the API's error body, its stable `code`, and the request id to look up in the logs. */
export class CommerceApiError extends Error {
  readonly status: number;
  /** e.g. `INSUFFICIENT_STOCK`, `EMAIL_TAKEN`, `VALIDATION_FAILED` (API.md); undefined if the body is not the API's. */
  readonly code: string | undefined;
  readonly requestId: string | null;
  readonly body: ErrorResponse | undefined;

  constructor(response: Response, error: unknown) {
    const body = isErrorResponse(error) ? error : undefined;
    super(body?.message ?? `HTTP ${response.status}`);
    this.name = 'CommerceApiError';
    this.status = response.status;
    this.code = body?.code;
    this.requestId = response.headers.get('X-Request-Id');
    this.body = body;
  }
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'statusCode' in value &&
    typeof value.statusCode === 'number' &&
    'message' in value &&
    typeof value.message === 'string' &&
    'code' in value &&
    typeof value.code === 'string'
  );
}

/**
 * The success body of an openapi-fetch call, or a CommerceApiError:
 * `const product = await unwrap(api.GET('/api/stores/{storeSlug}/products/{productSlug}', {...}))`.
 * For routes that answer 204, await the call and check `response.ok` (or use `expectOk`) instead.
 */
export async function unwrap<T extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<T>,
): Promise<NonNullable<T['data']>> {
  const result = await call;
  const data = result.data;
  if (!result.response.ok || data === undefined || data === null) {
    throw new CommerceApiError(result.response, result.error);
  }
  return data;
}

/** Throws a CommerceApiError unless the call succeeded (for 204 routes such as DELETE and logout). */
export async function expectOk(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const result = await call;
  if (!result.response.ok) throw new CommerceApiError(result.response, result.error);
}
