import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { queryPrepared } from '../database/prepared-query';
import { IdempotencyKey } from './entities/idempotency-key.entity';

/** A response to store and replay. */
export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

/** Handed to the work: writes the response into the key row, inside the work's own transaction. */
export interface IdempotencyClaim {
  complete(manager: EntityManager, response: StoredResponse): Promise<void>;
}

export interface IdempotentResult<T> extends StoredResponse<T> {
  /** True when this is a stored response played back, not a new execution. */
  replayed: boolean;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,255}$/;

/** How long a duplicate waits for the first request to finish before answering 409. */
const WAIT_MS = 20_000;
const POLL_MS = 25;
/** A claim this old without a response belongs to a process that died: it may be taken over. */
const ABANDONED_AFTER_SECONDS = 60;

/** SHA-256 of the request's identity: method, path and the body with keys sorted. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value as Record<string, unknown>)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${JSON.stringify(canonical(body ?? null))}`)
    .digest('hex');
}

/**
 * Idempotency-Key handling (Stripe-style). The first request claims (user, key) with an INSERT that
 * the unique index serialises; duplicates wait for its stored response and replay it; the same key
 * with another request is 422. The work writes its response through `claim.complete` in its own
 * transaction, so "effect committed" and "response stored" are one fact. A failed execution removes
 * the claim, so a retry runs again (nothing was committed).
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * What is known of (user, key) right now, without claiming it: a stored answer to replay, a request
   * still running, or nothing. 422 when the key was used for another request. Lets a caller refuse a
   * hopeless request (e.g. no stock) before writing anything, while a replay still gets its answer.
   */
  async peek<T>(
    userId: string,
    key: string,
    fingerprint: string,
  ): Promise<IdempotentResult<T> | 'running' | 'absent'> {
    assertValidKey(key);
    // Every checkout starts here: a prepared statement rather than a repository call.
    const [row] = await queryPrepared<
      Pick<IdempotencyKey, 'requestHash' | 'responseStatus' | 'responseBody'>
    >(
      this.dataSource,
      'idempotency_peek',
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!row) return 'absent';
    if (row.requestHash !== fingerprint) {
      throw new AppException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request',
      );
    }
    if (row.responseStatus === null) return 'running';
    return { status: row.responseStatus, body: row.responseBody as T, replayed: true };
  }

  async execute<T>(
    userId: string,
    key: string,
    fingerprint: string,
    work: (claim: IdempotencyClaim) => Promise<StoredResponse<T>>,
    options: { beforeWaiting?: () => void } = {},
  ): Promise<IdempotentResult<T>> {
    assertValidKey(key);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const claimId = await this.claim(userId, key, fingerprint);
      if (claimId) return this.run(claimId, work);
      // Another request owns the key: from here on this one only waits for its answer.
      options.beforeWaiting?.();

      const row = await this.dataSource.getRepository(IdempotencyKey).findOne({
        where: { userId, key },
        select: { requestHash: true, responseStatus: true, responseBody: true },
      });
      if (row) {
        if (row.requestHash !== fingerprint) {
          throw new AppException(
            422,
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used with a different request',
          );
        }
        if (row.responseStatus !== null) {
          return { status: row.responseStatus, body: row.responseBody as T, replayed: true };
        }
      }
      if (Date.now() > deadline) {
        throw new AppException(
          409,
          'IDEMPOTENCY_IN_PROGRESS',
          'A request with this Idempotency-Key is still running',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The claim's id if this request owns the key now (new, or abandoned by a dead process). */
  private async claim(userId: string, key: string, fingerprint: string): Promise<string | null> {
    const inserted = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
      [userId, key, fingerprint],
    );
    if (inserted[0]) return inserted[0].id;
    const [takenOver] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE idempotency_keys SET created_at = now()
        WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND response_status IS NULL
          AND created_at < now() - make_interval(secs => $4)
        RETURNING id`,
      [userId, key, fingerprint, ABANDONED_AFTER_SECONDS],
    );
    return takenOver[0]?.id ?? null;
  }

  private async run<T>(
    claimId: string,
    work: (claim: IdempotencyClaim) => Promise<StoredResponse<T>>,
  ): Promise<IdempotentResult<T>> {
    let stored: StoredResponse<T> | undefined;
    const claim: IdempotencyClaim = {
      complete: async (manager, response) => {
        stored = response as StoredResponse<T>;
        await manager.getRepository(IdempotencyKey).update(
          { id: claimId },
          {
            responseStatus: response.status,
            responseBody: response.body as object,
            completedAt: new Date(),
          },
        );
      },
    };
    try {
      const response = await work(claim);
      // The work may refine the response after its transaction (e.g. the payment step): store the final
      // one, unless that very response is already stored (one UPDATE of the JSON per request, not two).
      if (stored?.status !== response.status || stored.body !== response.body) {
        await claim.complete(this.dataSource.manager, response);
      }
      return { ...response, replayed: false };
    } catch (error) {
      // Release the claim unless a response was committed (a completion inside a transaction that
      // rolled back is gone with it): a retry then runs again, as nothing took effect.
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE id = $1 AND response_status IS NULL`, [
        claimId,
      ]);
      throw error;
    }
  }
}

function assertValidKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AppException(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8-255 characters of [A-Za-z0-9_-:.]',
    );
  }
}
