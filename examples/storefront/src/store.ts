import { unwrap, type Store } from '../../../clients/typescript/src/index.js';
import { api } from './api.js';
import { STORE_SLUG } from './config.js';

let store: Promise<Store> | undefined;

/** The store this page sells from (name and currency), looked up once. */
export function currentStore(): Promise<Store> {
  store ??= unwrap(api.GET('/api/stores')).then((stores) => {
    const found = stores.find((s) => s.slug === STORE_SLUG);
    if (!found) throw new Error(`No store "${STORE_SLUG}" at this API`);
    return found;
  });
  return store;
}
