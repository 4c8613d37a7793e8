/**
 * Command-line options of the bench scripts: each declares its options (camelCase keys, given as
 * `--kebab-case` flags) with their defaults and bounds; anything else is a usage error, so that a typo
 * cannot silently run the full profile.
 */
export type OptionSpec =
  | { readonly type: 'integer'; readonly default: number; readonly min: number; readonly max: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'string'; readonly default?: string }
  | { readonly type: 'choice'; readonly default: string; readonly choices: readonly string[] };

type ValueOf<S extends OptionSpec> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C
      : S extends { type: 'string'; default: string }
        ? string
        : string | undefined;

export type ParsedOptions<T extends Record<string, OptionSpec>> = { [K in keyof T]: ValueOf<T[K]> };

const flagOf = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function describe(key: string, spec: OptionSpec): string {
  switch (spec.type) {
    case 'integer':
      return `[${flagOf(key)} n]`;
    case 'boolean':
      return `[${flagOf(key)}]`;
    case 'choice':
      return `[${flagOf(key)} ${spec.choices.join('|')}]`;
    case 'string':
      return `[${flagOf(key)} value]`;
  }
}

export function parseOptions<T extends Record<string, OptionSpec>>(
  command: string,
  argv: string[],
  specs: T,
): ParsedOptions<T> {
  const values: Record<string, number | boolean | string | undefined> = {};
  const byFlag = new Map<string, [string, OptionSpec]>();
  for (const [key, spec] of Object.entries(specs)) {
    values[key] = spec.type === 'boolean' ? false : spec.default;
    byFlag.set(flagOf(key), [key, spec]);
  }
  const usage = (problem: string): Error =>
    new Error(
      `Usage: ${command} -- ${Object.entries(specs)
        .map(([key, spec]) => describe(key, spec))
        .join(' ')} (${problem})`,
    );
  for (let i = 0; i < argv.length; i++) {
    const entry = byFlag.get(argv[i]);
    if (!entry) throw usage(`unknown option ${argv[i]}`);
    const [key, spec] = entry;
    if (spec.type === 'boolean') {
      values[key] = true;
      continue;
    }
    const raw = argv[++i];
    if (raw === undefined) throw usage(`${argv[i - 1]} takes a value`);
    if (spec.type === 'integer') {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
        throw usage(`${argv[i - 1]} takes an integer from ${spec.min} to ${spec.max}`);
      }
      values[key] = n;
    } else if (spec.type === 'choice') {
      if (!spec.choices.includes(raw)) throw usage(`${argv[i - 1]} takes ${spec.choices.join(' or ')}`);
      values[key] = raw;
    } else {
      values[key] = raw;
    }
  }
  return values as ParsedOptions<T>;
}
