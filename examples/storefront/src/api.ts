import { createCommerceClient } from '../../../clients/typescript/src/index.js';
import { API_BASE_URL } from './config.js';
import { auth, cartSession, randomId } from './session.js';

/** The one client of the page: the stored token, the guest cart session and a request id on each call. */
export const api = createCommerceClient({
  baseUrl: API_BASE_URL,
  getAccessToken: () => auth.accessToken(),
  cartSession,
  requestId: randomId,
});
