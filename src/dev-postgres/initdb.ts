import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PostgresBinaries } from './binaries';
import { EmbeddedPostgresError, lastLines } from './errors';
import { RunAs } from './os-user';
import { childEnv, logPathOf, PG_USER } from './settings';

const execFileAsync = promisify(execFile);

export interface InitdbOptions {
  binaries: PostgresBinaries;
  runAs: RunAs | undefined;
  dataDir: string;
  pgdata: string;
  password: string;
  /** Appends the tool's output to postgres.log. */
  writeLog: (chunk: Buffer) => void;
  log: (message: string) => void;
}

/** Creates a new cluster in `pgdata`: UTF8, scram-sha-256, the superuser's password from a temporary file. */
export async function initdb(options: InitdbOptions): Promise<void> {
  const { binaries, runAs, dataDir, pgdata } = options;
  const started = Date.now();
  const pwfile = path.join(dataDir, `.initdb-pw-${randomBytes(6).toString('hex')}`);
  await fsp.writeFile(pwfile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fsp.chown(pwfile, runAs.uid, runAs.gid);
    }
    const locale = await pickLocale();
    const args = [
      '-D',
      pgdata,
      '-U',
      PG_USER,
      '--auth=scram-sha-256',
      `--pwfile=${pwfile}`,
      '-E',
      'UTF8',
      `--locale=${locale}`,
    ];
    const { code, output } = await runToCompletion(binaries.initdb, args, options, 120_000);
    if (code !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed (exit code ${code ?? 'none'}):\n${lastLines(output, 20)}\nFull log: ${logPathOf(dataDir)}`,
      );
    }
  } finally {
    await fsp.rm(pwfile, { force: true });
  }
  options.log(`Created a new PostgreSQL cluster in ${pgdata} (${Date.now() - started} ms)`);
}

function runToCompletion(
  file: string,
  args: string[],
  options: Pick<InitdbOptions, 'runAs' | 'dataDir' | 'writeLog'>,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(options.runAs ?? {}),
      cwd: options.dataDir,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      options.writeLog(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** C.UTF-8 where the OS has it (Debian, Ubuntu, Fedora); plain C otherwise, still with UTF8 encoding. */
async function pickLocale(): Promise<string> {
  try {
    const { stdout } = await execFileAsync('locale', ['-a']);
    const names = stdout.split('\n').map((l) => l.trim().toLowerCase().replace('-', ''));
    return names.includes('c.utf8') ? 'C.UTF-8' : 'C';
  } catch {
    return 'C';
  }
}
