import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDay, daysInMonth } from '../../lib/common/days.js';
import { describeError } from '../../lib/common/errors.js';
import { enableTagKeys, ensureShadowSchema, ensureTenantSchema, readOcpSummaryConfig, upsertProvider } from '../../lib/db/index.js';
import { readSummaryTotals } from '../../lib/db/summaryTotals.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { listOcpDaysWithData } from '../../lib/pipeline/dayInputs.js';
import { summarizeOcpMonth } from '../../lib/pipeline/summarizeOcpMonth.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { consoleLogger, type LogLevel } from '../consoleLogger.js';
import { openDatabase } from '../database.js';
import { createDayWorkerPool } from '../dayWorkerPool.js';
import type { DayWorkerData } from '../dayWorker.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import type { DayTask, PartialManifest } from '../../lib/pipeline/types.js';
import { openStore, parseStoreSpec } from '../objectStores.js';
import { daysOfMonth, parseDayList, parseMonth, parsePositiveInt, parseUuid } from '../options.js';
import { renderSummaryTable } from '../summaryTable.js';

export interface SummarizeOptions {
  source: string;
  schema: string;
  /** The account segment of the object keys, when it is not derived from the schema (e.g. a shadow schema). */
  account?: string;
  providerUuid: string;
  clusterId: string;
  clusterAlias?: string;
  month: { year: number; month: number };
  days?: number[];
  db?: string;
  dataDir: string;
  workers?: number;
  /** Shadow mode: write into `<schema><suffix>` (created with the same DDL) and leave `schema`'s tables untouched. */
  shadowSuffix?: string;
  /** Label keys to enable for OCP before summarising (standalone convenience; Koku users enable keys in its UI). */
  enableTagKeys?: string[];
  logLevel: LogLevel;
}

/** Returns the process exit code: 0 when every day was summarised and committed. */
export async function summarize(opts: SummarizeOptions, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const started = Date.now();
  const logger = consoleLogger(opts.logLevel);
  const { year, month } = opts.month;
  const account = opts.account ?? accountForSchema(opts.schema);
  const storeSpec = parseStoreSpec(opts.source);
  const dataStore = openStore(storeSpec);
  const wanted = daysOfMonth(year, month, opts.days);
  const present = await listOcpDaysWithData(dataStore, { account, providerType: 'OCP', providerUuid: opts.providerUuid, year, month });
  const days = wanted ? present.filter((d) => wanted.includes(d)) : present;
  if (days.length === 0) {
    out(`no OCP data for source ${opts.providerUuid} in ${year}-${String(month).padStart(2, '0')}${wanted ? ` on the days asked for` : ''} under ${dataStore.location} (looked under data/parquet/daily/${account}/OCP/...)`);
    return 1;
  }

  const db = await openDatabase({ db: opts.db, dataDir: opts.dataDir, logger });
  const partialDir = mkdtempSync(join(tmpdir(), 'koku-agg-partials-'));
  try {
    out(`database: ${db.where}`);
    const targetSchema = `${opts.schema}${opts.shadowSuffix ?? ''}`;
    if (opts.shadowSuffix) out(`shadow mode: writing to ${targetSchema}; ${opts.schema} is only read`);
    const config = await prepareSchema(db.pool, opts, targetSchema);
    const pool = dayRunner(opts.workers ?? availableParallelism(), days.length, { store: storeSpec, partialDir, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logLevel: opts.logLevel });
    const bar = new SingleBar({ format: 'summarising {bar} {value}/{total} days | {day}', stream: process.stderr, hideCursor: true });
    bar.start(days.length, 0, { day: '' });
    try {
      const result = await summarizeOcpMonth(
        {
          pool: db.pool,
          dataStore,
          partialStore: new LocalObjectStore(partialDir),
          partialsPrefix: DEFAULT_PARTIALS_PREFIX,
          schema: opts.schema,
          targetSchema,
          logger,
          createReportPeriods: true,
          runDay: (t) => pool.run(t),
          onDayDone: (t) => bar.increment({ day: t.day }),
        },
        { account, providerUuid: opts.providerUuid, year, month, days },
      );
      bar.stop();
      for (const f of result.failures) out(`FAILED ${f.day}: ${describeError(f.error)}`);
      const client = await db.pool.connect();
      try {
        const totals = await readSummaryTotals(client, targetSchema, opts.providerUuid, isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month)));
        out(`${result.finalize.committed.length} day(s) committed to ${targetSchema}.reporting_ocpusagelineitem_daily_summary for source ${opts.providerUuid}`);
        out(renderSummaryTable(totals, Date.now() - started));
      } finally {
        client.release();
      }
      return result.failures.length > 0 || result.finalize.skipped.length > 0 ? 1 : 0;
    } finally {
      bar.stop();
      await pool.close();
    }
  } finally {
    rmSync(partialDir, { recursive: true, force: true });
    await db.close();
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
  const client = await pool.connect();
  try {
    if (opts.shadowSuffix) await ensureShadowSchema(client, targetSchema);
    else await ensureTenantSchema(client, targetSchema);
    if (opts.enableTagKeys?.length) {
      if (opts.shadowSuffix) throw new Error('--enable-tag-keys changes the tenant\'s own settings; it is refused in shadow mode');
      await enableTagKeys(client, opts.schema, 'OCP', opts.enableTagKeys);
    }
    await upsertProvider(client, targetSchema, { providerUuid: opts.providerUuid, providerType: 'OCP', clusterId: opts.clusterId, clusterAlias: opts.clusterAlias ?? opts.clusterId });
    return await readOcpSummaryConfig(client, opts.schema);
  } finally {
    client.release();
  }
}

export function summarizeCommand(): Command {
  return new Command('summarize')
    .description("summarise a month of one OCP source's Koku Parquet into reporting_ocpusagelineitem_daily_summary")
    .requiredOption('--source <dir|s3://bucket/prefix>', 'a directory laid out like the Koku bucket, or an S3 location')
    .requiredOption('--schema <schema>', 'tenant schema (org1234567 or acct10001)')
    .option('--account <account>', 'account segment of the object keys (default: the schema without a leading "acct")')
    .requiredOption('--provider-uuid <uuid>', 'the OCP source (provider) UUID', parseUuid)
    .requiredOption('--cluster-id <id>', 'OpenShift cluster id written to cluster_id')
    .option('--cluster-alias <alias>', 'written to cluster_alias (default: the cluster id)')
    .requiredOption('--month <YYYY-MM>', 'the month to summarise', parseMonth)
    .option('--days <list>', 'only these days of the month, e.g. 1-5,8', parseDayList)
    .option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else an embedded PostgreSQL)')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .option('--enable-tag-keys <keys>', 'comma-separated label keys to enable for OCP first (e.g. app,env)', (v: string) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .option('--shadow-suffix <suffix>', 'shadow mode: write to <schema><suffix> (e.g. _shadow), only read <schema>')
    .option('--workers <n>', 'worker threads for parallel days (default: CPU count; 0 = run days in the main thread)', (v: string) => (v === '0' ? 0 : parsePositiveInt(v)))
    .option('--log-level <level>', 'debug | info | warn | error', 'warn')
    .action(async (o) => {
      process.exitCode = await summarize({ ...o, logLevel: o.logLevel as LogLevel });
    });
}

