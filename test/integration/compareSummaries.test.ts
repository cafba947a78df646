import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runCompare } from '../../cli/commands/compare.js';
import { compareSummaries } from '../../lib/compare/index.js';
import type { CompareOptions, CompareReport } from '../../lib/compare/types.js';
import { ensureTenantSchema } from '../../lib/db/ddl.js';
import { ensureReportPeriod } from '../../lib/db/reportPeriod.js';
import { replaceOcpDays } from '../../lib/db/ocpSummaryWriter.js';
import { withTransaction } from '../../lib/db/transaction.js';
import type { OcpSummaryRow } from '../../lib/ocp/types.js';
import { freshSchema, podRow, storageRow, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';

const PROVIDER = '6795d5e6-951c-4382-a8d3-390515d7ec7d';
const OTHER_PROVIDER = '0b8b4ad8-1a57-4a4a-9d51-1d3c6b2b8e4f';
const DAYS = ['2024-03-15', '2024-03-16'];
const TABLE = 'reporting_ocpusagelineitem_daily_summary';

/** One day's rows: two Pod rows, a Worker unallocated row, and two Storage rows that differ only by CSI handle. */
function dayRows(day: string, platformId: number): OcpSummaryRow[] {
  return [
    podRow({ usage_start: day }),
    podRow({ usage_start: day, namespace: 'kube-system', pod_labels: {}, all_labels: {}, pod_usage_cpu_core_hours: 0.25, cost_category_id: platformId }),
    podRow({
      usage_start: day, namespace: 'Worker unallocated', pod_labels: null, all_labels: {}, pod_usage_cpu_core_hours: 5.75,
      pod_limit_cpu_core_hours: null, pod_limit_memory_gigabyte_hours: null, infrastructure_usage_cost_zero: false,
    }),
    storageRow({ usage_start: day, csi_volume_handle: 'vol-1', persistentvolumeclaim_capacity_gigabyte: 10 }),
    storageRow({ usage_start: day, csi_volume_handle: 'vol-2', persistentvolumeclaim_capacity_gigabyte: 20, persistentvolumeclaim_usage_gigabyte_months: 0.02 }),
  ];
}
const ROWS_PER_DAY = 5;

async function writeRows(pool: pg.Pool, schema: string): Promise<void> {
  const platformId = (await pool.query(`SELECT id FROM "${schema}".reporting_ocp_cost_category WHERE name = 'Platform'`)).rows[0].id;
  await withTransaction(pool, async (client) => {
    const rp = await ensureReportPeriod(client, schema, { providerUuid: PROVIDER, clusterId: 'my-cluster', clusterAlias: 'My Cluster', year: 2024, month: 3 });
    await replaceOcpDays(client, {
      schema, reportPeriodId: rp, clusterId: 'my-cluster', clusterAlias: 'My Cluster', providerUuid: PROVIDER, days: DAYS,
      rows: DAYS.flatMap((d) => dayRows(d, platformId)),
    });
  });
}

describe('compareSummaries', () => {
  let ref: FreshSchema;
  let ours: FreshSchema;
  let refTable: string;

  const compare = (extra: Partial<CompareOptions> = {}): Promise<CompareReport> =>
    compareSummaries({
      reference: { db: ref.pool, schema: ref.schema },
      ours: { db: ours.pool, schema: ours.schema },
      providerUuid: PROVIDER, year: 2024, month: 3, ...extra,
    });
  const onRef = (sql: string, params: unknown[] = []) => ref.pool.query(sql.replaceAll('$T', refTable), params);
  const shopPod = `data_source = 'Pod' AND namespace = 'shop' AND usage_start = '2024-03-15'`;

  before(async () => {
    ref = await freshSchema('koku');
    ours = await freshSchema('shadow');
    refTable = `"${ref.schema}".${TABLE}`;
    // Another source's period first, so the two schemas give our period different ids.
    await withTransaction(ref.pool, (c) => ensureReportPeriod(c, ref.schema, { providerUuid: OTHER_PROVIDER, clusterId: 'other', clusterAlias: null, year: 2024, month: 3 }));
    await writeRows(ref.pool, ref.schema);
    await writeRows(ours.pool, ours.schema);
    await ref.pool.query(`CREATE TABLE "${ref.schema}".baseline AS SELECT * FROM ${refTable}`);
  });
  beforeEach(async () => {
    await onRef(`DELETE FROM $T`);
    await onRef(`INSERT INTO $T SELECT * FROM "${ref.schema}".baseline`);
  });
  after(async () => {
    await ref?.cleanup();
    await ours?.cleanup();
  });

  it('passes identical tables, with report periods of different ids compared by what they are', async () => {
    const ids = async (db: FreshSchema) => (await db.pool.query(`SELECT DISTINCT report_period_id FROM "${db.schema}".${TABLE}`)).rows[0].report_period_id;
    assert.notEqual(await ids(ref), await ids(ours));
    const r = await compare();
    assert.equal(r.passed, true, r.failures.join('; '));
    assert.equal(r.matched, DAYS.length * ROWS_PER_DAY);
    assert.deepEqual(r.reference.byKind, { Pod: 4, Storage: 4, Unallocated: 2, Other: 0 });
    assert.equal(r.duplicateKeys, 2);
    assert.deepEqual([r.missing.count, r.extra.count, r.labelDifferences.count, r.columns.length], [0, 0, 0, 0]);
    assert.equal(r.comparedColumns.length, 57);
    assert.ok(r.notes.some((n) => /report_period_id is compared by what it refers to/.test(n)));
    assert.deepEqual(r.totals.byDay.map((t) => [t.group, t.referenceRows, t.oursRows, t.differs]), [['2024-03-15', 5, 5, false], ['2024-03-16', 5, 5, false]]);
    assert.equal(r.totals.byNamespace.find((t) => t.group === 'shop')?.columns.pod_usage_cpu_core_hours.ours, 4);
  });

  it('names a row missing from ours', async () => {
    await onRef(`INSERT INTO $T SELECT (jsonb_populate_record(NULL::$T, to_jsonb(t) || jsonb_build_object('uuid', gen_random_uuid(), 'namespace', 'billing'))).*
                 FROM $T t WHERE ${shopPod}`);
    const r = await compare();
    assert.equal(r.passed, false);
    assert.equal(r.missing.count, 1);
    assert.match(r.missing.rows[0].text, /^Pod 2024-03-15 ns=billing node=node-a pod_labels=\{"app":"web","env":"staging","team":"web"\}$/);
    assert.deepEqual(r.failures, ['1 row(s) missing from ours']);
    const billing = r.totals.byNamespace.find((t) => t.group === 'billing');
    assert.ok(billing?.differs && billing.referenceRows === 1 && billing.oursRows === 0);
  });

  it('names an extra row in ours', async () => {
    await onRef(`DELETE FROM $T WHERE namespace = 'kube-system' AND usage_start = '2024-03-16'`);
    const r = await compare();
    assert.equal(r.extra.count, 1);
    assert.match(r.extra.rows[0].text, /^Pod 2024-03-16 ns=kube-system node=node-a pod_labels=\{\}$/);
    assert.deepEqual(r.failures, ['1 extra row(s) in ours']);
  });

  it('names a changed value with its difference, and honours the tolerance', async () => {
    await onRef(`UPDATE $T SET pod_usage_cpu_core_hours = pod_usage_cpu_core_hours + 0.5 WHERE ${shopPod}`);
    const r = await compare();
    assert.deepEqual(r.failures, ['pod_usage_cpu_core_hours: 1 mismatch(es)']);
    assert.equal(r.matchedWithDifferences, 1);
    const col = r.columns.find((c) => c.column === 'pod_usage_cpu_core_hours');
    assert.equal(col?.largest[0].difference, -0.5);
    assert.equal(col?.largest[0].reference, '2.500000000000000');
    assert.equal(col?.largest[0].ours, '2.000000000000000');
    assert.equal(r.totals.byDay.find((t) => t.group === '2024-03-15')?.differs, true);

    await onRef(`UPDATE $T SET pod_usage_cpu_core_hours = 2.0000000000005 WHERE ${shopPod}`);
    assert.equal((await compare()).passed, true, 'a 5e-13 difference is within 1e-9');
    assert.equal((await compare({ tolerance: 0 })).passed, false);
  });

  it('names a label difference as one relabelled row, not a missing and an extra one', async () => {
    await onRef(`UPDATE $T SET pod_labels = '{"team": "web", "app": "shop", "env": "staging"}', all_labels = '{"app": "shop", "env": "staging", "team": "web"}' WHERE ${shopPod}`);
    const r = await compare();
    assert.deepEqual([r.missing.count, r.extra.count, r.labelDifferences.count], [0, 0, 1]);
    assert.match(r.labelDifferences.pairs[0].reference.text, /"app":"shop"/);
    assert.match(r.labelDifferences.pairs[0].ours.text, /"app":"web"/);
    assert.deepEqual(r.failures, ['1 row(s) with different labels']);
  });

  it('ignores NULL vs 0 in cost-model columns unless strict, and never elsewhere', async () => {
    await onRef(`UPDATE $T SET cost_model_cpu_cost = 0, supplementary_usage_cost = '{"cpu": 0, "memory": 0}'`);
    const r = await compare();
    assert.equal(r.passed, true, r.failures.join('; '));
    assert.deepEqual(r.columns.map((c) => [c.column, c.mismatches, c.nullVsZeroIgnored]), [
      ['supplementary_usage_cost', 0, 10],
      ['cost_model_cpu_cost', 0, 10],
    ]);
    const strict = await compare({ strictNulls: true });
    assert.deepEqual(strict.failures, ['supplementary_usage_cost: 10 mismatch(es)', 'cost_model_cpu_cost: 10 mismatch(es)']);

    await onRef(`UPDATE $T SET pod_limit_cpu_core_hours = 0 WHERE namespace = 'Worker unallocated' AND usage_start = '2024-03-16'`);
    const limit = (await compare()).columns.find((c) => c.column === 'pod_limit_cpu_core_hours');
    assert.equal(limit?.mismatches, 1);
    assert.equal(limit?.largest[0].difference, null);
    assert.match(limit?.largest[0].row.text ?? '', /^Unallocated 2024-03-16 ns=Worker unallocated/);
  });

  it('leaves out OCP-on-cloud and cost-model rows unless asked', async () => {
    await onRef(`INSERT INTO $T (uuid, report_period_id, data_source, usage_start, usage_end, namespace, node, source_uuid, infrastructure_raw_cost)
                 SELECT gen_random_uuid(), report_period_id, 'Storage', usage_start, usage_end, 'Storage unattributed', node, source_uuid, 5
                 FROM $T WHERE ${shopPod}`);
    await onRef(`INSERT INTO $T (uuid, report_period_id, data_source, usage_start, usage_end, namespace, node, source_uuid, cost_model_rate_type, cost_model_cpu_cost)
                 SELECT gen_random_uuid(), report_period_id, 'Pod', usage_start, usage_end, namespace, node, source_uuid, 'Supplementary', 1.5
                 FROM $T WHERE ${shopPod}`);
    const r = await compare();
    assert.equal(r.passed, true, r.failures.join('; '));
    assert.deepEqual([r.reference.rowsRead, r.reference.excludedInfrastructureRows, r.reference.excludedCostModelRows], [12, 1, 1]);
    const infra = await compare({ includeInfra: true });
    assert.equal(infra.missing.count, 1);
    assert.match(infra.missing.rows[0].text, /^Storage 2024-03-15 ns=Storage unattributed/);
    assert.equal((await compare({ includeCostModelRows: true })).missing.count, 1);
  });

  it('pairs duplicate Storage rows by their closest values', async () => {
    const vol2 = `data_source = 'Storage' AND usage_start = '2024-03-16' AND persistentvolumeclaim_capacity_gigabyte = 20`;
    await onRef(`UPDATE $T SET persistentvolumeclaim_capacity_gigabyte = 20.5 WHERE ${vol2}`);
    const r = await compare();
    assert.deepEqual(r.failures, ['persistentvolumeclaim_capacity_gigabyte: 1 mismatch(es)']);
    assert.equal(r.columns[0].largest[0].difference, -0.5);

    await onRef(`DELETE FROM $T WHERE data_source = 'Storage' AND usage_start = '2024-03-16' AND persistentvolumeclaim_capacity_gigabyte = 20.5`);
    const one = await compare();
    assert.equal(one.extra.count, 1);
    assert.match(one.extra.rows[0].text, /^Storage 2024-03-16 ns=shop node=node-a resource_id=i-0abc pvc=data pv=pvc-123 storageclass=gp3 volume_labels=/);
    assert.deepEqual(one.failures, ['1 extra row(s) in ours'], 'the remaining duplicate meets its own counterpart');
  });

  it('compares only the days asked for, and fails when there is nothing to compare', async () => {
    await onRef(`DELETE FROM $T WHERE usage_start = '2024-03-15'`);
    const r = await compare({ days: ['2024-03-16'] });
    assert.equal(r.passed, true);
    assert.equal(r.matched, ROWS_PER_DAY);
    const none = await compare({ providerUuid: OTHER_PROVIDER });
    assert.equal(none.passed, false);
    assert.match(none.failures[0], /no rows to compare/);
    await assert.rejects(compare({ days: ['2024-04-01'] }), /days: 2024-04-01 is not a day of 2024-03/);
  });
});

describe('koku-agg compare (CLI) across two databases', () => {
  let ours: FreshSchema;
  let refDatabase: string;
  let refUrl: string;
  let admin: pg.Pool;
  const refSchema = 'org1234567';

  before(async () => {
    ours = await freshSchema('shadow');
    await writeRows(ours.pool, ours.schema);
    admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
    refDatabase = `koku_ref_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${refDatabase}`);
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${refDatabase}`;
    refUrl = url.toString();
    const refPool = new pg.Pool({ connectionString: refUrl, max: 2 });
    try {
      const client = await refPool.connect();
      try {
        await ensureTenantSchema(client, refSchema);
      } finally {
        client.release();
      }
      await writeRows(refPool, refSchema);
      await refPool.query(`UPDATE ${refSchema}.${TABLE} SET node_capacity_cpu_cores = 8 WHERE namespace = 'kube-system' AND usage_start = '2024-03-16'`);
    } finally {
      await refPool.end();
    }
  });
  after(async () => {
    await ours?.cleanup();
    try {
      if (refDatabase) await admin.query(`DROP DATABASE IF EXISTS ${refDatabase} WITH (FORCE)`);
    } finally {
      await admin?.end();
    }
  });

  const run = async (extra: { days?: number[]; format: 'text' | 'json' }): Promise<{ code: number; text: string }> => {
    let text = '';
    const code = await runCompare(
      {
        refDb: refUrl, refSchema, refTable: TABLE, db: testDatabaseUrl(), schema: ours.schema, table: TABLE,
        providerUuid: PROVIDER, month: { year: 2024, month: 3 }, tolerance: 1e-9, limit: 20, dataDir: '.koku-agg', ...extra,
      },
      (t) => { text += t; },
    );
    return { code, text };
  };

  it('exits 0 with a JSON report when the days asked for agree', async () => {
    const { code, text } = await run({ days: [15], format: 'json' });
    assert.equal(code, 0);
    const report = JSON.parse(text) as CompareReport;
    assert.equal(report.passed, true);
    assert.deepEqual(report.days, ['2024-03-15']);
    assert.equal(report.reference.table, `${refSchema}.${TABLE}`);
  });

  it('exits 1 and names the column, row and difference in the text report', async () => {
    const { code, text } = await run({ format: 'text' });
    assert.equal(code, 1);
    assert.match(text, /node_capacity_cpu_cores: 1 row\(s\)\n {4}diff -4 {2}reference 8\.000000000000000 {2}ours 4\.000000000000000 {2}@ Pod 2024-03-16 ns=kube-system/);
    assert.match(text, /TOTALS BY DAY/);
    assert.match(text, /RESULT: FAIL \(node_capacity_cpu_cores: 1 mismatch\(es\)\)\n$/);
  });
});
