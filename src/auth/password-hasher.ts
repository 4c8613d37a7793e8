import * as argon2 from 'argon2';

/** Minimum password length everywhere (register, invitations, ADMIN_PASSWORD). */
export const MIN_PASSWORD_LENGTH = 8;

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended password hash. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** False (never throws) for a malformed hash, so a corrupt row reads as a failed login. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
