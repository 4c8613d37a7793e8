import { SetMetadata } from '@nestjs/common';

export const DIRECT_READ_KEY = 'directRead';

/**
 * Marks a public GET route whose answer the HTTP server may give itself, ahead of Express's router
 * and Nest's per-route pipeline (direct-read-server.ts): for the storefront's hottest reads, where
 * those two layers cost more CPU than the work (docs/benchmarks.md). The app refuses to start when a
 * marked route has anything that pipeline would have run for it: a guard that would not let an
 * anonymous caller through, route guards, pipes, interceptors or filters, a status or header
 * decorator, or a parameter other than `@Param(name)` and `@Query()`.
 */
export const DirectRead = (): MethodDecorator => SetMetadata(DIRECT_READ_KEY, true);
