import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { generate } from './generate.js';
import { summarize } from './summarize.js';

const DEMO = {
  schema: 'org1234567',
  providerUuid: '6e212746-484a-40bd-b3ef-6d5ac6f7ab5b',
  clusterId: 'demo-cluster',
  month: { year: 2025, month: 10 },
};

/** The README's first command: generate a synthetic month, summarise it into the embedded PostgreSQL, show totals. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('generate a synthetic month and summarise it into an embedded PostgreSQL (no cloud, no Docker)')
    .option('--data-dir <dir>', 'where the demo data and the embedded PostgreSQL live', '.koku-agg')
    .option('--pods <n>', 'pods in the synthetic cluster', '60')
    .action(async (o: { dataDir: string; pods: string }) => {
      const bucket = resolve(join(o.dataDir, 'demo-bucket'));
      rmSync(bucket, { recursive: true, force: true });
      process.stdout.write(`generating ${DEMO.month.year}-${DEMO.month.month} for source ${DEMO.providerUuid} into ${bucket}\n`);
      const generated = await generate({ out: bucket, schema: DEMO.schema, providerUuid: DEMO.providerUuid, clusterId: DEMO.clusterId, month: DEMO.month, pods: Number(o.pods), logLevel: 'warn' });
      process.stdout.write(`wrote ${generated.written.length} Parquet objects (${generated.rowsRead} operator rows)\n`);
      process.exitCode = await summarize({
        source: bucket,
        schema: DEMO.schema,
        providerUuid: DEMO.providerUuid,
        clusterId: DEMO.clusterId,
        month: DEMO.month,
        dataDir: o.dataDir,
        enableTagKeys: ['app', 'env', 'team', 'storage_tier'],
        logLevel: 'warn',
      });
    });
}
