import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface MainProcess {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
}

/** The real entrypoint, as `npm run start:dev` runs it, with only the given environment. */
export function startMain(env: NodeJS.ProcessEnv): MainProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, output: () => stdout };
}

export async function exitWithin(exited: Promise<Exit>, child: ChildProcess, ms: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main.ts did not exit within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once main.ts printed its API line; throws with its output if it exits or takes too long. */
export async function waitUntilListening(main: MainProcess, port: number, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!main.output().includes(`API: http://localhost:${port}/api`)) {
    if (Date.now() > deadline || main.child.exitCode !== null) {
      const early = await exitWithin(main.exited, main.child, 1000).catch(() => undefined);
      throw new Error(`main.ts did not start: ${early?.stderr ?? ''}\n${main.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
