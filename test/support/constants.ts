/** Shared between the jest parent (global setup/teardown) and the workers. */
export const TEMPLATE_DATABASE = 'commerce_template';
/** Admin connection to the test cluster (database `postgres`), set by global-setup for every worker. */
export const ADMIN_URL_ENV = 'TEST_PG_ADMIN_URL';
/** DATA_DIR of test apps (their .eml files without SMTP_URL), inside the run's temp dir; set by global-setup. */
export const APP_DATA_DIR_ENV = 'TEST_APP_DATA_DIR';
/**
 * The app role's URL for the template database (row-level security; test apps reach the same role by
 * SET ROLE, see testEnv in app.ts); set by global-setup.
 */
export const APP_ROLE_URL_ENV = 'TEST_PG_APP_URL';
/** Prefix of the per-run temp dirs, so a later run can clean up after one that was killed. */
export const TEMP_DIR_PREFIX = 'commerce-test-';
/** A fixed secret for test apps (the app requires 32+ characters when DATABASE_URL is set). */
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef-0123456789';
