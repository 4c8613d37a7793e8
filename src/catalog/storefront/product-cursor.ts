import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors';
import { isUuid } from '../../common/validation';
import { ProductSort, SortKeyPosition } from '../storefront-sql';

/**
 * The opaque `cursor` / `nextCursor` of the storefront listing: base64url of a 12-byte MAC followed by
 * the JSON `[version, sort, sortKey, id]` of the last product of a page. The MAC (HMAC-SHA256 with a key
 * derived from JWT_SECRET) makes a hand-edited cursor a 400 instead of a position nobody handed out;
 * the key values are validated anyway, so even a leaked key cannot inject anything into the SQL.
 */
const VERSION = 1;
const MAC_BYTES = 12;
/** A name is at most a few hundred characters; anything longer is not ours. */
export const MAX_CURSOR_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** How the statement writes a newest key (to_char … 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** A sort price as numeric text: "19.99", "-3.50" (an adjustment can make it negative). */
const PRICE_KEY = /^-?\d{1,12}(\.\d{1,2})?$/;
const MAX_NAME_KEY_LENGTH = 600;

export function deriveCursorKey(rootSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootSecret, Buffer.alloc(0), 'catalog-cursor', 32));
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
}

export function encodeProductCursor(key: Buffer, sort: ProductSort, position: SortKeyPosition): string {
  const payload = Buffer.from(JSON.stringify([VERSION, sort, position.key, position.id]), 'utf8');
  return Buffer.concat([mac(key, payload), payload]).toString('base64url');
}

/**
 * The position a cursor stands for, for this sort. 400 INVALID_CURSOR when it is not one this app
 * issued (malformed, edited, another key) or was issued for another sort.
 */
export function decodeProductCursor(key: Buffer, sort: ProductSort, cursor: string): SortKeyPosition {
  const invalid = (why: string) =>
    new AppException(HttpStatus.BAD_REQUEST, 'INVALID_CURSOR', `cursor is not valid: ${why}`, [
      { field: 'cursor', errors: [why] },
    ]);
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw invalid('not a cursor this API returned');
  }
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= MAC_BYTES) throw invalid('not a cursor this API returned');
  const payload = bytes.subarray(MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(key, payload))) {
    throw invalid('not a cursor this API returned');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw invalid('not a cursor this API returned');
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== VERSION) {
    throw invalid('not a cursor of this API version');
  }
  const [, cursorSort, sortKey, id] = parsed as unknown[];
  if (cursorSort !== sort) throw invalid(`it continues sort=${String(cursorSort)}, not sort=${sort}`);
  if (typeof sortKey !== 'string' || !isUuid(id) || !validKey(sort, sortKey)) {
    throw invalid('not a cursor this API returned');
  }
  return { key: sortKey, id };
}

function validKey(sort: ProductSort, key: string): boolean {
  switch (sort) {
    case 'newest':
      return TIMESTAMP_KEY.test(key);
    case 'price':
    case '-price':
      return PRICE_KEY.test(key);
    case 'name':
      return key.length <= MAX_NAME_KEY_LENGTH && !key.includes('\0');
  }
}
