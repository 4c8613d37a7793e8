/**
 * What the primary hands each worker it forks (WEB_CONCURRENCY > 1), besides the caller's own
 * environment: the database it prepared (the embedded server's URL, or the app role's) and the
 * worker's slot. Internal: not configuration, never documented as settings.
 */
export const WORKER_DATABASE_URL_ENV = 'COMMERCE_WORKER_DATABASE_URL';
/** 0 … WEB_CONCURRENCY−1; a restarted worker keeps its slot. */
export const WORKER_INDEX_ENV = 'COMMERCE_WORKER_INDEX';
