import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** A throttler check must never hold a request for long: past this a command counts as failed. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** Reconnect attempts back off up to this, forever: Redis coming back is picked up by itself. */
const MAX_RECONNECT_DELAY_MS = 2000;
/** One "Redis unavailable" line per this period, not one per reconnect attempt. */
const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * An ioredis client for request-path work: commands fail fast while Redis is unreachable (no offline
 * queue, one try, a short timeout) instead of waiting for a reconnect, and connection errors are
 * logged once per period (ioredis emits one per attempt). The URL is never logged: it may hold a
 * password.
 */
export function createRedisClient(url: string, logger = new Logger('Redis')): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  let lastLogged = 0;
  let down = false;
  client.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = now;
    down = true;
    logger.warn(`Redis unavailable (${error.message}); retrying in the background`);
  });
  client.on('ready', () => {
    if (down) logger.log('Redis connection restored');
    down = false;
    lastLogged = 0;
  });
  return client;
}
