import { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertToKokuParquet } from '../../lib/ingest/index.js';
import { consoleLogger, type LogLevel } from '../consoleLogger.js';
import { openStore, parseStoreSpec } from '../objectStores.js';
import { parsePositiveInt, parseUuid } from '../options.js';

/** `--from` names CSV files and/or directories (every `*.csv` inside, sorted). */
export function csvInputs(from: string[]): string[] {
  return from.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).filter((n) => n.toLowerCase().endsWith('.csv')).sort().map((n) => join(p, n))
      : [p],
  );
}

export function convertCommand(): Command {
  return new Command('convert')
    .description("turn operator / nise CSV (OCP pod, storage, node and namespace labels; AWS CUR) into Koku's Parquet layout")
    .requiredOption('--from <paths...>', 'CSV files or directories of CSV files')
    .requiredOption('--to <dir|s3://bucket/prefix>', 'a directory standing for the bucket, or S3')
    .requiredOption('--schema <schema>', 'tenant schema (its account segment goes into the keys)')
    .requiredOption('--provider-type <type>', 'OCP or AWS')
    .requiredOption('--provider-uuid <uuid>', 'source UUID', parseUuid)
    .option('--manifest-id <n>', "Koku's manifest id (names the files, ManifestId metadata)", parsePositiveInt)
    .option('--chunk-size <n>', 'CSV rows per Parquet file pair (Koku: 200000)', parsePositiveInt)
    .option('--additive', 'OCP: the payload is not split by day (old, non-daily operators)')
    .option('--replace-existing', 'replace same-day objects even when they have as many hours (re-running a conversion)')
    .option('--log-level <level>', 'debug | info | warn | error', 'warn')
    .action(async (o) => {
      if (o.providerType !== 'OCP' && o.providerType !== 'AWS') throw new Error(`--provider-type must be OCP or AWS, not "${o.providerType}"`);
      const inputs = csvInputs(o.from);
      if (inputs.length === 0) throw new Error(`no CSV files under ${o.from.join(', ')}`);
      const summary = await convertToKokuParquet({
        inputs,
        store: openStore(parseStoreSpec(o.to)),
        schema: o.schema,
        providerType: o.providerType,
        providerUuid: o.providerUuid,
        manifestId: o.manifestId,
        chunkSize: o.chunkSize,
        dailyReports: !o.additive,
        replaceExisting: Boolean(o.replaceExisting),
        logger: consoleLogger(o.logLevel as LogLevel),
      });
      process.stdout.write(
        `read ${summary.rowsRead} rows (${summary.rowsDropped} dropped by the anomaly filter); wrote ${summary.written.length} object(s), deleted ${summary.deleted.length} superseded, skipped ${summary.skipped.length}\n`,
      );
      for (const s of summary.skipped) process.stdout.write(`skipped: ${JSON.stringify(s)}\n`);
    });
}
