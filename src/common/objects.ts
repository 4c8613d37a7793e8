/**
 * The listed fields of `source` that are present (not `undefined`): what a PATCH body asks to change.
 * `null` is kept, as it is a value to set.
 */
export function definedFields<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    if (source[key] !== undefined) picked[key] = source[key];
  }
  return picked;
}
