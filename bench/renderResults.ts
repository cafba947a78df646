import type { RowsComparison } from './compareRows.js';
import { CHECK_SUMMARY_CONFIG } from './constants.js';
import type { BenchReport, ByThreads, DayResult, LabelledQuery, ParityChecks, SizeResult } from './types.js';

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(0));
const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(n));

/**
 * The day benchmark as Markdown tables (what bench/README.md shows): the TS task beside DuckDB's `raw` query, then
 * beside each of the `koku` and `trino` queries that ran (the same Pod rows as the TS task, labels as Koku).
 */
export function renderDayTable(sizes: readonly SizeResult[], threads: readonly number[]): string {
  const warm = sizes.some((size) => size.ts.warmWallMs !== undefined);
  const latency = sizes.find((size) => size.tsWithLatency)?.tsWithLatency?.readLatencyMs;
  const slow = latency === undefined ? [] : [`TS, ${latency} ms a read: s`, ...(warm ? [`warm: TS, ${latency} ms a read: s`] : [])];
  const header = ['hourly pod rows', 'rows read', 'out rows (Pod)', 'TS wall s', 'TS CPU s', 'TS rows/s', 'TS peak RSS MB', ...(warm ? ['warm: TS s'] : []), ...slow, ...duckdbHeader('DuckDB', threads, warm)];
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
    cells.push(...duckdbCells(ts, size.duckdb, threads, warm));
    lines.push(row(cells));
  }
  const tables = [lines.join('\n')];
  for (const query of LABELLED_QUERIES) {
    if (sizes.some((size) => Object.keys(size.duckdbLabelled?.[query] ?? {}).length > 0)) tables.push(renderLabelledTable(sizes, query, threads, warm));
  }
  return tables.join('\n\n');
}

const LABELLED_QUERIES: readonly LabelledQuery[] = ['koku', 'trino'];
const LABELLED_NAMES: Record<LabelledQuery, string> = { koku: 'DuckDB as Koku', trino: 'DuckDB as Trino' };

/** The TS task beside a DuckDB query that computes the same Pod rows (labels as Koku). */
function renderLabelledTable(sizes: readonly SizeResult[], query: LabelledQuery, threads: readonly number[], warm: boolean): string {
  const header = ['hourly pod rows', 'Pod rows: TS / DuckDB', 'TS wall s', ...(warm ? ['warm: TS s'] : []), ...duckdbHeader(LABELLED_NAMES[query], threads, warm)];
  const lines = [row(header), row(header.map(() => '---'))];
  for (const size of sizes) {
    const ts = size.ts;
    const byThreads = size.duckdbLabelled?.[query] ?? {};
    const duck = Object.values(byThreads)[0];
    const cells = [count(size.hourlyPodRows), `${count(ts.podRows)} / ${duck ? count(duck.podRows) : '–'}`, s(ts.wallMs), ...(warm ? [optional(ts.warmWallMs)] : [])];
    lines.push(row([...cells, ...duckdbCells(ts, byThreads, threads, warm)]));
  }
  return lines.join('\n');
}

function duckdbHeader(name: string, threads: readonly number[], warm: boolean): string[] {
  return threads.flatMap((t) => [`${name} ${t}T s`, `${name} ${t}T MB`, `TS ÷ ${name} ${t}T`, ...(warm ? [`warm: ${name} ${t}T s`, `warm: TS ÷ ${name} ${t}T`] : [])]);
}

function duckdbCells(ts: DayResult, byThreads: ByThreads, threads: readonly number[], warm: boolean): string[] {
  return threads.flatMap((t) => {
    const d = byThreads[`threads${t}`];
    return [d ? s(d.wallMs) : '–', d ? mb(d.peakRssMb) : '–', d ? ratio(ts.wallMs, d.wallMs) : '–', ...(warm ? [optional(d?.warmWallMs), ratio(ts.warmWallMs, d?.warmWallMs)] : [])];
  });
}

/** One line per size and check: do the TS task's rows equal DuckDB's, row by row? */
export function renderChecks(sizes: readonly SizeResult[]): string {
  const against: Record<keyof ParityChecks, string> = {
    koku: `Pod rows, TS against ${LABELLED_NAMES.koku}`,
    trino: `Pod rows, TS against ${LABELLED_NAMES.trino}`,
    storage: 'Storage rows, TS against DuckDB (Koku\'s Storage SQL)',
  };
  const lines = sizes.flatMap((size) =>
    (Object.keys(against) as Array<keyof ParityChecks>).flatMap((name) => {
      const c = size.checks?.[name];
      return c ? [renderCheck(`${against[name]} at ${count(size.hourlyPodRows)} rows:`, c)] : [];
    }),
  );
  if (lines.length === 0) return '';
  const { enabledKeys, costCategories } = CHECK_SUMMARY_CONFIG;
  const settings = `Parity check (enabled keys ${enabledKeys.join(', ')}; cost categories ${costCategories.map((c) => `'${c.pattern}'`).join(', ')}):`;
  return [settings, ...lines].join('\n');
}

function renderCheck(head: string, c: RowsComparison): string {
  if (c.agree) {
    const absolute = c.absoluteTolerance > 0 ? `, largest absolute ${c.largestAbsoluteDifference.toExponential(1)}` : '';
    return `${head} all ${c.matched.toLocaleString('en-US')} equal (largest relative difference ${c.largestRelativeDifference.toExponential(1)}${absolute})`;
  }
  const lists = [
    ...c.missing.rows.map((r) => `  only in DuckDB: ${r}`),
    ...c.extra.rows.map((r) => `  only in TS: ${r}`),
    ...c.duplicates.rows.map((r) => `  on two rows of one side: ${r}`),
    ...c.differences.first.map((d) => `  ${d.column}: TS ${String(d.ours)}, DuckDB ${String(d.reference)} in ${d.row}`),
  ];
  return [
    `${head} DIFFER: ${c.ours} TS rows, ${c.reference} DuckDB rows, ${c.matched} paired; ${c.missing.count} only in DuckDB, ${c.extra.count} only in TS, ` +
      `${c.duplicates.count} duplicate keys, ${c.differences.count} values beyond ${c.tolerance} relative${c.absoluteTolerance > 0 ? ` and ${c.absoluteTolerance} absolute` : ''}`,
    ...lists,
  ].join('\n');
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
  if (report.sizes.length > 0) {
    out.push(renderDayTable(report.sizes, report.options.duckdb ? threads : []), '', renderDayPhases(report.sizes));
    const checks = renderChecks(report.sizes);
    if (checks !== '') out.push('', checks);
  }
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
    if (e.check) {
      const c = e.check;
      out.push(
        `Parity check, ${c.from} to ${c.to} in PostgreSQL against DuckDB (enabled keys ${c.enabledKeys.join(', ') || 'none'}; cost categories ${c.costCategoryPatterns.map((p) => `'${p}'`).join(', ') || 'none'}):`,
        renderCheck('Pod rows:', c.pod),
        renderCheck('Storage rows:', c.storage),
        renderCheck('Unallocated rows:', c.unallocated),
      );
    }
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
