/**
 * One OCP day task (`runOcpDayTask`: list, read, aggregate, write the partial) over a bench data set, configured as
 * the day benchmark runs it (its source, account and enabled keys). Shared by the timing child and the parity check.
 */
import { runOcpDayTask } from '../lib/pipeline/ocpDayTask.js';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';
import type { PartialManifest } from '../lib/pipeline/types.js';
import { LocalObjectStore } from '../lib/store/index.js';
import type { MemoryObjectStore, ObjectStore } from '../lib/store/index.js';
import { BENCH_ACCOUNT, BENCH_PROVIDER_UUID, BENCH_SUMMARY_CONFIG } from './constants.js';
import { withReadLatency } from './latencyObjectStore.js';

export interface BenchDayTaskRun {
  manifest: PartialManifest;
  /** Hourly and daily input rows the task read (its `day summarised` log line). */
  inputRows: number;
  /** Where the task's time went (list, read, summarise, partial), from the same line. */
  phasesMs: Record<string, number> | undefined;
}

/**
 * Runs the day task on `dataDir`'s files, writing the partial to `partialStore`. `readLatencyMs` > 0 delays reads;
 * `config` replaces the bench's Koku settings (the parity check varies them).
 */
export async function runBenchDayTask(
  dataDir: string,
  day: string,
  partialStore: MemoryObjectStore,
  options: { readLatencyMs?: number; config?: OcpSummaryConfig } = {},
): Promise<BenchDayTaskRun> {
  const readLatencyMs = options.readLatencyMs ?? 0;
  const [year, month] = day.split('-').map(Number) as [number, number];
  let inputRows = 0;
  let phasesMs: Record<string, number> | undefined;
  const local: ObjectStore = new LocalObjectStore(dataDir);
  const manifest = await runOcpDayTask(
    {
      dataStore: readLatencyMs > 0 ? withReadLatency(local, readLatencyMs) : local,
      partialStore,
      partialsPrefix: 'partials/',
      config: options.config ?? BENCH_SUMMARY_CONFIG,
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
  return { manifest, inputRows, phasesMs };
}
