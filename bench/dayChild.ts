/**
 * Child process: one OCP day task (`runOcpDayTask`: list, read, aggregate, write the partial) over a LocalObjectStore,
 * in a fresh process so its peak RSS is its own, then `warm` more times in the same process (`warmRuns`). Prints one
 * JSON line (`DayResult`). argv: <dataDir> <day> [warm] [read latency ms]: with a latency, every listing and ranged read
 * of the input objects waits that long first, as S3 round trips do (`withReadLatency`).
 */
import { runOcpDayTask } from '../lib/pipeline/ocpDayTask.js';
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { ensureParquetWasm, snappyBackend } from '../lib/parquet/index.js';
import { LocalObjectStore, MemoryObjectStore } from '../lib/store/index.js';
import { BENCH_ACCOUNT, BENCH_ENABLED_KEYS, BENCH_PROVIDER_UUID } from './constants.js';
import { withReadLatency } from './latencyObjectStore.js';
import { cpuMsSince, peakRssMb } from './processStats.js';
import type { DayResult } from './types.js';
import { warmRuns } from './warmRuns.js';

const [dataDir, day, warmArg = '0', latencyArg = '0'] = process.argv.slice(2);
if (!dataDir || !day) throw new Error('usage: dayChild <dataDir> <YYYY-MM-DD> [warm runs] [read latency ms]');
const readLatencyMs = Number(latencyArg);
const [year, month] = day.split('-').map(Number) as [number, number];

// Module loading (and the wasm compile, like DuckDB's native library load) is not part of the measured task.
ensureParquetWasm();
let inputRows = 0;
let phasesMs: Record<string, number> | undefined;
const dayTask = (partialStore: MemoryObjectStore) =>
  runOcpDayTask(
    {
      dataStore: readLatencyMs > 0 ? withReadLatency(new LocalObjectStore(dataDir), readLatencyMs) : new LocalObjectStore(dataDir),
      partialStore,
      partialsPrefix: 'partials/',
      config: { enabledKeys: BENCH_ENABLED_KEYS, costCategories: [] },
      logger: {
        debug() {},
        info(message, extra) {
          if (message !== 'day summarised') return;
          inputRows = Number(extra?.inputRows ?? 0);
          phasesMs = extra?.phasesMs as Record<string, number> | undefined;
        },
        warn() {},
        error() {},
      },
    },
    { account: BENCH_ACCOUNT, providerType: 'OCP', providerUuid: BENCH_PROVIDER_UUID, year, month, day },
  );
const partialStore = new MemoryObjectStore('partials');
const cpu = process.cpuUsage();
const started = performance.now();
const manifest = await dayTask(partialStore);
const coldPhasesMs = phasesMs;
const wallMs = performance.now() - started;
const cpuMs = cpuMsSince(cpu);
const rssMb = peakRssMb();
const podRows = (await readOcpPartialRows(partialStore, manifest)).rows.filter((r) => r.data_source === 'Pod').length;
const { warmValue: warmPhasesMs, ...warm } = await warmRuns(Number(warmArg), async () => {
  await dayTask(new MemoryObjectStore('partials'));
  return phasesMs;
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
  phasesMs: coldPhasesMs,
  ...warm,
  warmPhasesMs,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
