import Table from 'cli-table3';
import { Command, InvalidArgumentError } from 'commander';
import type pg from 'pg';
import { daysInMonth, isoDay } from '../../lib/common/days.js';
import { describeError } from '../../lib/common/errors.js';
import { enableTagKeys, ensureTenantSchema, findProvider, readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import type { OcpSummaryConfig } from '../../lib/ocp/types.js';
import { addOcpAwsPairings, ensureOcpAwsTables, readOcpAwsTotals, type OcpAwsTotalsRow } from '../../lib/ocp-aws/index.js';
import { listAwsDaysWithData } from '../../lib/pipeline/awsDayInputs.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { loadOcpAwsSettings } from '../../lib/pipeline/ocpAwsSettings.js';
import { summarizeOcpAwsMonth } from '../../lib/pipeline/summarizeOcpAwsMonth.js';
import type { LogLevel } from '../consoleLogger.js';
import { createDayWorkerPool, defaultDayWorkers } from '../dayWorkerPool.js';
import type { MonthSelection, SourceData } from '../monthDays.js';
import { parsePositiveInt, parseUuid } from '../options.js';
import { printLine, runSummarize, type DatabaseLocation, type SummarizeRun } from '../summarizeRun.js';
import { dataDirOption, daysOption, dbOption, logLevelOption, monthOption, newSummarizeCommand, parseKeyList } from '../summarizeOptions.js';

export interface SummarizeOcpAwsOptions extends MonthSelection, DatabaseLocation {
  awsProviderUuid: string;
  /** The OCP sources running on the AWS source; each must be registered (`summarize` or `provider add`). */
  ocpProviderUuid: string[];
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

const AWS_DATA: SourceData = { providerType: 'AWS', keyDir: 'AWS/raw', listDaysWithData: listAwsDaysWithData };

/**
 * `koku-agg summarize-ocp-aws`: the OCP summary of the paired OCP sources (their day partials stand in for Koku's
 * Hive copy), then OCP on AWS for every AWS day into `reporting_ocpawscostlineitem_project_daily_summary_p`.
 * Returns the exit code: 0 when every day was summarised and committed.
 */
export async function summarizeOcpAws(opts: SummarizeOcpAwsOptions, out: (line: string) => void = printLine): Promise<number> {
  return runSummarize(opts, { data: AWS_DATA, providerUuid: opts.awsProviderUuid }, out, (run) => summarizeAwsDays(opts, run, out));
}

async function summarizeAwsDays(opts: SummarizeOcpAwsOptions, run: SummarizeRun, out: (line: string) => void): Promise<number> {
  const { found: { year, month, account, storeSpec, dataStore, wanted, days }, db, partialDir, logger, started } = run;
  const mm = String(month).padStart(2, '0');
  const prepared = await prepareSchema(db.pool, opts);
  if (prepared.missing !== undefined) {
    out(`OCP source(s) ${prepared.missing.join(', ')} not registered in ${opts.schema}.koku_agg_provider: run "koku-agg summarize --schema ${opts.schema} --provider-uuid <uuid> --cluster-id <cluster id> --month ${year}-${mm}" (or "koku-agg provider add") for each first`);
    return 1;
  }
  const workers = Math.max(1, Math.min(opts.workers ?? defaultDayWorkers(db), days.length));
  const pool = createDayWorkerPool(workers, { store: storeSpec, partialDir, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config: prepared.config, logLevel: opts.logLevel });
  try {
    const result = await summarizeOcpAwsMonth(
      {
        ...run.monthDeps,
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

export function summarizeOcpAwsCommand(): Command {
  return newSummarizeCommand('summarize-ocp-aws', "attribute a month of one AWS source's cost to its OpenShift sources into reporting_ocpawscostlineitem_project_daily_summary_p (runs their OCP summary first)")
    .requiredOption('--aws-provider-uuid <uuid>', 'the AWS source (provider) UUID', parseUuid)
    .requiredOption('--ocp-provider-uuid <uuid[,uuid]>', 'the OCP sources running on it (registered with "summarize" or "provider add")', parseUuidList)
    .addOption(monthOption())
    .addOption(daysOption())
    .addOption(dbOption())
    .addOption(dataDirOption())
    .option('--markup <fraction>', "markup fraction, e.g. 0.1 for 10 % (default: the AWS source's cost model, else 0)", parseMarkup)
    .option('--distribution <cpu|memory>', "how compute cost is split (default: each OCP source's cost model, else cpu)", parseDistribution)
    .option('--enable-tag-keys <keys>', 'comma-separated OCP label keys to enable first (e.g. app)', parseKeyList)
    .option('--enable-aws-tag-keys <keys>', 'comma-separated AWS tag keys to enable first (e.g. env)', parseKeyList)
    .option('--workers <n>', 'worker threads for the OCP days (default: CPU count, one fewer with the embedded PostgreSQL)', parsePositiveInt)
    .addOption(logLevelOption())
    .action(async (o) => {
      process.exitCode = await summarizeOcpAws({ ...o, logLevel: o.logLevel as LogLevel });
    });
}
