import { Command, InvalidArgumentError, Option } from 'commander';
import { describeError } from '../../lib/common/errors.js';
import { compareSummaries, DEFAULT_COMPARE_TABLE, DEFAULT_LIST_LIMIT, DEFAULT_TOLERANCE, formatCompareReport } from '../../lib/compare/index.js';
import type { CompareReport } from '../../lib/compare/types.js';
import { createPool } from '../../lib/db/index.js';
import { consoleLogger } from '../consoleLogger.js';
import { openDatabase } from '../database.js';
import { daysOfMonth, parseDayList, parseMonth, parsePositiveInt, parseUuid } from '../options.js';

export interface CompareCommandOptions {
  refDb?: string;
  refSchema: string;
  refTable: string;
  db?: string;
  schema: string;
  table: string;
  providerUuid: string;
  month: { year: number; month: number };
  days?: number[];
  tolerance: number;
  strictNulls?: boolean;
  includeInfra?: boolean;
  includeCostModelRows?: boolean;
  limit: number;
  format: 'text' | 'json';
  dataDir: string;
}

/** Runs the comparison and prints the report; returns the exit code (0 pass, 1 fail). */
export async function runCompare(o: CompareCommandOptions, out: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const logger = consoleLogger('warn');
  const ours = await openDatabase({ db: o.db, dataDir: o.dataDir, logger });
  const refPool = o.refDb ? createPool({ connectionString: o.refDb, max: 2 }, logger) : null;
  try {
    const report: CompareReport = await compareSummaries({
      reference: { db: refPool ?? ours.pool, schema: o.refSchema, table: o.refTable },
      ours: { db: ours.pool, schema: o.schema, table: o.table },
      providerUuid: o.providerUuid,
      year: o.month.year,
      month: o.month.month,
      ...(o.days ? { days: daysOfMonth(o.month.year, o.month.month, o.days) } : {}),
      tolerance: o.tolerance,
      strictNulls: o.strictNulls ?? false,
      includeInfra: o.includeInfra ?? false,
      includeCostModelRows: o.includeCostModelRows ?? false,
      listLimit: o.limit,
    });
    out(o.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatCompareReport(report));
    return report.passed ? 0 : 1;
  } finally {
    await refPool?.end();
    await ours.close();
  }
}

function parseTolerance(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a non-negative number`);
  return n;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description("compare our reporting_ocpusagelineitem_daily_summary rows with Koku's for a source and month (exit 0 = same, 1 = different, 2 = could not compare)")
    .requiredOption('--ref-schema <schema>', "the reference (Koku's) tenant schema")
    .option('--ref-db <url>', 'PostgreSQL URL of the reference (default: the same database as --db)')
    .option('--ref-table <table>', 'reference table', DEFAULT_COMPARE_TABLE)
    .requiredOption('--schema <schema>', 'our tenant schema (e.g. the shadow schema)')
    .option('--db <url>', 'PostgreSQL URL of our rows (default: KOKU_AGG_DATABASE_URL, else the embedded PostgreSQL)')
    .option('--table <table>', 'our table', DEFAULT_COMPARE_TABLE)
    .requiredOption('--provider-uuid <uuid>', 'the OCP source (provider) UUID', parseUuid)
    .requiredOption('--month <YYYY-MM>', 'the month to compare', parseMonth)
    .option('--days <list>', 'only these days of the month, e.g. 1-5,8', parseDayList)
    .option('--tolerance <abs>', 'absolute tolerance per numeric value', parseTolerance, DEFAULT_TOLERANCE)
    .option('--strict-nulls', 'count NULL vs 0 in the cost-model-filled columns as differences')
    .option('--include-infra', 'also compare OCP-on-cloud rows (non-zero infrastructure_raw_cost)')
    .option('--include-cost-model-rows', 'also compare cost-model rows (cost_model_rate_type or monthly_cost_type set)')
    .option('--limit <n>', 'how many missing / extra rows to list', parsePositiveInt, DEFAULT_LIST_LIMIT)
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .action(async (o: CompareCommandOptions) => {
      try {
        process.exitCode = await runCompare(o);
      } catch (err) {
        // 2, not 1: automation must tell "could not compare" from "compared and found differences".
        process.stderr.write(`koku-agg compare: ${describeError(err)}\n`);
        process.exitCode = 2;
      }
    });
}
