import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a client may send as its own request id: short, and safe to echo in a header and a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the client's `X-Request-Id` when it is sane (≤ 128 of `[A-Za-z0-9._:-]`), so a
 * caller can follow its own id through our logs; otherwise (missing, too long, odd characters, sent
 * twice) a new UUID, so nothing a client sends can forge or break a log line.
 */
export function requestIdFor(sent: string | string[] | undefined): string {
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
