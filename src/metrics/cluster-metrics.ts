import cluster, { Worker } from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

/**
 * WEB_CONCURRENCY > 1: a scrape lands on whichever worker accepted the connection, so that worker
 * asks the primary, which gathers every worker's registry (prom-client's AggregatorRegistry, over
 * the cluster IPC channel) and answers with the sum: one scrape, the whole instance.
 */
const REQUEST = 'commerce:metrics-request';
const RESPONSE = 'commerce:metrics-response';
/** Below prom-client's own 5 s per-aggregation timeout, plus the hop back. */
const WORKER_WAIT_MS = 6000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** Primary: answers workers' metrics requests with the aggregate of all workers. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isMessage<MetricsRequest>(message, REQUEST)) return;
    aggregator.clusterMetrics().then(
      (text) => reply(worker, { type: RESPONSE, id: message.id, text }),
      (error: unknown) =>
        reply(worker, {
          type: RESPONSE,
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}

function reply(worker: Worker, response: MetricsResponse): void {
  if (worker.isConnected()) worker.send(response);
}

/** Worker: lets the primary read `registry`; returns a function that fetches the aggregate. */
export function joinClusterMetrics(registry: Registry): () => Promise<string> {
  // Constructing one installs prom-client's worker-side listener; setRegistries says what it reads.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let nextId = 0;
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        process.off('message', onMessage);
        reject(new Error(`the primary did not answer within ${WORKER_WAIT_MS} ms`));
      }, WORKER_WAIT_MS);
      const onMessage = (message: unknown): void => {
        if (!isMessage<MetricsResponse>(message, RESPONSE) || message.id !== id) return;
        clearTimeout(timer);
        process.off('message', onMessage);
        if (message.text !== undefined) resolve(message.text);
        else reject(new Error(message.error ?? 'no metrics'));
      };
      process.on('message', onMessage);
      process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
    });
}

/** Whether this process is a worker of the app's own cluster (src/bootstrap/cluster.ts forks them). */
export function isClusterWorker(): boolean {
  return cluster.isWorker && process.send !== undefined;
}
