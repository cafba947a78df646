/**
 * The serverless pipeline end to end on a real emulator (moto) and a real PostgreSQL: S3 notifications → ingest
 * queue → day-aggregator → partials → FIFO finalize queue → finalizer → Koku's summary table.
 */
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { summarize } from '../../cli/commands/summarize.js';
import { readLedger } from '../../lib/db/index.js';
import { OCP_SUMMARY_TYPE } from '../../lib/pipeline/constants.js';
import { emulatorEndpoint } from '../helpers/awsEmulator.js';
import { freshSchema } from '../helpers/database.js';
import { dayObjects, sampleDay, type FixtureObject } from '../helpers/kokuFixtures.js';
import { startPipeline, type Pipeline } from '../helpers/pipelineHarness.js';
import { readSummaryRows, readUuidsByDay } from '../helpers/summaryRows.js';

async function upload(p: Pipeline, objects: FixtureObject[]): Promise<void> {
  for (const o of objects) await p.clients.s3.send(new PutObjectCommand({ Bucket: p.topology.bucket, Key: o.key, Body: o.body }));
}

function source(p: Pipeline) {
  return { account: p.account, providerUuid: p.providerUuid };
}

async function receiveBodies(p: Pipeline, url: string): Promise<string[]> {
  const out = await p.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
  return (out.Messages ?? []).map((m) => m.Body ?? '');
}

async function countRows(p: Pipeline, day: string): Promise<number> {
  const { rows } = await p.db.pool.query(`SELECT count(*)::int AS n FROM "${p.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = $1`, [day]);
  return rows[0].n;
}

/** The month of the first upload: three days, manifest 7, a space in every file name. */
function monthObjects(p: Pipeline): FixtureObject[] {
  return ['2025-10-01', '2025-10-02', '2025-10-03']
    .flatMap((d) => dayObjects({ ...source(p), manifestId: 7 }, sampleDay(d)))
    .map((o) => ({ ...o, key: o.key.replace('.7.0_', '.7 a.0_') }));
}

describe('pipeline on the emulator', { concurrency: false }, () => {
  let p: Pipeline;
  before(async () => {
    p = await startPipeline();
  });
  after(async () => {
    await p.cleanup();
  });

  it('acknowledges and ignores the s3:TestEvent sent when the notification was configured', async () => {
    await p.settle();
    assert.ok(p.logs.some((l) => l.message.includes('s3:TestEvent')), 'the test event was seen');
    assert.deepEqual(await receiveBodies(p, p.topology.ingest.dlqUrl), []);
  });

  it('fills the summary with exactly the rows the CLI summarize produces for the same data', async () => {
    const days = ['2025-10-01', '2025-10-02', '2025-10-03'];
    // A space in a file name: S3 event keys arrive URL-encoded (moto: quote_plus), next to Koku's `=` segments.
    await upload(p, monthObjects(p));
    await p.settle();
    for (const d of days) assert.equal(await countRows(p, d), 5, `rows of ${d}`);

    Object.assign(process.env, { AWS_ENDPOINT_URL: emulatorEndpoint(), AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
    const cli = await freshSchema('org');
    try {
      const code = await summarize(
        {
          source: `s3://${p.topology.bucket}`,
          schema: cli.schema,
          account: p.account,
          providerUuid: p.providerUuid,
          clusterId: p.clusterId,
          clusterAlias: 'Cluster One',
          month: { year: 2025, month: 10 },
          db: process.env.KOKU_TEST_DATABASE_URL,
          dataDir: '.koku-agg-test',
          workers: 1,
          logLevel: 'error',
        },
        () => {},
      );
      assert.equal(code, 0);
      assert.deepEqual(await readSummaryRows(cli.pool, cli.schema), await readSummaryRows(p.db.pool, p.schema));
    } finally {
      await cli.cleanup();
    }
  });

  it('commits each changed day once per burst of uploads (ledger)', async () => {
    const c = await p.db.pool.connect();
    try {
      const ledger = await readLedger(c, p.schema, p.providerUuid, OCP_SUMMARY_TYPE, ['2025-10-01', '2025-10-02', '2025-10-03']);
      assert.equal(ledger.size, 3);
      for (const e of ledger.values()) assert.equal(e.inputs instanceof Array ? e.inputs.length : -1, 5);
    } finally {
      c.release();
    }
    const commits = p.logs.filter((l) => l.message === 'finalize done').flatMap((l) => (l.extra?.committed as string[]) ?? []);
    assert.deepEqual(commits.sort(), ['2025-10-01', '2025-10-02', '2025-10-03']);
  });

  it('publishes a summary-committed event per commit with days, row counts and control totals', async () => {
    const events = (await receiveBodies(p, p.completionQueueUrl)).map((b) => JSON.parse(b));
    const days = events.flatMap((e) => e.days.map((d: { day: string }) => d.day)).sort();
    assert.deepEqual(days, ['2025-10-01', '2025-10-02', '2025-10-03']);
    for (const e of events) {
      assert.equal(e.type, 'summary-committed');
      assert.equal(e.providerUuid, p.providerUuid);
      for (const d of e.days) {
        assert.equal(d.rowCount, 5);
        assert.equal(d.controlTotals.pod_usage_cpu_core_hours, 6 + 42);
      }
    }
  });

  it('changes nothing when the same S3 event is delivered three times, or a multipart upload sends two events', async () => {
    const before = await readSummaryRows(p.db.pool, p.schema);
    const uuids = await readUuidsByDay(p.db.pool, p.schema, '2025-10-01');
    const key = monthObjects(p)[1].key;
    const event = { Records: [{ eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventName: 'ObjectCreated:Put', s3: { bucket: { name: p.topology.bucket }, object: { key: encodeURIComponent(key) } } }] };
    for (let i = 0; i < 3; i++) await p.sendIngest(event);
    await p.settle();
    // Re-uploading identical bytes through a multipart upload: moto emits Put and CompleteMultipartUpload.
    const body = monthObjects(p).filter((o) => o.key.includes('2025-10-02'))[1];
    const mp = await p.clients.s3.send(new CreateMultipartUploadCommand({ Bucket: p.topology.bucket, Key: body.key }));
    const part = await p.clients.s3.send(new UploadPartCommand({ Bucket: p.topology.bucket, Key: body.key, UploadId: mp.UploadId, PartNumber: 1, Body: body.body }));
    await p.clients.s3.send(new CompleteMultipartUploadCommand({ Bucket: p.topology.bucket, Key: body.key, UploadId: mp.UploadId, MultipartUpload: { Parts: [{ ETag: part.ETag, PartNumber: 1 }] } }));
    await p.settle();
    assert.deepEqual(await readSummaryRows(p.db.pool, p.schema), before.map((r) => r));
    assert.deepEqual(await readUuidsByDay(p.db.pool, p.schema, '2025-10-01'), uuids, 'day 1 was not rewritten');
  });

  it('counts both of two objects of the same day uploaded close together (latest input set wins)', async () => {
    const day = '2025-10-04';
    const base = sampleDay(day);
    const chunk0 = dayObjects({ ...source(p), manifestId: 9 }, base, 0);
    const extraPod = { namespace: 'late', pod: 'late-1', node: 'worker-1', hours: [5], cpuUsage: 1, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 1 };
    const chunk1 = dayObjects({ ...source(p), manifestId: 9 }, { ...base, pods: [extraPod], volumes: [] }, 1).filter((o) => o.key.includes('pod_usage'));
    // The first object's day task runs and queues its finalize before the second object lands.
    await upload(p, chunk0);
    while ((await p.ingest.pollOnce()) > 0);
    await upload(p, chunk1);
    await p.settle();
    const { rows } = await p.db.pool.query(`SELECT namespace FROM "${p.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = $1 AND data_source = 'Pod' AND pod_labels IS NOT NULL ORDER BY 1`, [day]);
    assert.deepEqual(rows.map((r) => r.namespace), ['late', 'openshift-monitoring', 'shop']);
  });

  it('sends a poison object to the DLQ after retries, names it in the logs, keeps that day and lets other days complete', async () => {
    const day1Before = await readSummaryRows(p.db.pool, p.schema, `usage_start = '2025-10-01'`);
    const good = dayObjects({ ...source(p), manifestId: 11 }, sampleDay('2025-10-05'));
    const podDailyKey = (suffix: string) => monthObjects(p)[1].key.replace('_daily_0.parquet', `_daily_${suffix}.parquet`);
    const valid = good[1].body;
    const poison: FixtureObject[] = [
      { key: podDailyKey('91'), body: new TextEncoder().encode('this is not parquet at all') },
      { key: podDailyKey('92'), body: valid.slice(0, Math.floor(valid.length / 2)) },
      { key: podDailyKey('93'), body: good[2].body }, // a node_labels file where pod_usage daily is expected
      { key: podDailyKey('94'), body: new Uint8Array() },
    ];
    await upload(p, [...poison, ...good]);
    await p.settle();

    const dead = await receiveBodies(p, p.topology.ingest.dlqUrl);
    assert.equal(dead.length, 4, 'one DLQ message per poison object');
    for (const o of poison) {
      const logged = p.logs.filter((l) => l.level === 'error' && String(l.extra?.error).includes(o.key));
      assert.ok(logged.length >= p.topology.maxReceiveCount, `each try of ${o.key} is logged with its key`);
    }
    assert.ok(p.logs.some((l) => l.level === 'error' && String(l.extra?.error).includes('missing column')), 'the wrong-schema cause is named');
    assert.deepEqual(await readSummaryRows(p.db.pool, p.schema, `usage_start = '2025-10-01'`), day1Before, 'day 1 keeps its previous rows');
    assert.equal(await countRows(p, '2025-10-05'), 5, 'another day completed');
    // Remove the poison so later tests see a healthy month.
    for (const o of poison) await p.store.delete(o.key);
  });

  it('leaves the previous rows when the finalizer fails between delete and insert, and completes on retry', async () => {
    const day = '2025-10-05';
    const before = await readSummaryRows(p.db.pool, p.schema, `usage_start = '${day}'`);
    let failures = 0;
    p.hooks.afterDelete = async () => {
      if (failures++ === 0) throw new Error('injected failure between delete and insert');
    };
    try {
      const extra = dayObjects({ ...source(p), manifestId: 12 }, { ...sampleDay(day), pods: [{ namespace: 'batch', pod: 'job-1', node: 'worker-1', hours: [7], cpuUsage: 2, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 1 }], volumes: [] }, 1);
      await upload(p, extra.filter((o) => o.key.includes('pod_usage')));
      while ((await p.ingest.pollOnce()) > 0);
      assert.equal(await p.finalize.pollOnce(), 1);
      assert.equal(failures, 1, 'the injected failure happened');
      assert.deepEqual(await readSummaryRows(p.db.pool, p.schema, `usage_start = '${day}'`), before, 'the failed commit left the previous rows');
      await p.settle();
      assert.equal(await countRows(p, day), 6, 'the retry committed the new rows');
    } finally {
      p.hooks.afterDelete = undefined;
    }
  });

  it('announces a commit whose summary-committed event failed when the finalize request comes again', async () => {
    const day = '2025-10-06';
    await receiveBodies(p, p.completionQueueUrl); // drain what earlier tests announced
    let failures = 0;
    p.hooks.beforePublish = async () => {
      if (failures++ === 0) throw new Error('injected failure sending the event');
    };
    try {
      await upload(p, dayObjects(source(p), sampleDay(day)));
      await p.settle();
      assert.equal(failures, 2, 'the first send failed, the redelivered request sent again');
      const events = (await receiveBodies(p, p.completionQueueUrl)).map((b) => JSON.parse(b));
      assert.deepEqual(events.flatMap((e) => e.days.map((d: { day: string; rowCount: number }) => [d.day, d.rowCount])), [[day, 5]]);
      const commits = p.logs.filter((l) => l.message === 'finalize done' && (l.extra?.committed as string[]).includes(day));
      assert.equal(commits.length, 1, 'committed once; the retry found the day unchanged');
    } finally {
      p.hooks.beforePublish = undefined;
    }
  });

  it('finalizes the days of a month in separate message groups: a failing day does not hold back another', async () => {
    const days = ['2025-10-01', '2025-10-05'];
    const before = await Promise.all(days.map((day) => countRows(p, day)));
    let calls = 0;
    p.hooks.afterDelete = async () => {
      if (calls++ === 0) throw new Error('injected failure of the first finalize');
    };
    try {
      const job = { namespace: 'reports', pod: 'job-2', node: 'worker-1', hours: [9], cpuUsage: 1, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 1 };
      for (const day of days) {
        const extra = dayObjects({ ...source(p), manifestId: 13 }, { ...sampleDay(day), pods: [job], volumes: [] }, 1);
        await upload(p, extra.filter((o) => o.key.includes('pod_usage')));
      }
      while ((await p.ingest.pollOnce()) > 0);
      // One batch holds both days' requests; the first fails, and only its own group's later records fail with it.
      assert.equal(await p.finalize.pollOnce(), 2);
      assert.equal(calls, 2, 'the second day ran after the first failed');
      const afterBatch = await Promise.all(days.map((day) => countRows(p, day)));
      await p.settle();
      const final = await Promise.all(days.map((day) => countRows(p, day)));
      assert.ok(final.every((n, i) => n !== before[i]), 'both days have the new pod in the end');
      const committedInBatch = days.filter((_, i) => afterBatch[i] === final[i]);
      const heldBack = days.filter((_, i) => afterBatch[i] === before[i]);
      assert.equal(committedInBatch.length, 1, 'one day committed in the failing batch');
      assert.equal(heldBack.length, 1, 'the failed day kept its rows until its retry');
    } finally {
      p.hooks.afterDelete = undefined;
    }
  });

  it('re-runs exactly the days of a replay, and sends a malformed replay to the DLQ with the reason', async () => {
    await p.db.pool.query(`DELETE FROM "${p.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = '2025-10-02'`);
    const day1 = await readUuidsByDay(p.db.pool, p.schema, '2025-10-01');
    const day3 = await readUuidsByDay(p.db.pool, p.schema, '2025-10-03');
    await p.sendIngest({ type: 'replay', account: p.account, providerType: 'OCP', providerUuid: p.providerUuid, year: 2025, month: 10, days: [2] });
    await p.settle();
    assert.equal(await countRows(p, '2025-10-02'), 5, 'the replayed day is back');
    assert.deepEqual(await readUuidsByDay(p.db.pool, p.schema, '2025-10-01'), day1, 'day 1 untouched');
    assert.deepEqual(await readUuidsByDay(p.db.pool, p.schema, '2025-10-03'), day3, 'day 3 untouched');

    const dlqBefore = (await receiveBodies(p, p.topology.ingest.dlqUrl)).length;
    await p.sendIngest({ type: 'replay', account: p.account, providerType: 'OCP', month: 13 });
    await p.settle();
    const dead = await receiveBodies(p, p.topology.ingest.dlqUrl);
    assert.ok(dead.some((b) => b.includes('"month":13')), 'the malformed replay is in the DLQ');
    assert.ok(dead.length >= 1 && dlqBefore >= 0);
    const reason = p.logs.find((l) => l.level === 'error' && String(l.extra?.error).includes('invalid replay message'));
    assert.ok(reason, 'the reason is logged');
    assert.match(String(reason!.extra?.error), /providerUuid|month/);
  });
});

