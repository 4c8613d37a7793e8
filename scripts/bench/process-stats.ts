import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the benchmarks read of a server process: its resident memory and its CPU time. */

/**
 * Samples a process's resident memory (VmRSS in /proc/<pid>/status) every 250 ms; `takeMaxMb` gives
 * the max since the previous call. The pid must be the Node app itself: see `assertIsApp`.
 */
export class RssSampler {
  private maxKiB = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 250);
    this.sample();
  }

  private sample(): void {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (match) this.maxKiB = Math.max(this.maxKiB, Number(match[1]));
    } catch {
      // The process is gone (or this is not Linux): nothing to sample.
    }
  }

  /** Max RSS in MB since the last call (null when nothing could be sampled), then starts over. */
  takeMaxMb(): number | null {
    this.sample();
    const mb = this.maxKiB > 0 ? Math.round((this.maxKiB / 1024) * 10) / 10 : null;
    this.maxKiB = 0;
    return mb;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The sampled pid must run node on the app's main.js, not a wrapper whose RSS would mean nothing. */
export function assertIsApp(pid: number | undefined): number {
  const cmdline = pid ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : [];
  if (!pid || cmdline[0] !== process.execPath || !cmdline.at(-2)?.endsWith(path.join('src', 'main.js'))) {
    throw new Error(`The app's pid ${pid} is not node running main.js: ${cmdline.join(' ')}`);
  }
  return pid;
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null when it cannot be
 * read. The difference over a measured run ÷ requests is the server's CPU cost per request, which on a
 * machine shared with PostgreSQL and the load generator decides throughput more than anything else.
 */
export function cpuTimeMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const { fields } = parseProcessStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/**
 * Busy CPU time (ms, every core, every process: the app, PostgreSQL and the load generator) since boot,
 * from /proc/stat; null when it cannot be read. Its difference over a run ÷ requests is what a request
 * costs the whole machine, so a gap between two servers that is not in their own CPU shows up here.
 */
export function machineBusyMs(): number | null {
  try {
    // Everything but idle and iowait is busy.
    const [user, nice, system, , , irq, softirq, steal] = machineCpuTicks();
    const ticks = user + nice + system + irq + softirq + (steal ?? 0);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) every PostgreSQL process on this machine has used so far (processes whose
 * command is `postgres`: the servers and their backends, ended backends included); null when /proc
 * cannot be read. Its difference per request splits the machine's cost between the database and the rest.
 */
export function databaseCpuMs(): number | null {
  try {
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const { command, fields } = parseProcessStat(stat);
      if (command !== 'postgres') continue;
      // utime + stime, and cutime + cstime: the postmaster's reaped backends, whose CPU would
      // otherwise leave the sum when a connection closes during a run.
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
    return (total * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The machine's stolen time (ms, all cores): CPU the hypervisor gave to other guests. */
export function machineStealMs(): number | null {
  try {
    const steal = machineCpuTicks()[7];
    return Number.isFinite(steal) ? (steal * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/**
 * A /proc/<pid>/stat line: the command (between the parentheses, which may hold spaces) and the fields
 * after it, from the state on (utime, stime, cutime and cstime are fields[11] to fields[14]).
 */
function parseProcessStat(stat: string): { command: string; fields: string[] } {
  const close = stat.lastIndexOf(')');
  return { command: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
}

/** The first line of /proc/stat, all cores: user nice system idle iowait irq softirq steal …, in ticks. */
function machineCpuTicks(): number[] {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  return line.trim().split(/\s+/).slice(1).map(Number);
}

/** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Node). */
const CLOCK_TICKS_PER_SECOND = 100;
