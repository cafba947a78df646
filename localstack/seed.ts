// `npm run local:seed [-- --month 2025-10 --days 3 --schema org1234567 --provider-uuid … --cluster-id …]`
// Prepares the tenant schema and provider in the compose PostgreSQL, generates a sample month of Koku Parquet with
// the CLI, and uploads it to the deployed bucket; the S3 notifications then drive the deployed Lambdas.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { LocalObjectStore, S3ObjectStore } from '../lib/store/index.js';
import { copyObjects } from './copyObjects.js';
import { localDefaults } from './localConstants.js';
import { readStackOutputs } from './stackOutputs.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const { values: o } = parseArgs({
  options: {
    month: { type: 'string', default: localDefaults.month },
    schema: { type: 'string', default: localDefaults.schema },
    'provider-uuid': { type: 'string', default: localDefaults.providerUuid },
    'cluster-id': { type: 'string', default: localDefaults.clusterId },
    db: { type: 'string', default: process.env.KOKU_LOCAL_DATABASE_URL ?? localDefaults.databaseUrl },
    endpoint: { type: 'string', default: process.env.AWS_ENDPOINT_URL ?? localDefaults.endpoint },
    stack: { type: 'string', default: localDefaults.stackName },
    bucket: { type: 'string' },
    days: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function cli(args: string[]): void {
  process.stdout.write(`$ koku-agg ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'cli', 'main.ts'), ...args], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`koku-agg ${args[0]} failed (exit ${r.status})`);
}

const bucket = o.bucket ?? readStackOutputs(o.stack!).DataBucketName;
const out = o.out ?? mkdtempSync(join(tmpdir(), 'koku-local-seed-'));
try {
  cli(['db', 'init', '--schema', o.schema!, '--db', o.db!]);
  cli(['provider', 'add', '--schema', o.schema!, '--provider-uuid', o['provider-uuid']!, '--cluster-id', o['cluster-id']!, '--db', o.db!]);
  cli(['generate', '--out', out, '--schema', o.schema!, '--provider-uuid', o['provider-uuid']!, '--cluster-id', o['cluster-id']!,
    '--month', o.month!, ...(o.days ? ['--days', o.days] : [])]);

  const s3 = new S3Client({
    region: localDefaults.region,
    endpoint: o.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const keys = await copyObjects(new LocalObjectStore(out), new S3ObjectStore({ client: s3, bucket }), 'data/');
  const parquet = keys.filter((k) => k.endsWith('.parquet')).length;
  process.stdout.write(`uploaded ${keys.length} objects (${parquet} Parquet) to s3://${bucket}/data/\n`);
  process.stdout.write('the Lambdas are working on it; in a minute run `npm run local:report`\n');
} finally {
  if (!o.out && !o.keep) rmSync(out, { recursive: true, force: true });
}
