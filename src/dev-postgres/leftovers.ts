import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { PostgresBinaries } from './binaries';
import { errnoCode } from './errors';
import { isAlive, sleep, waitForPidExit } from './processes';

/**
 * After a crash of the Node process the server may still run (it is in its own process group) or
 * have left postmaster.pid behind. Stop a server that runs on this data directory, drop a stale pid
 * file, and wait for orphaned backends, which would otherwise block the new server's shared memory.
 */
export async function recoverLeftovers(
  pgdata: string,
  binaries: PostgresBinaries,
  log: (message: string) => void,
): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  let content: string;
  try {
    content = await fsp.readFile(pidFile, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      return;
    }
    throw error;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const pgdataReal = await fsp.realpath(pgdata);

  if (Number.isInteger(pid) && pid > 0 && isServerFor(pid, pgdataReal)) {
    process.kill(pid, 'SIGINT');
    let how = 'fast shutdown';
    if (!(await waitForPidExit(pid, 10_000))) {
      process.kill(pid, 'SIGQUIT');
      how = 'immediate shutdown';
      if (!(await waitForPidExit(pid, 5_000))) {
        process.kill(pid, 'SIGKILL');
        how = 'killed';
        await waitForPidExit(pid, 5_000);
      }
    }
    log(`Recovered: stopped a PostgreSQL server (pid ${pid}, ${how}) left running on ${pgdata}`);
  } else {
    const why =
      Number.isInteger(pid) && pid > 0 && isAlive(pid) ? 'belongs to another process' : 'is not running';
    log(`Recovered: removed a stale postmaster.pid from ${pgdata} (pid ${content.split('\n')[0]} ${why})`);
  }
  await fsp.rm(pidFile, { force: true });

  const orphans = findServerProcesses(binaries.postgres, pgdataReal);
  if (orphans.length > 0) {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && orphans.some(isAlive)) {
      await sleep(50);
    }
    for (const orphan of orphans.filter(isAlive)) {
      process.kill(orphan, 'SIGKILL');
    }
  }
}

/** A postgres postmaster whose data directory is `pgdataReal` (its cwd, or `-D` on its command line). */
function isServerFor(pid: number, pgdataReal: string): boolean {
  if (!isAlive(pid)) {
    return false;
  }
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (path.basename(argv[0] ?? '') !== 'postgres') {
      return false;
    }
    const dashD = argv.indexOf('-D');
    if (dashD >= 0 && argv[dashD + 1] && path.resolve(argv[dashD + 1]) === pgdataReal) {
      return true;
    }
    return fs.realpathSync(`/proc/${pid}/cwd`) === pgdataReal;
  } catch {
    return false;
  }
}

/** Every process of that binary working in that data directory (backends outlive a killed postmaster). */
function findServerProcesses(binary: string, pgdataReal: string): number[] {
  const binaryReal = fs.realpathSync(binary);
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (
        fs.realpathSync(`/proc/${entry}/exe`) === binaryReal &&
        fs.realpathSync(`/proc/${entry}/cwd`) === pgdataReal
      ) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to inspect.
    }
  }
  return pids;
}
