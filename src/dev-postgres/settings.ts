import * as path from 'node:path';

/** The database the app uses inside the embedded cluster. */
export const EMBEDDED_DATABASE = 'commerce';
/** The superuser of the cluster, and the OS user the server runs as when we are root. */
export const PG_USER = 'postgres';
/** The server's log line that ends a start. */
export const READY_MESSAGE = 'database system is ready to accept connections';

export interface EmbeddedPostgresOptions {
  /** Holds pgdata/, run/, pg-password and postgres.log. Created when missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** One line per notable event (initdb, recovery, unexpected exit). Postgres' own log goes to postgres.log. */
  onLog?: (message: string) => void;
  /** Database created on start and named in the returned url (default `commerce`). */
  database?: string;
  /** Extra server settings passed as `-c key=value` (tests turn fsync off). */
  settings?: Record<string, string | number>;
  /** How long to wait for "ready to accept connections" (default 30 s; crash recovery can be slow). */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresConnection {
  /** `postgres://postgres:<pw>@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
}

/** Only what the binaries need: no app secrets in the server's environment, English log lines. */
export function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_MESSAGES: 'C', LANG: 'C.UTF-8' };
}

/** Postgres' own log (initdb and server output), appended to across starts. */
export function logPathOf(dataDir: string): string {
  return path.join(dataDir, 'postgres.log');
}
