/** `"role" IN ('customer', 'admin')`: the CHECK expression that pins a text column to a string union. */
export function sqlIn(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/** created_at/updated_at column options shared by every table (timestamptz, set by the database). */
export const TIMESTAMPTZ = { type: 'timestamptz' } as const;
