import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { round } from './load';

/** One target of PERFORMANCE.md as checked by a run: the figure, the bound, and whether it holds. */
export interface TargetCheck {
  met: boolean;
  target: string;
  value: number | null;
}

export const atLeast = (value: number | null, min: number, unit = ''): TargetCheck => ({
  met: value !== null && value >= min,
  target: `>= ${min}${unit}`,
  value,
});

export const atMost = (value: number | null, max: number, unit = ''): TargetCheck => ({
  met: value !== null && value <= max,
  target: `<= ${max}${unit}`,
  value,
});

export const below = (value: number | null, max: number, unit = ''): TargetCheck => ({
  met: value !== null && value < max,
  target: `< ${max}${unit}`,
  value,
});

export const exactly = (value: number | null, expected: number, unit = ''): TargetCheck => ({
  met: value === expected,
  target: `= ${expected}${unit}`,
  value,
});

export function missedTargets(targets: Record<string, TargetCheck>): string[] {
  return Object.entries(targets)
    .filter(([, check]) => !check.met)
    .map(([name]) => name);
}

/** The machine the figures come from. */
export function machineInfo(): {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
} {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** Writes the run's JSON (bench-results/ is gitignored: the figures are machine-specific) and prints it. */
export function writeResults(file: string, report: unknown): void {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, json);
  process.stdout.write(json);
}

/** A left-aligned text table on stderr, first row the header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    process.stderr.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
  }
}
