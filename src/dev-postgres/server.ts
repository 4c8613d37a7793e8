import { ChildProcess, spawn } from 'node:child_process';
import { PostgresBinaries } from './binaries';
import { EmbeddedPostgresError, lastLines } from './errors';
import { RunAs } from './os-user';
import { childEnv, logPathOf, READY_MESSAGE } from './settings';

export interface ServerOptions {
  binaries: PostgresBinaries;
  runAs: RunAs | undefined;
  dataDir: string;
  pgdata: string;
  port: number;
  socketDir: string;
  /** Extra `-c key=value` settings. */
  settings: Record<string, string | number>;
  startTimeoutMs: number;
  /** The port was picked by us, so a bind failure means "try another" rather than an error. */
  portPicked: boolean;
  /** Appends the server's output to postgres.log. */
  writeLog: (chunk: Buffer) => void;
  /** The server exited after it had become ready (`how`: the signal or exit code). */
  onExitAfterReady: (child: ChildProcess, how: string) => void;
}

export type SpawnOutcome = { outcome: 'ready'; child: ChildProcess } | { outcome: 'port-taken' };

/** Spawns the server and waits for it to accept connections. 'port-taken' lets the caller retry. */
export function spawnServer(options: ServerOptions): Promise<SpawnOutcome> {
  const { binaries, runAs, dataDir, pgdata, port, socketDir, startTimeoutMs: timeoutMs } = options;
  const args = ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', socketDir];
  for (const [key, value] of Object.entries(options.settings)) {
    args.push('-c', `${key}=${value}`);
  }

  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, args, {
      ...(runAs ?? {}),
      cwd: dataDir,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: Ctrl+C in a terminal reaches only Node, which closes the app first and
      // then stops Postgres, instead of Postgres shutting down under in-flight requests.
      detached: true,
    });
    let recent = '';
    let settled = false;
    const settle = (action: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        action();
      }
    };
    const onOutput = (chunk: Buffer): void => {
      options.writeLog(chunk);
      if (!settled) {
        recent = (recent + chunk.toString('utf8')).slice(-16_384);
        if (recent.includes(READY_MESSAGE)) {
          settle(() => resolve({ outcome: 'ready', child }));
        }
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code, signal) => {
      const how = signal ?? `exit code ${code}`;
      if (!settled) {
        settle(() => {
          if (options.portPicked && /could not bind|Address already in use/i.test(recent)) {
            resolve({ outcome: 'port-taken' });
            return;
          }
          reject(
            new EmbeddedPostgresError(
              `Embedded PostgreSQL exited during start-up (${how}). Last log lines:\n` +
                `${lastLines(recent, 15)}\nFull log: ${logPathOf(dataDir)}`,
            ),
          );
        });
      } else {
        options.onExitAfterReady(child, how);
      }
    });
    const timer = setTimeout(() => {
      settle(() => {
        child.kill('SIGQUIT');
        setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
        reject(
          new EmbeddedPostgresError(
            `Embedded PostgreSQL did not become ready within ${timeoutMs / 1000} s. Last log lines:\n` +
              `${lastLines(recent, 15)}\nFull log: ${logPathOf(dataDir)}`,
          ),
        );
      });
    }, timeoutMs);
  });
}
