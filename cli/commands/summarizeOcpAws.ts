import Table from 'cli-table3';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { daysInMonth, isoDay } from '../../lib/common/days.js';
import { describeError } from '../../lib/common/errors.js';
import { enableTagKeys, ensureTenantSchema, findProvider, readOcpSummaryConfig, upsertProvider } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import type { OcpSummaryConfig } from '../../lib/ocp/types.js';
import { addOcpAwsPairings, ensureOcpAwsTables, readOcpAwsTotals, type OcpAwsTotalsRow } from '../../lib/ocp-aws/index.js';
import { listAwsDaysWithData } from '../../lib/pipeline/awsDayInputs.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { loadOcpAwsSettings } from '../../lib/pipeline/ocpAwsSettings.js';
import { summarizeOcpAwsMonth } from '../../lib/pipeline/summarizeOcpAwsMonth.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { consoleLogger, type LogLevel } from '../consoleLogger.js';
import { openDatabase } from '../database.js';
import { createDayWorkerPool } from '../dayWorkerPool.js';
import { openStore, parseStoreSpec } from '../objectStores.js';
import { daysOfMonth, parseDayList, parseMonth, parsePositiveInt, parseUuid } from '../options.js';

export interface SummarizeOcpAwsOptions {
  source: string;
  schema: string;
  /** The account segment of the object keys, when it is not derived from the schema. */
  account?: string;
  awsProviderUuid: string;
  /** The OCP sources running on the AWS source; each must be registered (`summarize` or `provider add`). */
  ocpProviderUuid: string[];
  month: { year: number; month: number };
  days?: number[];
  db?: string;
  dataDir: string;
  /** Markup fraction (0.1 = 10 %) instead of the AWS source's cost model. */
  markup?: number;
  /** Instead of the OCP sources' cost models. */
  distribution?: 'cpu' | 'memory';
  /** Label keys to enable for OCP / tag keys to enable for AWS first (standalone convenience). */
  enableTagKeys?: string[];
  enableAwsTagKeys?: string[];
  workers?: number;
  logLevel: LogLevel;
}

/**
 * `koku-agg summarize-ocp-aws`: the OCP summary of the paired OCP sources (their day partials stand in for Koku's
 * Hive copy), then OCP on AWS for every AWS day into `reporting_ocpawscostlineitem_project_daily_summary_p`.
 * Returns the exit code: 0 when every day was summarised and committed.
 */
export async function summarizeOcpAws(opts: SummarizeOcpAwsOptions, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const started = Date.now();
  const logger = consoleLogger(opts.logLevel);
  const { year, month } = opts.month;
  const account = opts.account ?? accountForSchema(opts.schema);
  const storeSpec = parseStoreSpec(opts.source);
  const dataStore = openStore(storeSpec);
  const wanted = daysOfMonth(year, month, opts.days);
  const present = await listAwsDaysWithData(dataStore, { account, providerType: 'AWS', providerUuid: opts.awsProviderUuid, year, month });
  const days = wanted ? present.filter((d) => wanted.includes(d)) : present;
  const mm = String(month).padStart(2, '0');
  if (days.length === 0) {
    out(`no AWS data for source ${opts.awsProviderUuid} in ${year}-${mm}${wanted ? ' on the days asked for' : ''} under ${dataStore.location} (looked under data/parquet/daily/${account}/AWS/raw/...)`);
    return 1;
  }

  const db = await openDatabase({ db: opts.db, dataDir: opts.dataDir, logger });
  const partialDir = mkdtempSync(join(tmpdir(), 'koku-agg-partials-'));
  try {
    out(`database: ${db.where}`);
    const prepared = await prepareSchema(db.pool, opts);
    if (prepared.missing !== undefined) {
      out(`OCP source(s) ${prepared.missing.join(', ')} not registered in ${opts.schema}.koku_agg_provider: run "koku-agg summarize --schema ${opts.schema} --provider-uuid <uuid> --cluster-id <cluster id> --month ${year}-${mm}" (or "koku-agg provider add") for each first`);
      return 1;
    }
    const workers = Math.max(1, Math.min(opts.workers ?? availableParallelism(), days.length));
    const pool = createDayWorkerPool(workers, { store: storeSpec, partialDir, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config: prepared.config, logLevel: opts.logLevel });
    try {
      const result = await summarizeOcpAwsMonth(
        {
          pool: db.pool,
          dataStore,
          partialStore: new LocalObjectStore(partialDir),
          partialsPrefix: DEFAULT_PARTIALS_PREFIX,
          schema: opts.schema,
          logger,
          createReportPeriods: true,
          runOcpDay: (t) => pool.run(t),
          loadSettings: () => withClient(db.pool, (c) => loadOcpAwsSettings(c, opts.schema, opts.awsProviderUuid, { markup: opts.markup, distribution: opts.distribution, ocpProviderUuids: opts.ocpProviderUuid })),
          onOcpDayDone: (t) => logger.info('OCP day summarised', { providerUuid: t.providerUuid, day: t.day }),
          onAwsDayDone: (t) => logger.info('OCP on AWS day attributed', { day: t.day }),
        },
        { account, awsProviderUuid: opts.awsProviderUuid, ocpProviderUuids: opts.ocpProviderUuid, year, month, days: wanted },
      );
      let failed = result.failures.length > 0 || result.finalize.skipped.length > 0;
      for (const { providerUuid, result: r } of result.ocp) {
        for (const f of r.failures) out(`FAILED OCP ${providerUuid} ${f.day}: ${describeError(f.error)}`);
        failed ||= r.failures.length > 0 || r.finalize.skipped.length > 0;
        out(r.days.length === 0
          ? `OCP ${providerUuid}: no OCP data in ${year}-${mm} under ${dataStore.location}; its clusters get no OCP-on-AWS rows`
          : `OCP ${providerUuid}: ${r.finalize.committed.length} day(s) committed to ${opts.schema}.reporting_ocpusagelineitem_daily_summary`);
      }
      for (const f of result.failures) out(`FAILED OCP on AWS ${f.day}: ${describeError(f.error)}`);
      for (const d of result.finalize.skipped) out(`SKIPPED OCP on AWS ${d}: no bill or report period for the month`);
      out(`${result.finalize.committed.length} day(s) committed to ${opts.schema}.reporting_ocpawscostlineitem_project_daily_summary_p for AWS source ${opts.awsProviderUuid}`);
      const totals = await withClient(db.pool, (c) => readOcpAwsTotals(c, opts.schema, opts.awsProviderUuid, isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month))));
      out(renderTotals(totals, Date.now() - started));
      return failed ? 1 : 0;
    } finally {
      await pool.close();
    }
  } finally {
    rmSync(partialDir, { recursive: true, force: true });
    await db.close();
  }
}

/** The OCP sources missing from the registry, or the OCP summary settings once the schema is ready. */
type Prepared = { missing: string[] } | { missing?: undefined; config: OcpSummaryConfig };

async function prepareSchema(pool: pg.Pool, opts: SummarizeOcpAwsOptions): Promise<Prepared> {
  return withClient(pool, async (client): Promise<Prepared> => {
    await ensureTenantSchema(client, opts.schema);
    await ensureOcpAwsTables(client, opts.schema);
    const missing: string[] = [];
    for (const uuid of opts.ocpProviderUuid) {
      const p = await findProvider(client, opts.schema, uuid);
      if (!p || p.providerType !== 'OCP' || !p.clusterId) missing.push(uuid);
    }
    if (missing.length > 0) return { missing };
    if (opts.enableTagKeys?.length) await enableTagKeys(client, opts.schema, 'OCP', opts.enableTagKeys);
    if (opts.enableAwsTagKeys?.length) await enableTagKeys(client, opts.schema, 'AWS', opts.enableAwsTagKeys);
    await upsertProvider(client, opts.schema, { providerUuid: opts.awsProviderUuid, providerType: 'AWS' });
    await addOcpAwsPairings(client, opts.schema, opts.awsProviderUuid, opts.ocpProviderUuid);
    return { config: await readOcpSummaryConfig(client, opts.schema) };
  });
}

async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

function renderTotals(totals: OcpAwsTotalsRow[], elapsedMs: number): string {
  const table = new Table({ head: ['cluster', 'rows of', 'count', 'unblended', 'markup', 'amortized'], style: { head: [], border: [] } });
  for (const t of totals) table.push([t.clusterId ?? '', t.kind, fmt(t.rows), fmt(t.unblendedCost), fmt(t.markupCost), fmt(t.amortizedCost)]);
  return `${table.toString()}\nelapsed ${(elapsedMs / 1000).toFixed(2)} s`;
}

function parseUuidList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => parseUuid(v.trim()))];
}

function parseMarkup(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a markup fraction (0.1 = 10 %)`);
  return n;
}

function parseDistribution(value: string): 'cpu' | 'memory' {
  if (value !== 'cpu' && value !== 'memory') throw new InvalidArgumentError(`"${value}" is not cpu or memory`);
  return value;
}

const keyList = (v: string) => v.split(',').map((k) => k.trim()).filter(Boolean);

export function summarizeOcpAwsCommand(): Command {
  return new Command('summarize-ocp-aws')
    .description("attribute a month of one AWS source's cost to its OpenShift sources into reporting_ocpawscostlineitem_project_daily_summary_p (runs their OCP summary first)")
    .requiredOption('--source <dir|s3://bucket/prefix>', 'a directory laid out like the Koku bucket, or an S3 location')
    .requiredOption('--schema <schema>', 'tenant schema (org1234567 or acct10001)')
    .option('--account <account>', 'account segment of the object keys (default: the schema without a leading "acct")')
    .requiredOption('--aws-provider-uuid <uuid>', 'the AWS source (provider) UUID', parseUuid)
    .requiredOption('--ocp-provider-uuid <uuid[,uuid]>', 'the OCP sources running on it (registered with "summarize" or "provider add")', parseUuidList)
    .requiredOption('--month <YYYY-MM>', 'the month to summarise', parseMonth)
    .option('--days <list>', 'only these days of the month, e.g. 1-5,8', parseDayList)
    .option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else an embedded PostgreSQL)')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .option('--markup <fraction>', "markup fraction, e.g. 0.1 for 10 % (default: the AWS source's cost model, else 0)", parseMarkup)
    .option('--distribution <cpu|memory>', "how compute cost is split (default: each OCP source's cost model, else cpu)", parseDistribution)
    .option('--enable-tag-keys <keys>', 'comma-separated OCP label keys to enable first (e.g. app)', keyList)
    .option('--enable-aws-tag-keys <keys>', 'comma-separated AWS tag keys to enable first (e.g. env)', keyList)
    .option('--workers <n>', 'worker threads for the OCP days (default: CPU count)', parsePositiveInt)
    .option('--log-level <level>', 'debug | info | warn | error', 'warn')
    .action(async (o) => {
      process.exitCode = await summarizeOcpAws({ ...o, logLevel: o.logLevel as LogLevel });
    });
}
