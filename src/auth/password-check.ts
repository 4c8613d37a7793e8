import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './password-hasher';

/** Verified in place of a missing hash, so "no such account / no password" costs what a wrong password costs. */
let dummyHash: Promise<string> | undefined;

function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Whether `password` matches `hash`; with no hash (no account, or an imported account that never set a
 * password) it runs one argon2 verification anyway and answers false: the timing tells nothing.
 */
export async function checkPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await verifyPassword(await getDummyHash(), password);
    return false;
  }
  return verifyPassword(hash, password);
}
