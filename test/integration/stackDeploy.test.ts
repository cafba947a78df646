import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deployMotoStack } from '../helpers/motoStack.js';
import type { MotoStackTopology } from '../helpers/motoStack.js';

// Deploys the CDK stack (target=moto) with `cdk deploy` and checks the deployed wiring with real S3 events.

const endpoint = process.env.KOKU_TEST_AWS_ENDPOINT;
if (!endpoint) throw new Error('KOKU_TEST_AWS_ENDPOINT is not set: run `node test/run.mjs integration` or start moto_server and set it');

const clientConfig = {
  region: 'us-east-1',
  endpoint,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
};
const s3 = new S3Client({ ...clientConfig, forcePathStyle: true });
const sqs = new SQSClient(clientConfig);

const uuid = '3f1e9c2a-5b7d-4c1e-9a2b-6d8f0e1c2b3a';
const parquetKey = `data/parquet/org1234567/OCP/openshift_pod_usage_line_items/source=${uuid}/year=2025/month=10/day=01/2025-10-01_manifestid-abc_0.parquet`;
const csvKey = `data/csv/org1234567/OCP/source=${uuid}/year=2025/month=10/2025-10-01_0.csv`;
const csvUnderParquetKey = `data/parquet/org1234567/OCP/openshift_pod_usage_line_items/source=${uuid}/year=2025/month=10/notes.csv`;

/** Receives until `enough(seen)` or `seconds` passed; returns every S3 object key seen (decoded), deleting the messages. */
async function drainS3Keys(queueUrl: string, seconds: number, enough: (seen: string[]) => boolean = () => false): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const m of Messages) {
      const body = JSON.parse(m.Body ?? '{}') as { Records?: Array<{ s3: { object: { key: string } } }> };
      for (const r of body.Records ?? []) seen.push(decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')));
    }
    if (Messages.length) {
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    }
    if (enough(seen)) break;
  }
  return seen;
}

describe('CDK stack deployed to moto', () => {
  let topology: MotoStackTopology;

  before(async () => {
    const started = Date.now();
    topology = await deployMotoStack({ endpoint, databaseUrl: 'postgres://koku:koku@127.0.0.1:5432/koku', context: { ingestBatchSize: '5' } });
    console.error(`deployMotoStack: ${((Date.now() - started) / 1000).toFixed(1)} s (bootstrap ${topology.timings.bootstrapSeconds.toFixed(1)} s, deploy ${topology.timings.deploySeconds.toFixed(1)} s)`);
  });

  after(async () => {
    await topology?.destroy();
  });

  it('returns the deployed topology with emulator queue URLs, DLQs, batch settings and Lambda environments', () => {
    const { queues, functions } = topology;
    for (const url of [topology.ingestQueueUrl, topology.ingestDlqUrl, topology.finalizeQueueUrl, topology.finalizeDlqUrl]) {
      assert.ok(url.startsWith(`${endpoint}/`), url);
    }
    assert.match(topology.finalizeQueueUrl, /-finalize\.fifo$/);
    assert.match(topology.finalizeDlqUrl, /-finalize-dlq\.fifo$/);
    assert.equal(queues.finalize.fifo, true);
    assert.equal(queues.ingest.fifo, false);
    assert.equal(queues.ingest.maxReceiveCount, 3);
    assert.equal(queues.ingest.visibilityTimeoutSeconds, 30);
    assert.equal(topology.dataPrefix, 'data/parquet/');
    assert.equal(topology.partialsPrefix, 'partials/');

    const day = functions.dayAggregator;
    assert.equal(day.queueUrl, topology.ingestQueueUrl);
    assert.equal(day.batchSize, 5);
    assert.equal(day.reportBatchItemFailures, true);
    assert.equal(functions.finalizer.queueUrl, topology.finalizeQueueUrl);
    assert.equal(functions.finalizer.reportBatchItemFailures, true);
    assert.deepEqual(
      { ...day.environment, NODE_OPTIONS: undefined },
      {
        DATA_BUCKET: topology.dataBucket,
        PARTIALS_BUCKET: topology.partialsBucket,
        PARTIALS_PREFIX: 'partials/',
        DATABASE_URL: 'postgres://koku:koku@127.0.0.1:5432/koku',
        FINALIZE_QUEUE_URL: topology.finalizeQueueUrl,
        LOG_LEVEL: 'DEBUG',
        POWERTOOLS_SERVICE_NAME: 'koku-day-aggregator',
        NODE_OPTIONS: undefined,
      },
    );
    assert.equal(functions.finalizer.environment.FINALIZE_QUEUE_URL, undefined);
    assert.equal(functions.finalizer.environment.POWERTOOLS_SERVICE_NAME, 'koku-finalizer');
  });

  it('delivers ObjectCreated of a .parquet key under data/parquet/ to the ingest queue, and nothing else', async () => {
    // Skip the s3:TestEvent the notification setup queued.
    await drainS3Keys(topology.ingestQueueUrl, 1);
    for (const key of [csvKey, csvUnderParquetKey, parquetKey]) {
      await s3.send(new PutObjectCommand({ Bucket: topology.dataBucket, Key: key, Body: new Uint8Array([80, 65, 82, 49]) }));
    }
    const seen = await drainS3Keys(topology.ingestQueueUrl, 10, (keys) => keys.includes(parquetKey));
    assert.deepEqual(seen, [parquetKey]);
    // A late .csv event would show up here.
    assert.deepEqual(await drainS3Keys(topology.ingestQueueUrl, 2), []);
  });

  it('left the event source mappings disabled, so moto consumed nothing behind our back', async () => {
    const second = parquetKey.replace('_0.parquet', '_1.parquet');
    // moto's enabled mappings run inside SendMessage and bump receive counts towards the DLQ (emulators §2.4).
    for (let i = 0; i < 4; i++) await s3.send(new PutObjectCommand({ Bucket: topology.dataBucket, Key: second, Body: new Uint8Array([i]) }));
    const seen = await drainS3Keys(topology.ingestQueueUrl, 10, (keys) => keys.length >= 4);
    assert.deepEqual(seen, [second, second, second, second]);
    assert.deepEqual(await drainS3Keys(topology.ingestDlqUrl, 1), []);
  });
});
