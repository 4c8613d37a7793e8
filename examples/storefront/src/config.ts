/**
 * Where the API is and which store to show: `?api=http://localhost:3000&store=demo` on the page's URL
 * (the defaults are the embedded run's address and its demo store).
 */
const params = new URLSearchParams(window.location.search);

export const API_BASE_URL = params.get('api') ?? 'http://localhost:3000';
export const STORE_SLUG = params.get('store') ?? 'demo';
