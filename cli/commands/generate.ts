import { Command } from 'commander';
import { daysInMonth, isoDay } from '../../lib/common/days.js';
import { writeGenerated, writeNiseManifest } from '../../lib/generate/index.js';
import type { WriteGeneratedSummary } from '../../lib/generate/types.js';
import { consoleLogger, type LogLevel } from '../consoleLogger.js';
import { openStore, parseStoreSpec } from '../objectStores.js';
import { parseMonth, parsePositiveInt, parseUuid } from '../options.js';

export interface GenerateOptions {
  out: string;
  schema: string;
  providerUuid: string;
  clusterId: string;
  month: { year: number; month: number };
  days?: number;
  nodes?: number;
  namespaces?: number;
  pods?: number;
  seed?: number;
  logLevel: LogLevel;
}

/** Deterministic synthetic OCP data in Koku's layout (hourly + daily pod, storage, node and namespace labels). */
export async function generate(o: GenerateOptions): Promise<WriteGeneratedSummary> {
  const last = Math.min(o.days ?? 31, daysInMonth(o.month.year, o.month.month));
  const days = Array.from({ length: last }, (_, i) => isoDay(o.month.year, o.month.month, i + 1));
  return writeGenerated({
    store: openStore(parseStoreSpec(o.out)),
    schema: o.schema,
    providerUuid: o.providerUuid,
    clusterId: o.clusterId,
    days,
    cluster: { seed: o.seed, nodes: o.nodes, namespaces: o.namespaces, pods: o.pods },
    logger: consoleLogger(o.logLevel),
  });
}

export function generateCommand(): Command {
  return new Command('generate')
    .description("write deterministic synthetic OCP data, or a nise static manifest's data, in Koku's bucket layout")
    .requiredOption('--out <dir|s3://bucket/prefix>', 'where to write (a directory standing for the bucket, or S3)')
    .requiredOption('--schema <schema>', 'tenant schema (its account segment goes into the keys)')
    .requiredOption('--provider-uuid <uuid>', 'the OCP source UUID', parseUuid)
    .option('--from-manifest <file>', 'a nise static report manifest (YAML) instead of the synthetic cluster')
    .option('--aws-provider-uuid <uuid>', 'with --from-manifest: the AWS source UUID for its AWS generators', parseUuid)
    .option('--cluster-id <id>', 'cluster id (also seeds names)', 'demo-cluster')
    .option('--month <YYYY-MM>', 'month (required without --from-manifest)', parseMonth)
    .option('--days <n>', 'only the first n days of the month', parsePositiveInt)
    .option('--nodes <n>', 'nodes, at least 7 (default: enough for the pods: 3 masters, infra and workers by pod count, one edge node)', parsePositiveInt)
    .option('--namespaces <n>', 'namespaces, at least 7 (default: 8, or one per 25 pods when that is more)', parsePositiveInt)
    .option('--pods <n>', 'pods, at least 10 (default 200), placed on nodes with room for their requests', parsePositiveInt)
    .option('--seed <n>', 'random seed (same seed, same bytes)', parsePositiveInt)
    .option('--log-level <level>', 'debug | info | warn | error', 'warn')
    .action(async (o) => {
      if (o.fromManifest) {
        const nise = await writeNiseManifest({
          store: openStore(parseStoreSpec(o.out)),
          schema: o.schema,
          manifest: o.fromManifest,
          ocpProviderUuids: o.providerUuid,
          awsProviderUuid: o.awsProviderUuid,
          seed: o.seed,
          logger: consoleLogger(o.logLevel as LogLevel),
        });
        process.stdout.write(`wrote ${nise.written.length} object(s) from ${o.fromManifest}: clusters ${nise.clusters.map((c) => `${c.clusterId}=${c.providerUuid}`).join(', ') || 'none'}, ${nise.awsRows} AWS rows\n`);
        return;
      }
      if (!o.month) throw new Error('--month is required unless --from-manifest is given');
      const summary = await generate({ ...o, logLevel: o.logLevel as LogLevel });
      process.stdout.write(`wrote ${summary.written.length} object(s), ${summary.rowsRead} operator rows, ${summary.days.length} day(s) under ${o.out}\n`);
    });
}
