import { combineSlices, Measurement } from '../../scripts/bench/load';

const slice = (over: Partial<Measurement>): Measurement => ({
  reqPerSec: 0,
  p50Ms: 10,
  p99Ms: 20,
  errors: 0,
  non2xx: 0,
  requests: 1000,
  cpuMsPerRequest: 0.4,
  machineCpuMsPerRequest: 1,
  databaseCpuMsPerRequest: 0.5,
  loadGeneratorCpuMsPerRequest: 0.1,
  stealMsPerRequest: 0,
  ...over,
});

describe('bench:catalog turns: one server’s figures over its slices', () => {
  it('sums requests and errors, weights per-request CPU and p50 by requests, keeps the worst p99', () => {
    const combined = combineSlices(
      [
        slice({ requests: 1000, cpuMsPerRequest: 0.4, p50Ms: 10, p99Ms: 30, errors: 1 }),
        slice({ requests: 3000, cpuMsPerRequest: 0.2, p50Ms: 20, p99Ms: 25, non2xx: 2 }),
      ],
      8,
    );
    expect(combined).toMatchObject({
      requests: 4000,
      reqPerSec: 500,
      cpuMsPerRequest: 0.25,
      p50Ms: 17.5,
      p99Ms: 30,
      errors: 1,
      non2xx: 2,
      machineCpuMsPerRequest: 1,
    });
  });

  it('a figure unknown in any slice is unknown over all of them', () => {
    const combined = combineSlices([slice({}), slice({ databaseCpuMsPerRequest: null })], 10);
    expect(combined.databaseCpuMsPerRequest).toBeNull();
    expect(combined.cpuMsPerRequest).toBe(0.4);
  });
});
