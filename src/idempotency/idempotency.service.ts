import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { queryPrepared, queryStatement, runStatement } from '../database/prepared-query';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import {
  claimKeyStatement,
  checkpointClaimStatement,
  completeClaimStatement,
  IdempotencyScope,
  peekKeyStatement,
  scopeOf,
} from './idempotency-sql';

export type { IdempotencyScope } from './idempotency-sql';

/** A response to store and replay. */
export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

/**
 * Handed to the work. `take` claims the key as the first statement of the work's transaction; the
 * work's response is written with `complete`, in that same transaction or a later one.
 */
export interface IdempotencyClaim {
  /**
   * Inserts the (user, key) row inside `manager`'s transaction. Until that transaction commits, the
   * row is invisible and a concurrent duplicate's insert waits on it in PostgreSQL; if it rolls back
   * (an error, a lost connection, a database restart), the claim is gone with it and a retry runs at
   * once. Throws ClaimedElsewhere when another request already holds the key: let it propagate.
   */
  take(manager: EntityManager): Promise<void>;
  /**
   * Records, in the work's transaction, what the work has done so far when its last step is remote
   * (an order committed, its payment still to open): the claim then says how to finish, and a retry
   * that finds it after its owner died finishes the work itself (ExecuteOptions.resume) instead of
   * running it twice or giving up.
   */
  checkpoint(manager: EntityManager, body: unknown): Promise<void>;
  /**
   * Stores the response. Guarded: when another request (one resuming this work) already stored one,
   * it throws, the caller's transaction rolls back, and that stored answer is what this request gets.
   */
  complete(manager: EntityManager, response: StoredResponse): Promise<void>;
}

export interface ExecuteOptions<T> {
  /** Called once this request starts waiting for another one's answer. */
  beforeWaiting?: () => void;
  /**
   * Finishes the work of a claim that has a checkpoint but no answer, once the checkpoint is at least
   * `afterMs` old (longer than the owner's remote step may take): its owner is then gone or failed.
   */
  resume?: {
    afterMs: number;
    run: (claim: IdempotencyClaim, checkpoint: T) => Promise<StoredResponse<T>>;
  };
}

export interface IdempotentResult<T> extends StoredResponse<T> {
  /** True when this is a stored response played back, not a new execution. */
  replayed: boolean;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,255}$/;

/** How long a duplicate waits for the first request to finish before answering 409. */
const WAIT_MS = 20_000;
/** Polling for the answer: quick at first (most duplicates arrive while the first is committing). */
const POLL_MS = 25;
const MAX_POLL_MS = 250;
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
 * Idempotency-Key handling (Stripe-style). The first request claims (user, key) by inserting its row
 * inside the work's own transaction (IdempotencyClaim.take), so the claim commits with the work's
 * effect and dies with it: PostgreSQL, not a timer, releases the claim of an attempt whose transaction
 * rolled back or whose connection was cut by an outage. Duplicates wait (first on the unique index,
 * then for a stored response) and replay it; the same key with another request is 422. A claim whose
 * work committed but has no response yet (a remote payment being opened after the commit) carries a
 * checkpoint: it is waited for, and once older than the remote step may take, a retry finishes the
 * work from the checkpoint (the provider's own idempotency key makes that call safe to repeat). A
 * claim without a checkpoint or answer (none is written so today) is taken over after a minute.
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
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
  ): Promise<IdempotentResult<T> | 'running' | 'absent'> {
    assertValidKey(key);
    // Every checkout starts here: a prepared statement rather than a repository call.
    const peek = peekKeyStatement(scope, key);
    const [row] = await queryPrepared<
      Pick<IdempotencyKey, 'requestHash' | 'responseStatus' | 'responseBody'>
    >(this.dataSource, peek.name, peek.text, peek.values);
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
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    work: (claim: IdempotencyClaim) => Promise<StoredResponse<T>>,
    options: ExecuteOptions<T> = {},
  ): Promise<IdempotentResult<T>> {
    assertValidKey(key);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      try {
        return await this.run(() => this.newClaim(scope, key, fingerprint), work);
      } catch (error) {
        if (!(error instanceof ClaimedElsewhere)) throw error;
      }
      // Another request owns the key: from here on this one only waits for its answer.
      options.beforeWaiting?.();
      const answer = await this.waitForAnswer<T>(scope, key, fingerprint, deadline, options.resume?.afterMs);
      if (answer === undefined) continue; // the owner gave the key up or died: run it ourselves
      if ('replayed' in answer) return answer;
      const resume = options.resume as NonNullable<ExecuteOptions<T>['resume']>;
      return this.run(
        () => this.claimOf(answer.claimId),
        (claim) => resume.run(claim, answer.checkpoint),
      );
    }
  }

  /**
   * The stored answer of (user, key) once there is one; undefined when its claim disappeared; the
   * checkpoint to finish from when `resumeAfterMs` is given and the claim's checkpoint is that old.
   */
  private async waitForAnswer<T>(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    deadline: number,
    resumeAfterMs: number | undefined,
  ): Promise<IdempotentResult<T> | { claimId: string; checkpoint: T } | undefined> {
    const { column, value } = scopeOf(scope);
    for (let poll = POLL_MS; ; poll = Math.min(poll * 2, MAX_POLL_MS)) {
      const [row] = await this.dataSource.query<ClaimRow[]>(
        `SELECT id, request_hash AS "requestHash", response_status AS "responseStatus",
                response_body AS "responseBody",
                (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS "ageMs"
           FROM idempotency_keys WHERE ${column} = $1 AND key = $2`,
        [value, key],
      );
      if (!row) return undefined;
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
      const resumable = row.responseBody !== null && resumeAfterMs !== undefined;
      if (resumable && row.ageMs >= resumeAfterMs) {
        return { claimId: row.id, checkpoint: row.responseBody as T };
      }
      if (row.responseBody === null && (await this.removeAbandoned(row.id))) return undefined;
      // A resumable claim is finished by this request at the latest when it becomes resumable.
      if (!resumable && Date.now() > deadline) {
        throw new AppException(
          409,
          'IDEMPOTENCY_IN_PROGRESS',
          'A request with this Idempotency-Key is still running',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, poll));
    }
  }

  /** Deletes a committed claim left without a response by a process that died; true if it did. */
  private async removeAbandoned(claimId: string): Promise<boolean> {
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM idempotency_keys
        WHERE id = $1 AND response_status IS NULL AND created_at < now() - make_interval(secs => $2)`,
      [claimId, ABANDONED_AFTER_SECONDS],
    );
    return deleted > 0;
  }

  /** A claim to be taken by the work (take inserts the row). */
  private newClaim(scope: IdempotencyScope, key: string, fingerprint: string): ClaimHandle {
    const claim = claimKeyStatement(scope, key, fingerprint);
    const handle: ClaimHandle = {
      id: undefined,
      take: async (manager) => {
        const [inserted] = await queryStatement<{ id: string }>(manager, claim);
        if (!inserted) throw new ClaimedElsewhere();
        handle.id = inserted.id;
      },
    };
    return handle;
  }

  /** The committed claim `id`, to finish from its checkpoint (it is not taken again). */
  private claimOf(id: string): ClaimHandle {
    return {
      id,
      take: () => Promise.reject(new Error('A resumed claim is already taken')),
    };
  }

  private async run<T>(
    makeClaim: () => ClaimHandle,
    work: (claim: IdempotencyClaim) => Promise<StoredResponse<T>>,
  ): Promise<IdempotentResult<T>> {
    const handle = makeClaim();
    const claimId = (): string => {
      if (handle.id === undefined) throw new Error('IdempotencyClaim used before take');
      return handle.id;
    };
    let stored: StoredResponse<T> | undefined;
    const claim: IdempotencyClaim = {
      take: (manager) => handle.take(manager),
      checkpoint: async (manager, body) => {
        await runStatement(manager, checkpointClaimStatement(claimId(), body));
      },
      complete: async (manager, response) => {
        const update = completeClaimStatement(claimId(), response.status, response.body);
        const { rowCount: updated } = await runStatement(manager, update);
        if (updated === 0) throw new AnsweredElsewhere();
        stored = response as StoredResponse<T>;
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
      if (handle.id === undefined) throw error;
      // Another request finished this work first (it resumed it, or this one did): its answer counts.
      if (error instanceof AnsweredElsewhere) return this.storedAnswer<T>(handle.id, error);
      await this.release(handle.id);
      throw error;
    }
  }

  private async storedAnswer<T>(claimId: string, cause: Error): Promise<IdempotentResult<T>> {
    const [row] = await this.dataSource.query<ClaimRow[]>(
      `SELECT response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE id = $1`,
      [claimId],
    );
    if (row?.responseStatus == null) throw cause;
    return { status: row.responseStatus, body: row.responseBody as T, replayed: true };
  }

  /**
   * After a failure: a claim that rolled back with its transaction is already gone; one committed by
   * work that failed later is removed unless a response or a checkpoint was stored, so a retry runs
   * again (a checkpoint stays: a retry finishes from it rather than doing the work twice). Best effort: when the database is down this fails too, and the caller's error is the one
   * that matters (the claim is then waited for, or taken over once abandoned).
   */
  private async release(claimId: string): Promise<void> {
    await this.dataSource
      .query(
        `DELETE FROM idempotency_keys
          WHERE id = $1 AND response_status IS NULL AND response_body IS NULL`,
        [claimId],
      )
      .catch(() => undefined);
  }
}

interface ClaimHandle {
  id: string | undefined;
  take: (manager: EntityManager) => Promise<void>;
}

interface ClaimRow {
  id: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  ageMs: number;
}

/** Thrown by IdempotencyClaim.complete: another request stored the answer first. */
class AnsweredElsewhere extends Error {
  constructor() {
    super('Another request already answered this Idempotency-Key');
    this.name = 'AnsweredElsewhere';
  }
}

/** Thrown by IdempotencyClaim.take inside the work: another request holds the key. */
class ClaimedElsewhere extends Error {
  constructor() {
    super('The Idempotency-Key is claimed by another request');
    this.name = 'ClaimedElsewhere';
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
