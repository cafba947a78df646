import type { BenchReport, DayResult, SizeResult } from './types.js';

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(0));
const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(n));

/** The day benchmark as a Markdown table (what bench/README.md shows). */
export function renderDayTable(sizes: readonly SizeResult[], threads: readonly number[]): string {
  const warm = sizes.some((size) => size.ts.warmWallMs !== undefined);
  const duck = threads.flatMap((t) => [`DuckDB ${t}T s`, `DuckDB ${t}T MB`, `TS ÷ DuckDB ${t}T`, ...(warm ? [`warm: DuckDB ${t}T s`, `warm: TS ÷ DuckDB ${t}T`] : [])]);
  const latency = sizes.find((size) => size.tsWithLatency)?.tsWithLatency?.readLatencyMs;
  const slow = latency === undefined ? [] : [`TS, ${latency} ms a read: s`, ...(warm ? [`warm: TS, ${latency} ms a read: s`] : [])];
  const header = ['hourly pod rows', 'rows read', 'out rows (Pod)', 'TS wall s', 'TS CPU s', 'TS rows/s', 'TS peak RSS MB', ...(warm ? ['warm: TS s'] : []), ...slow, ...duck];
  const lines = [row(header), row(header.map(() => '---'))];
  for (const size of sizes) {
    const ts = size.ts;
    const cells = [
      count(size.hourlyPodRows),
      count(ts.inputRows),
      `${count(ts.outputRows)} (${count(ts.podRows)})`,
      s(ts.wallMs),
      s(ts.cpuMs),
      count(Math.round(ts.inputRows / (ts.wallMs / 1000))),
      mb(ts.peakRssMb),
      ...(warm ? [optional(ts.warmWallMs)] : []),
    ];
    if (latency !== undefined) {
      cells.push(optional(size.tsWithLatency?.wallMs));
      if (warm) cells.push(optional(size.tsWithLatency?.warmWallMs));
    }
    for (const t of threads) {
      const d: DayResult | undefined = size.duckdb[`threads${t}`];
      cells.push(d ? s(d.wallMs) : '–', d ? mb(d.peakRssMb) : '–', d ? ratio(ts.wallMs, d.wallMs) : '–');
      if (warm) cells.push(optional(d?.warmWallMs), ratio(ts.warmWallMs, d?.warmWallMs));
    }
    lines.push(row(cells));
  }
  return lines.join('\n');
}

/** Where the TS day task's time went at each size (the median runs' `phasesMs`), cold and warm. */
export function renderDayPhases(sizes: readonly SizeResult[]): string {
  const phases = (p: Record<string, number> | undefined) =>
    p === undefined ? '–' : Object.entries(p).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`).join(', ');
  return sizes
    .map((size) => {
      const ts = size.ts;
      const warm = ts.warmPhasesMs === undefined ? '' : `; warm: ${phases(ts.warmPhasesMs)}`;
      return `TS phases at ${count(size.hourlyPodRows)} rows, s: ${phases(ts.phasesMs)}${warm}`;
    })
    .join('\n');
}

export function renderReport(report: BenchReport): string {
  const { host } = report;
  const out: string[] = [`Node ${host.node}, ${host.cpus} × ${host.cpuModel}, load average ${host.loadAverage.map((l) => l.toFixed(2)).join(' ')} at the start`, ''];
  const threads = (report.options.threads as number[] | undefined) ?? [];
  if (report.sizes.length > 0) out.push(renderDayTable(report.sizes, report.options.duckdb ? threads : []), '', renderDayPhases(report.sizes));
  if (report.e2e) {
    const e = report.e2e;
    out.push(
      '',
      `End to end (CLI summarize → PostgreSQL, ${e.database}): ${e.days} days × ${count(e.rowsPerDay)} hourly pod rows ` +
        `(${count(e.hourlyPodRows)} in all), ${e.workers} worker(s), commit concurrency ${e.commitConcurrency ?? 'default'}: ${s(e.wallMs)} s wall, peak RSS ${mb(e.peakRssMb)} MB, exit ${e.exitCode}` +
        (e.dayPhaseMs === null || e.finalizeMs === null
          ? ''
          : `; day tasks done after ${s(e.dayPhaseMs)} s (mean ${s(e.dayTaskMeanMs ?? 0)} s per day on a worker), then ${s(e.finalizeMs)} s more to finish committing into PostgreSQL (earlier days commit while later days run)`),
    );
  }
  return out.join('\n');
}

function optional(ms: number | undefined): string {
  return ms === undefined ? '–' : s(ms);
}

function ratio(ours: number | undefined, theirs: number | undefined): string {
  return ours === undefined || theirs === undefined ? '–' : `${(ours / theirs).toFixed(2)}×`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
