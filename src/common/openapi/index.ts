export * from './api-errors';
export * from './api-money';
export * from './api-paginated';
export * from './document';
export * from './error-response';
export * from './security';
