/**
 * `koku-agg summarize-ocp-aws` on a local directory into a real PostgreSQL: the spec's worked examples (ocp-on-aws
 * §7.1 EC2 instance, §7.2 EBS volume through its CSI handle) row by row, through Koku's CSV ingest, the OCP summary,
 * the OCP-on-AWS day task, the finalizer and the numeric writer; memory distribution; re-runs; an unregistered source.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { summarizeOcpAws, type SummarizeOcpAwsOptions } from '../../cli/commands/summarizeOcpAws.js';
import { readLedger, upsertProvider } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { listOcpAwsPairings } from '../../lib/ocp-aws/index.js';
import { OCP_AWS_SUMMARY_TYPE } from '../../lib/pipeline/constants.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects } from '../helpers/kokuFixtures.js';
import { section7AwsLines, section7OcpDay, writeAwsLines } from '../helpers/ocpAwsMonthFixtures.js';

const OCP = 'b0000000-0000-4000-8000-000000000001';
const AWS = 'a0000000-0000-4000-8000-000000000001';
const DAY = '2025-10-01';

interface Row {
  data_source: string;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  resource_id: string;
  product_family: string;
  unit: string;
  usage_amount: string | null;
  unblended_cost: string | null;
  markup_cost: string | null;
  blended_cost: string | null;
  markup_cost_blended: string | null;
  savingsplan_effective_cost: string | null;
  calculated_amortized_cost: string | null;
  markup_cost_amortized: string | null;
  tags: Record<string, string> | null;
  pod_labels: Record<string, string> | null;
  cluster_id: string;
  cluster_alias: string;
  usage_start: string;
  usage_end: string;
  source_uuid: string;
  report_period_id: number | null;
  cost_entry_bill_id: number | null;
  data_transfer_direction: string | null;
  infrastructure_data_in_gigabytes: string;
  infrastructure_data_out_gigabytes: string;
}

async function readRows(db: FreshSchema): Promise<Row[]> {
  const { rows } = await db.pool.query<Row>(
    `SELECT data_source, namespace, node, persistentvolumeclaim, persistentvolume, storageclass, resource_id, product_family, unit,
            usage_amount, unblended_cost, markup_cost, blended_cost, markup_cost_blended, savingsplan_effective_cost,
            markup_cost_savingsplan, calculated_amortized_cost, markup_cost_amortized, tags, pod_labels, cluster_id, cluster_alias,
            to_char(usage_start, 'YYYY-MM-DD') AS usage_start, to_char(usage_end, 'YYYY-MM-DD') AS usage_end, source_uuid::text AS source_uuid,
            report_period_id, cost_entry_bill_id, data_transfer_direction, infrastructure_data_in_gigabytes, infrastructure_data_out_gigabytes
       FROM "${db.schema}".reporting_ocpawscostlineitem_project_daily_summary_p
      ORDER BY resource_id, namespace`,
  );
  return rows;
}

/** Spec §7.1 (cpu) and §7.2, after S3 with markup 0.1, AWS key `env` and OCP key `app` enabled. */
const EXPECTED_CPU = [
  { namespace: 'Worker unallocated', resource_id: 'i-0abc', data_source: 'Pod', node: 'ip-10-0-1-10', cost: '0.600000000000000', markup: '0.060000000000000', amortized: '0.600000000', markupAmortized: '0.060000000', usage: '8.000000000000000', tags: null, pvc: null },
  { namespace: 'backend', resource_id: 'i-0abc', data_source: 'Pod', node: 'ip-10-0-1-10', cost: '1.200000000000000', markup: '0.120000000000000', amortized: '1.200000000', markupAmortized: '0.120000000', usage: '8.000000000000000', tags: { app: 'api', env: 'prod' }, pvc: null },
  { namespace: 'frontend', resource_id: 'i-0abc', data_source: 'Pod', node: 'ip-10-0-1-10', cost: '0.600000000000000', markup: '0.060000000000000', amortized: '0.600000000', markupAmortized: '0.060000000', usage: '8.000000000000000', tags: { app: 'web', env: 'prod' }, pvc: null },
  // 50 GiB of a 100 GiB disk: half the day's 0.2580645161 each; the unattributed row has no node, usage or tags.
  { namespace: 'Storage unattributed', resource_id: 'vol-0123abcd', data_source: 'Storage', node: null, cost: '0.129032258064516', markup: '0.012903225806452', amortized: '0.129032258', markupAmortized: '0.012903226', usage: null, tags: null, pvc: 'pg-data' },
  { namespace: 'database', resource_id: 'vol-0123abcd', data_source: 'Storage', node: 'ip-10-0-1-11', cost: '0.129032258064516', markup: '0.012903225806452', amortized: '0.129032258', markupAmortized: '0.012903226', usage: '3.225806451612903', tags: { app: 'db' }, pvc: 'pg-data' },
];

describe('koku-agg summarize-ocp-aws on the embedded layout', { concurrency: false }, () => {
  let db: FreshSchema;
  let dir: string;
  let opts: SummarizeOcpAwsOptions;
  const out: string[] = [];
  let firstRun: Row[] = [];

  before(async () => {
    db = await freshSchema('org');
    dir = mkdtempSync(join(tmpdir(), 'koku-agg-cli-ocp-aws-'));
    const store = new LocalObjectStore(dir);
    await putObjects(store, dayObjects({ account: accountForSchema(db.schema), providerUuid: OCP }, section7OcpDay(DAY)));
    await writeAwsLines(store, db.schema, AWS, section7AwsLines(DAY));
    opts = {
      source: dir,
      schema: db.schema,
      awsProviderUuid: AWS,
      ocpProviderUuid: [OCP],
      month: { year: 2025, month: 10 },
      db: testDatabaseUrl(),
      dataDir: '.koku-agg-test',
      markup: 0.1,
      enableTagKeys: ['app'],
      enableAwsTagKeys: ['env'],
      workers: 1,
      logLevel: 'error',
    };
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.cleanup();
  });

  it('refuses, naming the fix, when a paired OCP source is not registered', async () => {
    const lines: string[] = [];
    assert.equal(await summarizeOcpAws(opts, (l) => lines.push(l)), 1);
    assert.match(lines.join('\n'), new RegExp(`OCP source\\(s\\) ${OCP} not registered.*koku-agg summarize`));
    const c = await db.pool.connect();
    try {
      await upsertProvider(c, db.schema, { providerUuid: OCP, providerType: 'OCP', clusterId: 'c-123', clusterAlias: 'prod' });
    } finally {
      c.release();
    }
  });

  it('runs the OCP summary first, then writes the spec §7.1 and §7.2 rows, every column that matters', async () => {
    assert.equal(await summarizeOcpAws(opts, (l) => out.push(l)), 0, out.join('\n'));
    assert.match(out.join('\n'), /1 day\(s\) committed to .*reporting_ocpawscostlineitem_project_daily_summary_p/);
    const ocp = await db.pool.query(`SELECT count(*)::int AS n FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary`);
    assert.ok(ocp.rows[0].n > 0, 'the OCP summary was committed');

    const rows = await readRows(db);
    firstRun = rows;
    assert.equal(rows.length, EXPECTED_CPU.length);
    const bill = await db.pool.query(`SELECT id FROM "${db.schema}".reporting_awscostentrybill WHERE provider_id = $1`, [AWS]);
    const period = await db.pool.query(`SELECT id FROM "${db.schema}".reporting_ocpusagereportperiod WHERE provider_id = $1`, [OCP]);
    for (const [i, e] of EXPECTED_CPU.entries()) {
      const r = rows[i];
      const where = `${e.resource_id} ${e.namespace}`;
      assert.equal(r.namespace, e.namespace, where);
      assert.equal(r.data_source, e.data_source, where);
      assert.equal(r.node, e.node, where);
      assert.equal(r.unblended_cost, e.cost, where);
      assert.equal(r.blended_cost, e.cost, where);
      assert.equal(r.markup_cost, e.markup, where);
      assert.equal(r.markup_cost_blended, e.markup, where);
      assert.equal(r.calculated_amortized_cost, e.amortized, `${where}: amortized is numeric(33,9)`);
      assert.equal(r.markup_cost_amortized, e.markupAmortized, where);
      assert.equal(r.savingsplan_effective_cost, '0.000000000000000', where);
      assert.equal(r.usage_amount, e.usage, where);
      assert.deepEqual(r.tags, e.tags, where);
      assert.deepEqual(r.pod_labels, e.tags, `${where}: pod_labels = tags`);
      assert.equal(r.persistentvolumeclaim, e.pvc, where);
      assert.equal(r.persistentvolume, e.pvc ? 'pvc-1111' : null, where);
      assert.equal(r.storageclass, e.pvc ? 'gp3' : null, where);
      assert.equal(r.cluster_id, 'c-123');
      assert.equal(r.cluster_alias, 'prod');
      assert.equal(r.usage_start, DAY);
      assert.equal(r.usage_end, DAY);
      assert.equal(r.source_uuid, AWS, 'source_uuid is the AWS source');
      assert.equal(r.cost_entry_bill_id, bill.rows[0].id);
      assert.equal(r.report_period_id, period.rows[0].id);
      assert.equal(r.data_transfer_direction, null);
      assert.equal(Number(r.infrastructure_data_in_gigabytes), 0);
      assert.equal(Number(r.infrastructure_data_out_gigabytes), 0);
      assert.equal(r.product_family, e.resource_id === 'i-0abc' ? 'Compute Instance' : 'Storage');
      assert.equal(r.unit, e.resource_id === 'i-0abc' ? 'Hrs' : 'GB-Mo');
    }
    const c = await db.pool.connect();
    try {
      assert.deepEqual((await listOcpAwsPairings(c, db.schema)).map((p) => [p.awsProviderUuid, p.ocpProviderUuid]), [[AWS, OCP]]);
      const ledger = await readLedger(c, db.schema, AWS, OCP_AWS_SUMMARY_TYPE, [DAY]);
      assert.equal(ledger.get(DAY)?.rowCount, 5);
      assert.ok(Math.abs((ledger.get(DAY)?.controlTotals.unblended_cost ?? 0) - (2.4 + ((0.08 * 100) / 744) * 24)) < 1e-9, 'the whole EC2 and EBS cost is attributed');
    } finally {
      c.release();
    }
  });

  it('gives the same table when run again (the delete rule replaces the day, nothing doubles)', async () => {
    assert.equal(await summarizeOcpAws(opts, () => {}), 0);
    assert.deepEqual(await readRows(db), firstRun);
  });

  it('with memory distribution splits the instance 96/384, 48/384, 240/384 (spec §7.1) and replaces the day', async () => {
    assert.equal(await summarizeOcpAws({ ...opts, distribution: 'memory' }, () => {}), 0);
    const compute = (await readRows(db)).filter((r) => r.resource_id === 'i-0abc');
    assert.deepEqual(compute.map((r) => [r.namespace, r.unblended_cost]), [
      ['Worker unallocated', '1.500000000000000'],
      ['backend', '0.300000000000000'],
      ['frontend', '0.600000000000000'],
    ]);
  });
});
