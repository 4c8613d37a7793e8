import autocannon from 'autocannon';
import { cpuTimeMs, databaseCpuMs, machineBusyMs, machineStealMs } from './process-stats';

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
  /** Of which PostgreSQL's processes (every one on the machine). */
  databaseCpuMsPerRequest: number | null;
  /** Of which the load generator (autocannon, in this process). */
  loadGeneratorCpuMsPerRequest: number | null;
  /** Time the hypervisor gave to other guests, per request: counted as busy above; high means noise. */
  stealMsPerRequest: number | null;
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
  const databaseBefore = databaseCpuMs();
  const stealBefore = machineStealMs();
  const loadBefore = process.cpuUsage();
  const result = await autocannon({ url, connections, duration: seconds, requests });
  const cpuAfter = cpuTimeMs(serverPid);
  const machineAfter = machineBusyMs();
  const databaseAfter = databaseCpuMs();
  const stealAfter = machineStealMs();
  const load = process.cpuUsage(loadBefore);
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
    databaseCpuMsPerRequest: perRequest(databaseBefore, databaseAfter),
    loadGeneratorCpuMsPerRequest: perRequest(0, (load.user + load.system) / 1000),
    stealMsPerRequest: perRequest(stealBefore, stealAfter),
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

/**
 * Two servers measured in turns: each warmed up, then `slices` rounds of `duration / slices` seconds
 * of one and then the other. On a machine whose speed drifts over tens of seconds (a shared VM), one
 * 20 s run of each in a row puts the drift into their ratio; in turns, both see the same windows.
 * The figures of each server are over all its slices: requests and CPU summed (per request over the
 * total), p50 the request-weighted mean of the slices' p50s (autocannon's histograms are not merged),
 * p99 the worst slice's. With `slices` 1 this is warmThenMeasure of one, then of the other.
 */
export async function warmThenMeasureInTurns(
  servers: [LoadServer, LoadServer],
  load: Omit<LoadProfile, 'url'>,
  requests: (run: 0 | 1) => LoadRequest[],
  slices: number,
): Promise<[Measurement, Measurement]> {
  if (slices <= 1) {
    const measured: Measurement[] = [];
    for (const server of servers) {
      const { measurement } = await warmThenMeasure({ ...load, url: server.url }, requests, {
        serverPid: server.pid,
      });
      measured.push(measurement);
    }
    return [measured[0], measured[1]];
  }
  for (const server of servers) {
    if (load.warmup > 0) await runLoad(server.url, load.connections, load.warmup, requests(0));
  }
  const seconds = Math.max(1, Math.round(load.duration / slices));
  const runs: [Measurement[], Measurement[]] = [[], []];
  for (let slice = 0; slice < slices; slice++) {
    for (const [i, server] of servers.entries()) {
      const { measurement } = await runLoad(server.url, load.connections, seconds, requests(1), server.pid);
      runs[i].push(measurement);
    }
  }
  return [combineSlices(runs[0], seconds * slices), combineSlices(runs[1], seconds * slices)];
}

export interface LoadServer {
  url: string;
  pid?: number;
}

/** One server's figures over its slices (see warmThenMeasureInTurns). */
export function combineSlices(slices: Measurement[], seconds: number): Measurement {
  const requests = slices.reduce((sum, m) => sum + m.requests, 0);
  const perRequest = (pick: (m: Measurement) => number | null): number | null => {
    if (requests === 0 || slices.some((m) => pick(m) === null)) return null;
    return round(slices.reduce((sum, m) => sum + (pick(m) as number) * m.requests, 0) / requests, 3);
  };
  return {
    reqPerSec: Math.round(requests / seconds),
    p50Ms: requests === 0 ? 0 : round(slices.reduce((sum, m) => sum + m.p50Ms * m.requests, 0) / requests),
    p99Ms: Math.max(...slices.map((m) => m.p99Ms)),
    errors: slices.reduce((sum, m) => sum + m.errors, 0),
    non2xx: slices.reduce((sum, m) => sum + m.non2xx, 0),
    requests,
    cpuMsPerRequest: perRequest((m) => m.cpuMsPerRequest),
    machineCpuMsPerRequest: perRequest((m) => m.machineCpuMsPerRequest),
    databaseCpuMsPerRequest: perRequest((m) => m.databaseCpuMsPerRequest),
    loadGeneratorCpuMsPerRequest: perRequest((m) => m.loadGeneratorCpuMsPerRequest),
    stealMsPerRequest: perRequest((m) => m.stealMsPerRequest),
  };
}
