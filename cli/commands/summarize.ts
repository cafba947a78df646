import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { isoDay, daysInMonth } from '../../lib/common/days.js';
import { describeError } from '../../lib/common/errors.js';
import { enableTagKeys, ensureShadowSchema, ensureTenantSchema, readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import { readSummaryTotals } from '../../lib/db/summaryTotals.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { listOcpDaysWithData } from '../../lib/pipeline/dayInputs.js';
import { summarizeOcpMonth } from '../../lib/pipeline/summarizeOcpMonth.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { consoleLogger, type LogLevel } from '../consoleLogger.js';
import { createDayWorkerPool, defaultDayWorkers } from '../dayWorkerPool.js';
import type { DayWorkerData } from '../dayWorker.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import type { DayTask, PartialManifest } from '../../lib/pipeline/types.js';
import type { MonthSelection, SourceData } from '../monthDays.js';
import { openStore } from '../objectStores.js';
import { parsePositiveInt, parseUuid } from '../options.js';
import { printLine, runSummarize, type DatabaseLocation, type SummarizeRun } from '../summarizeRun.js';
import { dataDirOption, daysOption, dbOption, logLevelOption, monthOption, newSummarizeCommand, parseKeyList } from '../summarizeOptions.js';
import { renderSummaryTable } from '../summaryTable.js';

export interface SummarizeOptions extends MonthSelection, DatabaseLocation {
  providerUuid: string;
  clusterId: string;
  clusterAlias?: string;
  workers?: number;
  /** Finalize transactions committing days at the same time, each on its own connection. */
  commitConcurrency?: number;
  /** Shadow mode: write into `<schema><suffix>` (created with the same DDL) and leave `schema`'s tables untouched. */
  shadowSuffix?: string;
  /** Label keys to enable for OCP before summarising (standalone convenience; Koku users enable keys in its UI). */
  enableTagKeys?: string[];
  logLevel: LogLevel;
}

/**
 * Two transactions keep the database busy while the other one waits on its client or commits, and let a server with
 * more cores insert two days at once (finalize locks per source-day). See bench/README.md for what it gains.
 */
const DEFAULT_COMMIT_CONCURRENCY = 2;

const OCP_DATA: SourceData = { providerType: 'OCP', keyDir: 'OCP', listDaysWithData: listOcpDaysWithData };

/** Returns the process exit code: 0 when every day was summarised and committed. */
export async function summarize(opts: SummarizeOptions, out: (line: string) => void = printLine): Promise<number> {
  return runSummarize(opts, { data: OCP_DATA, providerUuid: opts.providerUuid }, out, (run) => summarizeDays(opts, run, out));
}

async function summarizeDays(opts: SummarizeOptions, run: SummarizeRun, out: (line: string) => void): Promise<number> {
  const { found: { year, month, account, storeSpec, days }, db, partialDir, started } = run;
  const targetSchema = `${opts.schema}${opts.shadowSuffix ?? ''}`;
  if (opts.shadowSuffix) out(`shadow mode: writing to ${targetSchema}; ${opts.schema} is only read`);
  const config = await prepareSchema(db.pool, opts, targetSchema);
  const pool = dayRunner(opts.workers ?? defaultDayWorkers(db), days.length, { store: storeSpec, partialDir, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logLevel: opts.logLevel });
  const bar = new SingleBar({ format: 'summarising {bar} {value}/{total} days | {day}', stream: process.stderr, hideCursor: true });
  bar.start(days.length, 0, { day: '' });
  try {
    const result = await summarizeOcpMonth(
      {
        ...run.monthDeps,
        targetSchema,
        runDay: (t) => pool.run(t),
        commitConcurrency: opts.commitConcurrency ?? DEFAULT_COMMIT_CONCURRENCY,
        onDayDone: (t) => bar.increment({ day: t.day }),
      },
      { account, providerUuid: opts.providerUuid, year, month, days },
    );
    bar.stop();
    for (const f of result.failures) out(`FAILED ${f.day}: ${describeError(f.error)}`);
    const totals = await withClient(db.pool, (c) => readSummaryTotals(c, targetSchema, opts.providerUuid, isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month))));
    out(`${result.finalize.committed.length} day(s) committed to ${targetSchema}.reporting_ocpusagelineitem_daily_summary for source ${opts.providerUuid}`);
    out(renderSummaryTable(totals, Date.now() - started));
    return result.failures.length > 0 || result.finalize.skipped.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await pool.close();
  }
}

/**
 * Worker threads for parallel days; `workers: 0` runs the days one after another in this thread (no thread start-up
 * cost, for small data and tests).
 */
function dayRunner(workers: number, days: number, data: DayWorkerData) {
  if (workers > 0) return createDayWorkerPool(Math.min(workers, days), data);
  const deps = { dataStore: openStore(data.store), partialStore: new LocalObjectStore(data.partialDir), partialsPrefix: data.partialsPrefix, config: data.config, logger: consoleLogger(data.logLevel) };
  let chain: Promise<unknown> = Promise.resolve();
  return {
    run(task: DayTask): Promise<PartialManifest> {
      const next = chain.then(() => runOcpDayTask(deps, task));
      chain = next.catch(() => undefined);
      return next;
    },
    close: async () => {},
  };
}

/** Creates our tables where rows go; in shadow mode the tenant schema (Koku's) is only read. */
async function prepareSchema(pool: import('pg').Pool, opts: SummarizeOptions, targetSchema: string) {
  return withClient(pool, async (client) => {
    if (opts.shadowSuffix) await ensureShadowSchema(client, targetSchema);
    else await ensureTenantSchema(client, targetSchema);
    if (opts.enableTagKeys?.length) {
      if (opts.shadowSuffix) throw new Error('--enable-tag-keys changes the tenant\'s own settings; it is refused in shadow mode');
      await enableTagKeys(client, opts.schema, 'OCP', opts.enableTagKeys);
    }
    await upsertProvider(client, targetSchema, { providerUuid: opts.providerUuid, providerType: 'OCP', clusterId: opts.clusterId, clusterAlias: opts.clusterAlias ?? opts.clusterId });
    return readOcpSummaryConfig(client, opts.schema);
  });
}

export function summarizeCommand(): Command {
  return newSummarizeCommand('summarize', "summarise a month of one OCP source's Koku Parquet into reporting_ocpusagelineitem_daily_summary")
    .requiredOption('--provider-uuid <uuid>', 'the OCP source (provider) UUID', parseUuid)
    .requiredOption('--cluster-id <id>', 'OpenShift cluster id written to cluster_id')
    .option('--cluster-alias <alias>', 'written to cluster_alias (default: the cluster id)')
    .addOption(monthOption())
    .addOption(daysOption())
    .addOption(dbOption())
    .addOption(dataDirOption())
    .option('--enable-tag-keys <keys>', 'comma-separated label keys to enable for OCP first (e.g. app,env)', parseKeyList)
    .option('--shadow-suffix <suffix>', 'shadow mode: write to <schema><suffix> (e.g. _shadow), only read <schema>')
    .option('--workers <n>', 'worker threads for parallel days (default: CPU count, one fewer with the embedded PostgreSQL; 0 = run days in the main thread)', (v: string) => (v === '0' ? 0 : parsePositiveInt(v)))
    .option('--commit-concurrency <n>', `finalize transactions committing days at the same time, each on its own database connection (default ${DEFAULT_COMMIT_CONCURRENCY})`, parsePositiveInt)
    .addOption(logLevelOption())
    .action(async (o) => {
      process.exitCode = await summarize({ ...o, logLevel: o.logLevel as LogLevel });
    });
}

