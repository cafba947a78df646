/**
 * `npm run bench [-- flags]`: the day aggregation at several sizes, TypeScript (`runOcpDayTask`) beside DuckDB on the
 * same Koku-layout files, each run in a fresh child process (honest peak RSS); then a 30-day month end to end through
 * the CLI into PostgreSQL. Prints a Markdown table and writes bench/results/<timestamp>.json. See bench/README.md.
 */
import { CommanderError } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DAY } from './constants.js';
import { runE2eMonth } from './e2eMonth.js';
import { ensureBenchData } from './ensureBenchData.js';
import { ensureDuckdbInstalled } from './loadDuckdb.js';
import { parseBenchOptions } from './options.js';
import type { BenchOptions } from './options.js';
import { renderChecks, renderDayPhases, renderDayTable, renderReport } from './renderResults.js';
import { lastJsonLine, nodeVersionOf, runBundledChild } from './runChild.js';
import type { BenchReport, ByThreads, DayResult, ParityChecks, SizeResult } from './types.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    host: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      // The Node that runs the measured children (`--node`); the bench itself may run on another.
      node: nodeVersionOf(options.node),
      loadAverage: loadavg(),
      totalMemMb: Math.round(totalmem() / 2 ** 20),
    },
    children: 'bundle',
    options: { ...options, databaseUrl: options.databaseUrl ? '(set)' : undefined },
    sizes: [],
    e2e: null,
  };
  const out = options.out ?? join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const save = () => {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  };

  if (options.duckdb && (options.day || (options.e2e && options.check))) ensureDuckdbInstalled();
  if (options.day) {
    for (const rows of options.sizes) {
      report.sizes.push(await benchSize(options, rows));
      save();
      log(`\n${renderDayTable(report.sizes, options.duckdb ? options.threads : [])}\n\n${renderDayPhases(report.sizes)}\n${renderChecks(report.sizes)}`);
    }
  }
  if (options.e2e) {
    report.e2e = await runE2eMonth({
      cacheRoot: options.cacheDir,
      rowsPerDay: options.e2eRowsPerDay,
      seed: options.seed,
      workers: options.e2eWorkers,
      commitConcurrency: options.e2eCommitConcurrency,
      databaseUrl: options.databaseUrl,
      node: options.node,
      check: options.duckdb && options.check,
      log,
    });
    if (report.e2e.exitCode !== 0) {
      log(`end-to-end run exited ${report.e2e.exitCode}:\n${report.e2e.outputTail}`);
      process.exitCode = 1;
    }
    save();
  }
  process.stdout.write(`${renderReport(report)}\n\nresults: ${out}\n`);
  const disagreeing = report.sizes.filter((size) => Object.values(size.checks ?? {}).some((check) => !check.agree));
  if (disagreeing.length > 0) {
    log(`PARITY CHECK FAILED: the TS rows differ from DuckDB's at ${disagreeing.map((size) => size.hourlyPodRows).join(', ')} hourly pod rows (see above)`);
    process.exitCode = 1;
  }
  const month = report.e2e?.check;
  if (month && !(month.pod.agree && month.storage.agree && month.unallocated.agree)) {
    log("PARITY CHECK FAILED: the month's rows in PostgreSQL differ from DuckDB's (see above)");
    process.exitCode = 1;
  }
}

/** One size: runs TS and DuckDB (each thread count) `repeat` times, interleaved, and keeps the medians. */
async function benchSize(options: BenchOptions, rows: number): Promise<SizeResult> {
  const data = await ensureBenchData({ cacheRoot: options.cacheDir, kind: 'day', rowsPerDay: rows, seed: options.seed, days: [BENCH_DAY], parallel: 1, log });
  const runs: SizeResult['runs'] = { ts: [], duckdb: {} };
  const child = { node: options.node };
  for (let r = 0; r < options.repeat; r++) {
    log(`${rows.toLocaleString('en-US')} rows, run ${r + 1}/${options.repeat}: TypeScript day task`);
    runs.ts.push(lastJsonLine<DayResult>(await runBundledChild('dayChild.ts', [data.dir, BENCH_DAY, String(options.warm)], child), 'TypeScript day task'));
    if (options.readLatencyMs > 0) {
      log(`${rows.toLocaleString('en-US')} rows, run ${r + 1}/${options.repeat}: TypeScript day task, ${options.readLatencyMs} ms per read`);
      const outcome = await runBundledChild('dayChild.ts', [data.dir, BENCH_DAY, String(options.warm), String(options.readLatencyMs)], child);
      (runs.tsWithLatency ??= []).push(lastJsonLine<DayResult>(outcome, 'TypeScript day task with read latency'));
    }
    if (!options.duckdb) continue;
    for (const query of options.queries) {
      for (const t of options.threads) {
        const what = `DuckDB ${query} query, threads=${t}`;
        log(`${rows.toLocaleString('en-US')} rows, run ${r + 1}/${options.repeat}: ${what}`);
        const result = lastJsonLine<DayResult>(await runBundledChild('duckdbChild.ts', [data.dir, BENCH_DAY, String(t), String(options.warm), query], child), what);
        const byThreads = query === 'raw' ? runs.duckdb : ((runs.duckdbLabelled ??= {})[query] ??= {});
        (byThreads[`threads${t}`] ??= []).push(result);
      }
    }
  }
  let checks: ParityChecks | undefined;
  if (options.duckdb && options.check) {
    log(`${rows.toLocaleString('en-US')} rows: TS rows against DuckDB's (Pod: koku and trino queries; Storage), row by row`);
    checks = lastJsonLine<ParityChecks>(await runBundledChild('checkChild.ts', [data.dir, BENCH_DAY], child), 'parity check');
  }
  const medians = (byThreads: Record<string, DayResult[]>) => {
    const out: ByThreads = {};
    for (const [key, list] of Object.entries(byThreads)) out[key as `threads${number}`] = median(list);
    return out;
  };
  const labelled = runs.duckdbLabelled
    ? Object.fromEntries(Object.entries(runs.duckdbLabelled).map(([query, byThreads]) => [query, medians(byThreads)]))
    : undefined;
  return {
    hourlyPodRows: data.rows['pod_usage.hourly'] ?? 0,
    pods: data.pods,
    dataBytes: data.bytes,
    objects: data.objects,
    ts: median(runs.ts),
    ...(runs.tsWithLatency ? { tsWithLatency: median(runs.tsWithLatency) } : {}),
    duckdb: medians(runs.duckdb),
    ...(labelled ? { duckdbLabelled: labelled } : {}),
    ...(checks ? { checks } : {}),
    runs,
  };
}

/** The run with the median cold wall time, carrying the median of the runs' warm figures (taken on their own). */
function median(results: DayResult[]): DayResult {
  const middle = <T,>(list: T[]) => list[Math.floor((list.length - 1) / 2)];
  const cold = middle([...results].sort((a, b) => a.wallMs - b.wallMs)) as DayResult;
  const warm = middle(results.filter((r) => r.warmWallMs !== undefined).sort((a, b) => (a.warmWallMs as number) - (b.warmWallMs as number)));
  return { ...cold, warmWallMs: warm?.warmWallMs, warmCpuMs: warm?.warmCpuMs, warmPhasesMs: warm?.warmPhasesMs };
}

main().catch((err: unknown) => {
  // `--help` (exit code 0) or a bad flag (1): commander has already printed the help or the one-line error.
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
    return;
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
