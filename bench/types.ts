import type { RowsComparison } from './compareRows.js';
import type { PodRowsQuery } from './podRowsSql.js';

/** What a day child (TypeScript or DuckDB) reports for one run. */
export interface DayResult {
  engine: 'ts' | 'duckdb';
  /** DuckDB: which query ran (`bench/podRowsSql.ts`); runs before session 10 ran `raw` and do not say. */
  query?: PodRowsQuery;
  threads?: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** Rows read from Parquet (TS: every input of the day task; DuckDB: the rows its scans returned after filters). */
  inputRows: number;
  /** TS: Pod + Storage rows of the partial; DuckDB: Pod rows. */
  outputRows: number;
  podRows: number;
  /** TS: which Snappy decoder ran (`native` package or our JS fallback). */
  snappy?: 'native' | 'js';
  /**
   * With `--warm n`: the same work run n more times in the same process after the measured one (JIT compiled, DuckDB
   * instance open), the median wall and CPU of those. What a warm Lambda container or a CLI worker's later days see.
   */
  warmWallMs?: number;
  warmCpuMs?: number;
  /** TS: where the run's time went, from the task's `day summarised` log line (list, read, summarise, partial). */
  phasesMs?: Record<string, number>;
  /** TS with `--warm`: the same for the median warm run. */
  warmPhasesMs?: Record<string, number>;
  /** TS with `--read-latency-ms`: the wait added to every listing and ranged read of the inputs. */
  readLatencyMs?: number;
}

/** The DuckDB queries that compute Koku's Pod rows, labels included. */
export type LabelledQuery = Exclude<PodRowsQuery, 'raw'>;

/** The TS Pod rows against each labelled Pod query's rows, and the TS Storage rows against `storageRowsSql`'s. */
export type ParityChecks = Partial<Record<LabelledQuery | 'storage', RowsComparison>>;

/** The month's parity check: the Pod, Storage and unallocated rows in PostgreSQL after the end-to-end run against DuckDB's. */
export interface MonthParityCheck {
  from: string;
  to: string;
  /** The settings read from the database, which both sides used. */
  enabledKeys: string[];
  costCategoryPatterns: string[];
  pod: RowsComparison;
  storage: RowsComparison;
  unallocated: RowsComparison;
}

/** Median results per DuckDB thread count. */
export type ByThreads = Partial<Record<`threads${number}`, DayResult>>;

/** One size of the day benchmark: the TypeScript day task and DuckDB on the same files. */
export interface SizeResult {
  hourlyPodRows: number;
  pods: number;
  dataBytes: number;
  objects: number;
  ts: DayResult;
  /** With `--read-latency-ms`: the same TS day task with that wait before every read of its inputs. */
  tsWithLatency?: DayResult;
  /** DuckDB's `raw` query (no label filtering or merging), per thread count. */
  duckdb: ByThreads;
  /** DuckDB's other queries that ran (`koku`, `trino`: Koku's Pod rows, labels included), per thread count; since session 10. */
  duckdbLabelled?: Partial<Record<LabelledQuery, ByThreads>>;
  /** The parity check (on by default with DuckDB; `--no-check`): the TS task's rows against DuckDB's, row by row. */
  checks?: ParityChecks;
  /** All repetitions, for the record; the figures above are medians by wall time. */
  runs: { ts: DayResult[]; tsWithLatency?: DayResult[]; duckdb: Record<string, DayResult[]>; duckdbLabelled?: Partial<Record<LabelledQuery, Record<string, DayResult[]>>> };
}

export interface E2eResult {
  rowsPerDay: number;
  days: number;
  hourlyPodRows: number;
  wallMs: number;
  /** From start until the last day task finished (process start, schema setup, 30 day tasks on the workers). */
  dayPhaseMs: number | null;
  /**
   * From then until exit: the finalize work still left (earlier commits overlap the day tasks) and the summary
   * query.
   */
  finalizeMs: number | null;
  /** Mean of the day tasks' own timings (each on a worker thread, two at a time). */
  dayTaskMeanMs: number | null;
  peakRssMb: number | null;
  workers: number;
  /** The CLI's --commit-concurrency when the run set it; null = the CLI default. */
  commitConcurrency: number | null;
  database: string;
  exitCode: number;
  outputTail: string;
  /** The month's rows in PostgreSQL against DuckDB's, row by row (with DuckDB and the check on; since session 10). */
  check?: MonthParityCheck;
}

export interface BenchReport {
  startedAt: string;
  host: { cpus: number; cpuModel: string; node: string; loadAverage: number[]; totalMemMb: number };
  /** How the day and DuckDB children ran: 'bundle' (esbuild, the Lambda's settings; since 2026-11-22 13:35) or 'tsx'. */
  children: 'bundle' | 'tsx';
  options: Record<string, unknown>;
  sizes: SizeResult[];
  e2e: E2eResult | null;
}
