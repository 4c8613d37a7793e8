/**
 * The embedded PostgreSQL of the default run (no DATABASE_URL) and of the tests and benchmarks.
 * src/bootstrap loads this folder with a dynamic import only when DATABASE_URL is unset, so a
 * production start never loads it (it may create an OS user as root): never import it statically
 * from src/ (test/bootstrap/dev-postgres-lazy.e2e-spec.ts checks).
 */
export { locatePostgresBinaries } from './binaries';
export type { PostgresBinaries } from './binaries';
export { EmbeddedPostgres } from './embedded-postgres';
export { EmbeddedPostgresError } from './errors';
export { findFreePort } from './ports';
export { EMBEDDED_DATABASE } from './settings';
export type { EmbeddedPostgresConnection, EmbeddedPostgresOptions } from './settings';
export { provisionAppRole } from './app-role';
