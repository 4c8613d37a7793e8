/** Longest pause between two runs of a failing subscriber. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * The pause before the next run after `attempts` failed ones: base · 2^(attempts−1), capped, with
 * "equal jitter" (between half and all of it), so subscribers that failed together (a dependency was
 * down) do not all come back at the same instant.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
