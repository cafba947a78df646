/**
 * OCP on AWS through the serverless pipeline on the emulator (moto) and a real PostgreSQL: AWS CUR objects and OCP
 * objects land in S3 → ingest queue → day-aggregator (AWS day tasks; OCP day tasks re-run OCP on AWS for the
 * tenant's AWS sources) → FIFO finalize queue (`summaryType` ocp_aws_daily_summary) → finalizer → Koku's
 * `reporting_ocpawscostlineitem_project_daily_summary_p`. Values are the spec's §7 worked examples (no markup here).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enableTagKeys, readLedger, upsertProvider } from '../../lib/db/index.js';
import { addOcpAwsPairings } from '../../lib/ocp-aws/index.js';
import { OCP_AWS_SUMMARY_TYPE } from '../../lib/pipeline/constants.js';
import { dayObjects, type FixtureObject } from '../helpers/kokuFixtures.js';
import { awsObjects, section7AwsLines, section7OcpDay } from '../helpers/ocpAwsMonthFixtures.js';
import { startPipeline, type Pipeline } from '../helpers/pipelineHarness.js';

const OCP = 'b2000000-0000-4000-8000-000000000001';
const AWS = 'a2000000-0000-4000-8000-000000000001';
const DAY = '2025-10-01';

async function upload(p: Pipeline, objects: FixtureObject[]): Promise<void> {
  for (const o of objects) await p.clients.s3.send(new PutObjectCommand({ Bucket: p.topology.bucket, Key: o.key, Body: o.body }));
}

interface Row {
  resource_id: string;
  namespace: string | null;
  data_source: string;
  unblended_cost: string | null;
  usage_amount: string | null;
  tags: unknown;
  cluster_id: string;
}

async function readRows(p: Pipeline): Promise<Row[]> {
  const { rows } = await p.db.pool.query<Row>(
    `SELECT resource_id, namespace, data_source, unblended_cost, usage_amount, tags, cluster_id
       FROM "${p.schema}".reporting_ocpawscostlineitem_project_daily_summary_p WHERE usage_start = $1
      ORDER BY resource_id, namespace, unblended_cost`,
    [DAY],
  );
  return rows;
}

const costOf = (rows: Row[], resource: string) => rows.filter((r) => r.resource_id === resource).reduce((s, r) => s + Number(r.unblended_cost ?? 0), 0);

describe('OCP on AWS through the pipeline on the emulator', { concurrency: false }, () => {
  let p: Pipeline;
  before(async () => {
    p = await startPipeline({ providerUuid: OCP });
    const c = await p.db.pool.connect();
    try {
      await upsertProvider(c, p.schema, { providerUuid: AWS, providerType: 'AWS' });
      await addOcpAwsPairings(c, p.schema, AWS, [OCP]);
      await enableTagKeys(c, p.schema, 'OCP', ['app']);
      await enableTagKeys(c, p.schema, 'AWS', ['env']);
    } finally {
      c.release();
    }
  });
  after(async () => {
    await p.cleanup();
  });

  it('commits an AWS day that arrives before its OCP data, then attributes it when the OCP day lands', async () => {
    await upload(p, await awsObjects(p.schema, AWS, section7AwsLines(DAY)));
    await p.settle();
    assert.deepEqual(await readRows(p), [], 'no OCP rows that day: nothing to attribute yet');

    await upload(p, dayObjects({ account: p.account, providerUuid: OCP }, section7OcpDay(DAY)));
    await p.settle();
    const rows = await readRows(p);
    assert.deepEqual(
      rows.map((r) => [r.resource_id, r.namespace, r.data_source, r.unblended_cost, r.usage_amount, r.tags]),
      [
        ['i-0abc', 'Worker unallocated', 'Pod', '0.600000000000000', '8.000000000000000', null],
        ['i-0abc', 'backend', 'Pod', '1.200000000000000', '8.000000000000000', { app: 'api', env: 'prod' }],
        ['i-0abc', 'frontend', 'Pod', '0.600000000000000', '8.000000000000000', { app: 'web', env: 'prod' }],
        ['vol-0123abcd', 'Storage unattributed', 'Storage', '0.129032258064516', null, null],
        ['vol-0123abcd', 'database', 'Storage', '0.129032258064516', '3.225806451612903', { app: 'db' }],
      ],
    );
    assert.ok(rows.every((r) => r.cluster_id === p.clusterId));
    const c = await p.db.pool.connect();
    try {
      const ledger = await readLedger(c, p.schema, AWS, OCP_AWS_SUMMARY_TYPE, [DAY]);
      assert.equal(ledger.get(DAY)?.rowCount, 5);
    } finally {
      c.release();
    }
  });

  it('counts a second CUR file of the same day that lands later (latest input set wins)', async () => {
    const extra = section7AwsLines(DAY).slice(0, 1).map((l) => ({ ...l, usageType: 'BoxUsage:extra', unblendedCost: 0.01, usageAmount: 1 }));
    await upload(p, await awsObjects(p.schema, AWS, extra, 2));
    await p.settle();
    const rows = await readRows(p);
    assert.ok(Math.abs(costOf(rows, 'i-0abc') - (2.4 + 0.24)) < 1e-9, `both files of the day are attributed: ${costOf(rows, 'i-0abc')}`);
    assert.ok(Math.abs(costOf(rows, 'vol-0123abcd') - (0.08 * 100 * 24) / 744) < 1e-9);
  });

  it('re-runs an AWS source-month on a replay with providerType AWS', async () => {
    const before = await readRows(p);
    await p.db.pool.query(`DELETE FROM "${p.schema}".reporting_ocpawscostlineitem_project_daily_summary_p WHERE usage_start = $1`, [DAY]);
    await p.sendIngest({ type: 'replay', account: p.account, providerType: 'AWS', providerUuid: AWS, year: 2025, month: 10 });
    await p.settle();
    assert.deepEqual(await readRows(p), before);
  });
});
