/**
 * The pipeline as CDK deploys it: the stack is `cdk deploy`ed to moto, and the real Lambda handler modules run with
 * the environment CloudFormation gave the deployed functions, polled from the deployed queues with the deployed batch
 * sizes, so the stack's wiring (notification filter, queues, DLQs, FIFO, environment) is what is exercised.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upsertProvider, withClient } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { emulatorEndpoint } from '../helpers/awsEmulator.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';
import { dayObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { deployMotoStack, type MotoStackTopology } from '../helpers/motoStack.js';
import { runUntilIdle, SqsEventSource, type SqsHandler } from '../helpers/sqsEventSource.js';

const PROVIDER = '2c9e6a1f-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

describe('pipeline in the deployed CDK stack (moto)', { concurrency: false }, () => {
  let stack: MotoStackTopology;
  let db: FreshSchema;
  let s3: S3Client;
  let sqs: SQSClient;
  let sources: SqsEventSource[];

  before(async () => {
    const endpoint = emulatorEndpoint();
    db = await freshSchema('org');
    await withClient(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'stack-cluster', clusterAlias: 'Stack' }));
    stack = await deployMotoStack({ endpoint, databaseUrl: testDatabaseUrl() });
    // What Lambda would give the functions: their deployed environment, plus the emulator endpoint LocalStack injects.
    Object.assign(process.env, stack.functions.dayAggregator.environment, stack.functions.finalizer.environment, {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    const { handler: dayAggregator } = await import('../../functions/day-aggregator.js');
    const { handler: finalizer } = await import('../../functions/finalizer.js');
    const common = { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    s3 = new S3Client({ ...common, forcePathStyle: true });
    sqs = new SQSClient(common);
    const fn = (f: MotoStackTopology['functions']['dayAggregator'], name: string, h: SqsHandler) =>
      new SqsEventSource({ name, sqs, queueUrl: f.queueUrl, queueArn: f.queueUrl === stack.ingestQueueUrl ? stack.queues.ingest.arn : stack.queues.finalize.arn, batchSize: f.batchSize, handler: h });
    sources = [fn(stack.functions.dayAggregator, 'day-aggregator', dayAggregator as SqsHandler), fn(stack.functions.finalizer, 'finalizer', finalizer as SqsHandler)];
  });

  after(async () => {
    await stack?.destroy();
    await db?.cleanup();
  });

  const settle = () => runUntilIdle(sources, sqs, [stack.ingestQueueUrl, stack.finalizeQueueUrl], 180_000);
  const rowsOf = async (day: string) =>
    (await db.pool.query(`SELECT count(*)::int AS n FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = $1`, [day])).rows[0].n as number;

  it('turns uploaded Koku Parquet into summary rows through the deployed notification, queues and functions', async () => {
    const account = accountForSchema(db.schema);
    for (const day of ['2025-10-01', '2025-10-02']) {
      for (const o of dayObjects({ account, providerUuid: PROVIDER }, sampleDay(day))) {
        await s3.send(new PutObjectCommand({ Bucket: stack.dataBucket, Key: o.key, Body: o.body }));
      }
    }
    await settle();
    assert.equal(await rowsOf('2025-10-01'), 5);
    assert.equal(await rowsOf('2025-10-02'), 5);
    const { rows } = await db.pool.query(`SELECT DISTINCT cluster_id FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary`);
    assert.deepEqual(rows, [{ cluster_id: 'stack-cluster' }]);
  });

  it('retries a poison object and moves it to the deployed DLQ, and serves a replay from the deployed ingest queue', async () => {
    const account = accountForSchema(db.schema);
    const bad = dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2025-10-01'))[1].key.replace('_daily_0.parquet', '_daily_9.parquet');
    await s3.send(new PutObjectCommand({ Bucket: stack.dataBucket, Key: bad, Body: new TextEncoder().encode('not parquet') }));
    await settle();
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.ingestDlqUrl, MaxNumberOfMessages: 10 }));
    assert.equal(dead.Messages?.length, 1);
    assert.ok(dead.Messages![0].Body!.includes('_daily_9.parquet'), 'the DLQ holds the poison object\'s event');
    assert.equal(await rowsOf('2025-10-01'), 5, 'the day kept its rows');

    await db.pool.query(`DELETE FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = '2025-10-02'`);
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.ingestQueueUrl, MessageBody: JSON.stringify({ type: 'replay', account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 10, days: [2] }) }));
    await settle();
    assert.equal(await rowsOf('2025-10-02'), 5);
  });
});
