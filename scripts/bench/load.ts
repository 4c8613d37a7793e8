import autocannon from 'autocannon';
import { cpuTimeMs, machineBusyMs } from './process-stats';

export type LoadRequest = autocannon.Request;

/** What one measured autocannon run gives, per server. */
export interface Measurement {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** The server process's CPU time (user + system) per request over the measured run. */
  cpuMsPerRequest: number | null;
  /** The whole machine's busy CPU time (all cores, all processes) per request over the measured run. */
  machineCpuMsPerRequest: number | null;
}

export interface LoadProfile {
  url: string;
  connections: number;
  /** Seconds of warm-up (discarded; none when 0). */
  warmup: number;
  /** Seconds measured. */
  duration: number;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface MeasuredRun {
  result: autocannon.Result;
  measurement: Measurement;
}

/** One autocannon run; with `serverPid`, the server's CPU time per request over it. */
export async function runLoad(
  url: string,
  connections: number,
  seconds: number,
  requests: LoadRequest[],
  serverPid?: number,
): Promise<MeasuredRun> {
  const cpuBefore = cpuTimeMs(serverPid);
  const machineBefore = machineBusyMs();
  const result = await autocannon({ url, connections, duration: seconds, requests });
  const cpuAfter = cpuTimeMs(serverPid);
  const machineAfter = machineBusyMs();
  const perRequest = (before: number | null, after: number | null): number | null =>
    before !== null && after !== null && result.requests.total > 0
      ? round((after - before) / result.requests.total, 3)
      : null;
  const measurement: Measurement = {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
    cpuMsPerRequest: perRequest(cpuBefore, cpuAfter),
    machineCpuMsPerRequest: perRequest(machineBefore, machineAfter),
  };
  return { result, measurement };
}

/**
 * A warm-up run (discarded), then the measured run. `requests(0)` builds the warm-up's requests and
 * `requests(1)` the measured run's: when the warm-up stops, autocannon drops its in-flight requests but
 * the server still completes them, so a scenario with per-customer state gives each run its own
 * customers. `onMeasureStart` runs between the two.
 */
export async function warmThenMeasure(
  profile: LoadProfile,
  requests: (run: 0 | 1) => LoadRequest[],
  options: { serverPid?: number; onMeasureStart?: () => void } = {},
): Promise<MeasuredRun> {
  if (profile.warmup > 0) await runLoad(profile.url, profile.connections, profile.warmup, requests(0));
  options.onMeasureStart?.();
  return runLoad(profile.url, profile.connections, profile.duration, requests(1), options.serverPid);
}
