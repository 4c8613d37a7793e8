import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the bench scripts share. */

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
