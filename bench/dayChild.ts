/**
 * Child process: one OCP day task (`runBenchDayTask`) over a LocalObjectStore, in a fresh process so its peak RSS is
 * its own, then `warm` more times in the same process (`warmRuns`). Prints one JSON line (`DayResult`).
 * argv: <dataDir> <day> [warm] [read latency ms]: with a latency, every listing and ranged read of the input objects
 * waits that long first, as S3 round trips do (`withReadLatency`).
 */
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { ensureParquetWasm, snappyBackend } from '../lib/parquet/index.js';
import { MemoryObjectStore } from '../lib/store/index.js';
import { runBenchDayTask } from './benchDayTask.js';
import { cpuMsSince, peakRssMb } from './processStats.js';
import type { DayResult } from './types.js';
import { warmRuns } from './warmRuns.js';

const [dataDir, day, warmArg = '0', latencyArg = '0'] = process.argv.slice(2);
if (!dataDir || !day) throw new Error('usage: dayChild <dataDir> <YYYY-MM-DD> [warm runs] [read latency ms]');
const readLatencyMs = Number(latencyArg);

// Module loading (and the wasm compile, like DuckDB's native library load) is not part of the measured task.
ensureParquetWasm();
const partialStore = new MemoryObjectStore('partials');
const cpu = process.cpuUsage();
const started = performance.now();
const { manifest, inputRows, phasesMs } = await runBenchDayTask(dataDir, day, partialStore, { readLatencyMs });
const wallMs = performance.now() - started;
const cpuMs = cpuMsSince(cpu);
const rssMb = peakRssMb();
const podRows = (await readOcpPartialRows(partialStore, manifest)).rows.filter((r) => r.data_source === 'Pod').length;
const { warmValue: warmPhasesMs, ...warm } = await warmRuns(Number(warmArg), async () => {
  return (await runBenchDayTask(dataDir, day, new MemoryObjectStore('partials'), { readLatencyMs })).phasesMs;
});
const result: DayResult = {
  engine: 'ts',
  wallMs,
  cpuMs,
  peakRssMb: rssMb,
  inputRows,
  outputRows: manifest.rowCount,
  podRows,
  snappy: snappyBackend,
  ...(readLatencyMs > 0 ? { readLatencyMs } : {}),
  phasesMs,
  ...warm,
  warmPhasesMs,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
