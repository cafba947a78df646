import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../lib/common/logger.js';
import { DEFAULT_PARTIALS_PREFIX } from '../lib/pipeline/constants.js';
import type { SummarizeOcpMonthDeps } from '../lib/pipeline/summarizeOcpMonth.js';
import { LocalObjectStore } from '../lib/store/index.js';
import { consoleLogger, type LogLevel } from './consoleLogger.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { findMonthDays, noDataMessage, type MonthDays, type MonthSelection, type SourceData } from './monthDays.js';

/** `--db` and `--data-dir`: which PostgreSQL to use (see `openDatabase`). */
export interface DatabaseLocation {
  db?: string;
  dataDir: string;
}

/** What the month summarisers (OCP, OCP on AWS) take alike from a CLI run. */
export type MonthRunDeps = Pick<SummarizeOcpMonthDeps, 'pool' | 'dataStore' | 'partialStore' | 'partialsPrefix' | 'schema' | 'logger' | 'createReportPeriods'>;

/** What a summarise command's own work gets from `runSummarize`. */
export interface SummarizeRun {
  /** The days to summarise; never empty. */
  found: MonthDays;
  db: OpenDatabase;
  /** Where this run's day partials go; they only live as long as the run. */
  partialDir: string;
  logger: Logger;
  /** When the command started (ms), for the elapsed time it reports. */
  started: number;
  /** Partials in `partialDir` under the default prefix; report periods created, as a standalone run has no Koku to do it. */
  monthDeps: MonthRunDeps;
}

/** Where a command's lines go unless a caller (a test) collects them. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * The frame both summarise commands run `work` in. Without a day to summarise it says so and returns exit code 1
 * before touching the database; otherwise the database and a fresh partials directory are released however `work` ends.
 */
export async function runSummarize(
  opts: MonthSelection & DatabaseLocation & { logLevel: LogLevel },
  source: { data: SourceData; providerUuid: string },
  out: (line: string) => void,
  work: (run: SummarizeRun) => Promise<number>,
): Promise<number> {
  const started = Date.now();
  const logger = consoleLogger(opts.logLevel);
  const found = await findMonthDays(opts, source.data, source.providerUuid);
  if (found.days.length === 0) {
    out(noDataMessage(found));
    return 1;
  }
  const db = await openDatabase({ db: opts.db, dataDir: opts.dataDir, logger });
  const partialDir = mkdtempSync(join(tmpdir(), 'koku-agg-partials-'));
  try {
    out(`database: ${db.where}`);
    const monthDeps: MonthRunDeps = {
      pool: db.pool,
      dataStore: found.dataStore,
      partialStore: new LocalObjectStore(partialDir),
      partialsPrefix: DEFAULT_PARTIALS_PREFIX,
      schema: opts.schema,
      logger,
      createReportPeriods: true,
    };
    return await work({ found, db, partialDir, logger, started, monthDeps });
  } finally {
    rmSync(partialDir, { recursive: true, force: true });
    await db.close();
  }
}
