import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** One line of the benchmark table, as scripts/bench.mjs prints them. */
export interface Row {
  benchmark: string;
  ours: string;
  floor: string;
  ratio: string;
  budget: string;
  verdict: string;
}

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0)} ms`;
export const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en')}/s`;

/** Requests the server logged, by route: how many, and its own time for them (p50/p95). */
export function describeHandled(handled: ReadonlyMap<string, readonly number[]>): string {
  return [...handled]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([route, times]) => `${times.length} × ${route} (${ms(percentile(times, 50))}/${ms(percentile(times, 95))})`)
    .join(', ');
}

export function printRows(rows: readonly Row[]): void {
  const table = [['benchmark', 'Calma', 'floor', 'ratio', 'budget', 'verdict'], ...rows.map((r) => [r.benchmark, r.ours, r.floor, r.ratio, r.budget, r.verdict])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log('\n' + table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
}

/**
 * Prints the rows and writes them, with the figures behind them, to .bench/server-<name>.json,
 * where scripts/bench-server.mjs collects every benchmark's rows into one table at the end.
 */
export function report(name: string, rows: readonly Row[], details: unknown): void {
  printRows(rows);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', `server-${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), rows, details }, null, 2));
}

/** A positive integer from the environment, or the default; anything else stops the run with its name. */
export function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}
