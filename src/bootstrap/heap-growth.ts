import { setFlagsFromString } from 'node:v8';

/**
 * HEAP_GROWING_PERCENT. Under load most of what a request allocates dies young, but what is still in
 * flight at a scavenge is promoted, and V8 lets the old generation grow to up to four times what its
 * last full collection kept before collecting again: an idle 150 MB process reached 300–310 MB serving
 * 900 catalog pages a second. At 100 (twice the live size) the same load peaks near 210 MB for the same
 * throughput (docs/benchmarks.md, 2026-12-02). V8 reads the flag whenever it sizes the heap, so setting
 * it at start-up, before the app allocates much, is enough; 0 keeps V8's own choice.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
