/** The default embedded run's JWT secret: created once under DATA_DIR when JWT_SECRET is unset. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigValidationError, MIN_JWT_SECRET_LENGTH } from './config-values';

export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

/**
 * The default run's JWT secret: random, created once with mode 0600 and reused, so that a restart
 * does not log everybody out. Created with O_EXCL so two processes starting at once agree on one value.
 */
export function readOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_JWT_SECRET_FILE);
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    try {
      const existing = fs.readFileSync(file, 'utf8').trim();
      if (existing.length >= MIN_JWT_SECRET_LENGTH) {
        return existing;
      }
      // Truncated or edited by hand: replace it (only development tokens are invalidated).
      fs.rmSync(file, { force: true });
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'ENOENT') {
        throw error;
      }
    }
    const secret = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch (error) {
      if (isErrnoException(error) && error.code === 'EEXIST') {
        return fs.readFileSync(file, 'utf8').trim();
      }
      throw error;
    }
  } catch (error) {
    const reason = isErrnoException(error) ? error.message : String(error);
    throw new ConfigValidationError(
      'JWT_SECRET',
      `is not set and the development secret could not be stored in ${file} (${reason}); set JWT_SECRET or DATA_DIR`,
    );
  }
}

// Duck-typed, not instanceof Error: errors from Node's core fail instanceof inside Jest's sandbox.
function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
