import { Counter, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached catalog page to a checkout waiting for Stripe. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Requests that matched no route share one label value: a raw URL would be unbounded cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface HttpMetrics {
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
  /** One series per process: shows which worker answered (WEB_CONCURRENCY). */
  perProcess: Counter<'pid'>;
}

export function createHttpMetrics(registry: Registry): HttpMetrics {
  return {
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    perProcess: new Counter({
      name: 'commerce_process_http_requests_total',
      help: 'HTTP requests answered by each process (pid): with WEB_CONCURRENCY, one series per worker',
      labelNames: ['pid'],
      registers: [registry],
    }),
  };
}
