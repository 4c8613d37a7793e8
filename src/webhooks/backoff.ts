/**
 * The pause before the next send after `attempts` failed ones: a random time between 0 and
 * min(cap, base · 2^(attempts−1)) ("full jitter"), so receivers that came back after an outage are
 * not hit by every retry at the same instant.
 */
export function webhookRetryDelayMs(
  attempts: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempts - 1, 40));
  return Math.floor(random() * ceiling);
}
