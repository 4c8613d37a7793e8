export * from './api-errors';
export * from './api-money';
export * from './document';
export * from './error-response';
export * from './security';
