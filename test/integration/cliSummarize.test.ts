/**
 * `koku-agg summarize` on a local directory into a real PostgreSQL: the spec's worked example (§11) row by row, every
 * column, through Parquet, the day task, the finalizer and the numeric(33,15) writer; re-runs; Koku's delete rule;
 * a corrupt object.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { summarize, type SummarizeOptions } from '../../cli/commands/summarize.js';
import { enableTagKeys } from '../../lib/db/index.js';
import { accountForSchema, buildObjectKey } from '../../lib/layout/index.js';
import { writeParquet } from '../../lib/parquet/index.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { namespaceLabelsTable, nodeLabelsTable, podDailyTable, podHourlyTable, storageDailyTable } from '../helpers/ocpArrow.js';
import { readSummaryRows } from '../helpers/summaryRows.js';

const PROVIDER = '0a5d4f3e-2b1c-4d6e-8f90-123456789abc';
const GIB = 2 ** 30;

function keyOf(account: string, reportType: 'pod_usage' | 'storage_usage' | 'node_labels' | 'namespace_labels', daily: boolean, day: string, chunk = 0) {
  const [year, month] = day.split('-').map(Number);
  return buildObjectKey({ account, providerType: 'OCP', reportType, granularity: daily ? 'daily' : 'hourly', providerUuid: PROVIDER, year, month, fileName: `${reportType}.${day}.1.0_${daily ? 'daily_' : ''}${chunk}.parquet` });
}

/** Spec §11: node-a (4 cores, 16 GiB, worker), pod web-1 in shop for 10:00 and 11:00, PVC data of 10 GiB. */
async function writeWorkedExample(store: LocalObjectStore, account: string) {
  const day = '2024-03-15';
  const node = { namespace: 'shop', pod: 'web-1', node: 'node-a', resource_id: 'i-0abc', node_role: 'worker', pod_labels: { app: 'web', pod_template_hash: 'abc' }, node_capacity_cpu_cores: 4, node_capacity_cpu_core_seconds: 14400, node_capacity_memory_bytes: 17179869184, node_capacity_memory_byte_seconds: 61847529062400 };
  const hours = [
    { ...node, interval_start: `${day}T10:00:00`, pod_usage_cpu_core_seconds: 1800, pod_request_cpu_core_seconds: 3600, pod_limit_cpu_core_seconds: 7200, pod_usage_memory_byte_seconds: 3865470566400, pod_request_memory_byte_seconds: 7730941132800, pod_limit_memory_byte_seconds: 15461882265600 },
    { ...node, interval_start: `${day}T11:00:00`, pod_usage_cpu_core_seconds: 5400, pod_request_cpu_core_seconds: 3600, pod_limit_cpu_core_seconds: 7200, pod_usage_memory_byte_seconds: 11596411699200, pod_request_memory_byte_seconds: 7730941132800, pod_limit_memory_byte_seconds: 15461882265600 },
  ];
  const daily = [{ ...node, interval_start: day, pod_usage_cpu_core_seconds: 7200, pod_request_cpu_core_seconds: 7200, pod_limit_cpu_core_seconds: 14400, pod_usage_memory_byte_seconds: 15461882265600, pod_request_memory_byte_seconds: 15461882265600, pod_limit_memory_byte_seconds: 30923764531200, pod_effective_usage_cpu_core_seconds: 9000, pod_effective_usage_memory_byte_seconds: 19327352832000, node_capacity_cpu_core_seconds: 28800, node_capacity_memory_byte_seconds: 123695058124800 }];
  await store.put(keyOf(account, 'pod_usage', false, day), writeParquet(podHourlyTable(hours)));
  await store.put(keyOf(account, 'pod_usage', true, day), writeParquet(podDailyTable(daily)));
  await store.put(keyOf(account, 'node_labels', true, day), writeParquet(nodeLabelsTable([{ interval_start: day, node: 'node-a', node_labels: { env: 'prod', kubernetes_io_hostname: 'node-a' } }])));
  await store.put(keyOf(account, 'namespace_labels', true, day), writeParquet(namespaceLabelsTable([{ interval_start: day, namespace: 'shop', namespace_labels: { env: 'staging', team: 'web' } }])));
  await store.put(keyOf(account, 'storage_usage', true, day), writeParquet(storageDailyTable([{ interval_start: day, namespace: 'shop', pod: 'web-1', persistentvolumeclaim: 'data', persistentvolume: 'pvc-123', storageclass: 'gp3', persistentvolumeclaim_capacity_bytes: 10 * GIB, persistentvolumeclaim_capacity_byte_seconds: 77309411328000, volume_request_storage_byte_seconds: 77309411328000, persistentvolumeclaim_usage_byte_seconds: 38654705664000 }])));
}

describe('koku-agg summarize on the embedded layout', { concurrency: false }, () => {
  let db: FreshSchema;
  let dir: string;
  let store: LocalObjectStore;
  let opts: SummarizeOptions;
  const out: string[] = [];

  before(async () => {
    db = await freshSchema('org');
    dir = mkdtempSync(join(tmpdir(), 'koku-agg-cli-'));
    store = new LocalObjectStore(dir);
    await writeWorkedExample(store, accountForSchema(db.schema));
    const c = await db.pool.connect();
    try {
      await enableTagKeys(c, db.schema, 'OCP', ['app', 'env', 'team']);
    } finally {
      c.release();
    }
    opts = { source: dir, schema: db.schema, providerUuid: PROVIDER, clusterId: 'ocp-cluster-p', clusterAlias: 'P', month: { year: 2024, month: 3 }, db: testDatabaseUrl(), dataDir: join(dir, '.unused'), workers: 2, logLevel: 'error' };
  });
  after(async () => {
    await db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the spec §11 worked example, every column, as numeric(33,15) and jsonb', async () => {
    assert.equal(await summarize(opts, (l) => out.push(l)), 0);
    const rows = await readSummaryRows(db.pool, db.schema);
    const zeroCost = { cpu: 0, memory: 0, storage: 0 };
    const common = { cluster_id: 'ocp-cluster-p', cluster_alias: 'P', source_uuid: PROVIDER, usage_start: '2024-03-15', usage_end: '2024-03-15', node: 'node-a', resource_id: 'i-0abc' };
    const n = (x: string) => x;
    const pod = rows.find((r) => r.namespace === 'shop' && r.data_source === 'Pod')!;
    assert.deepEqual(pick(pod), {
      ...common, data_source: 'Pod', namespace: 'shop', pod_labels: { app: 'web', env: 'staging', team: 'web' }, all_labels: { app: 'web', env: 'staging', team: 'web' },
      pod_usage_cpu_core_hours: n('2.000000000000000'), pod_request_cpu_core_hours: n('2.000000000000000'), pod_effective_usage_cpu_core_hours: n('2.500000000000000'), pod_limit_cpu_core_hours: n('4.000000000000000'),
      pod_usage_memory_gigabyte_hours: n('4.000000000000000'), pod_request_memory_gigabyte_hours: n('4.000000000000000'), pod_effective_usage_memory_gigabyte_hours: n('5.000000000000000'), pod_limit_memory_gigabyte_hours: n('8.000000000000000'),
      node_capacity_cpu_cores: n('4.000000000000000'), node_capacity_cpu_core_hours: n('8.000000000000000'), node_capacity_memory_gigabytes: n('16.000000000000000'), node_capacity_memory_gigabyte_hours: n('32.000000000000000'),
      cluster_capacity_cpu_core_hours: n('8.000000000000000'), cluster_capacity_memory_gigabyte_hours: n('32.000000000000000'),
      persistentvolumeclaim: null, persistentvolume: null, storageclass: null, volume_labels: null,
      persistentvolumeclaim_capacity_gigabyte: null, persistentvolumeclaim_capacity_gigabyte_months: null, volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
      infrastructure_usage_cost: zeroCost, cost_category_id: null, infrastructure_raw_cost: null,
    });
    const unallocated = rows.find((r) => r.namespace === 'Worker unallocated')!;
    assert.deepEqual(pick(unallocated), {
      ...common, data_source: 'Pod', namespace: 'Worker unallocated', pod_labels: null, all_labels: {},
      pod_usage_cpu_core_hours: n('6.000000000000000'), pod_request_cpu_core_hours: n('6.000000000000000'), pod_effective_usage_cpu_core_hours: n('5.500000000000000'), pod_limit_cpu_core_hours: null,
      pod_usage_memory_gigabyte_hours: n('28.000000000000000'), pod_request_memory_gigabyte_hours: n('28.000000000000000'), pod_effective_usage_memory_gigabyte_hours: n('27.000000000000000'), pod_limit_memory_gigabyte_hours: null,
      node_capacity_cpu_cores: n('4.000000000000000'), node_capacity_cpu_core_hours: n('8.000000000000000'), node_capacity_memory_gigabytes: n('16.000000000000000'), node_capacity_memory_gigabyte_hours: n('32.000000000000000'),
      cluster_capacity_cpu_core_hours: n('8.000000000000000'), cluster_capacity_memory_gigabyte_hours: n('32.000000000000000'),
      persistentvolumeclaim: null, persistentvolume: null, storageclass: null, volume_labels: null,
      persistentvolumeclaim_capacity_gigabyte: null, persistentvolumeclaim_capacity_gigabyte_months: null, volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
      infrastructure_usage_cost: null, cost_category_id: null, infrastructure_raw_cost: null,
    });
    const storage = rows.find((r) => r.data_source === 'Storage')!;
    assert.deepEqual(pick(storage), {
      ...common, data_source: 'Storage', namespace: 'shop', pod_labels: null, all_labels: { env: 'staging', team: 'web' },
      pod_usage_cpu_core_hours: null, pod_request_cpu_core_hours: null, pod_effective_usage_cpu_core_hours: null, pod_limit_cpu_core_hours: null,
      pod_usage_memory_gigabyte_hours: null, pod_request_memory_gigabyte_hours: null, pod_effective_usage_memory_gigabyte_hours: null, pod_limit_memory_gigabyte_hours: null,
      node_capacity_cpu_cores: null, node_capacity_cpu_core_hours: null, node_capacity_memory_gigabytes: null, node_capacity_memory_gigabyte_hours: null,
      cluster_capacity_cpu_core_hours: null, cluster_capacity_memory_gigabyte_hours: null,
      persistentvolumeclaim: 'data', persistentvolume: 'pvc-123', storageclass: 'gp3', volume_labels: { env: 'staging', team: 'web' },
      // 0.026881720430107527 and 0.013440860215053764 rounded HALF_UP at 15 decimals (spec §11 (c), §12).
      persistentvolumeclaim_capacity_gigabyte: n('10.000000000000000'), persistentvolumeclaim_capacity_gigabyte_months: n('0.026881720430108'), volume_request_storage_gigabyte_months: n('0.026881720430108'), persistentvolumeclaim_usage_gigabyte_months: n('0.013440860215054'),
      infrastructure_usage_cost: zeroCost, cost_category_id: null, infrastructure_raw_cost: null,
    });
    assert.equal(rows.length, 3);
  });

  it('leaves identical contents when run twice, and keeps rows with non-zero infrastructure_raw_cost', async () => {
    const { rows: rp } = await db.pool.query(`SELECT id FROM "${db.schema}".reporting_ocpusagereportperiod LIMIT 1`);
    await db.pool.query(
      `INSERT INTO "${db.schema}".reporting_ocpusagelineitem_daily_summary (uuid, usage_start, usage_end, report_period_id, namespace, data_source, source_uuid, infrastructure_raw_cost)
       VALUES (gen_random_uuid(), '2024-03-15', '2024-03-15', $1, 'Storage unattributed', 'Storage', $2, 12.5)`,
      [rp[0].id, PROVIDER],
    );
    const before = await readSummaryRows(db.pool, db.schema);
    assert.equal(await summarize(opts, (l) => out.push(l)), 0);
    assert.deepEqual(await readSummaryRows(db.pool, db.schema), before);
    assert.equal(before.filter((r) => r.namespace === 'Storage unattributed').length, 1);
  });

  it('fails naming a corrupt object, keeps that day, and still commits the other days', async () => {
    const account = accountForSchema(db.schema);
    await putObjects(store, dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2024-03-16')));
    const before = await readSummaryRows(db.pool, db.schema, `usage_start = '2024-03-15'`);
    const bad = keyOf(account, 'pod_usage', true, '2024-03-15', 1);
    await store.put(bad, new TextEncoder().encode('PAR1 but not really'));
    const lines: string[] = [];
    assert.equal(await summarize(opts, (l) => lines.push(l)), 1);
    assert.ok(lines.some((l) => l.includes('FAILED 2024-03-15') && l.includes(bad)), `the output names ${bad}`);
    assert.deepEqual(await readSummaryRows(db.pool, db.schema, `usage_start = '2024-03-15'`), before);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = '2024-03-16'`);
    assert.equal(rows[0].n, 5);
  });
});

const COLUMNS = [
  'cluster_id', 'cluster_alias', 'source_uuid', 'usage_start', 'usage_end', 'node', 'resource_id', 'data_source', 'namespace', 'pod_labels', 'all_labels',
  'pod_usage_cpu_core_hours', 'pod_request_cpu_core_hours', 'pod_effective_usage_cpu_core_hours', 'pod_limit_cpu_core_hours',
  'pod_usage_memory_gigabyte_hours', 'pod_request_memory_gigabyte_hours', 'pod_effective_usage_memory_gigabyte_hours', 'pod_limit_memory_gigabyte_hours',
  'node_capacity_cpu_cores', 'node_capacity_cpu_core_hours', 'node_capacity_memory_gigabytes', 'node_capacity_memory_gigabyte_hours',
  'cluster_capacity_cpu_core_hours', 'cluster_capacity_memory_gigabyte_hours', 'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'volume_labels',
  'persistentvolumeclaim_capacity_gigabyte', 'persistentvolumeclaim_capacity_gigabyte_months', 'volume_request_storage_gigabyte_months', 'persistentvolumeclaim_usage_gigabyte_months',
  'infrastructure_usage_cost', 'cost_category_id', 'infrastructure_raw_cost',
];

function pick(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map((c) => [c, row[c]]));
}

describe('shadow mode', () => {
  it('fills <schema>_shadow and leaves the tenant tables byte-identical', async () => {
    const tenant = await freshSchema('org');
    const dir = mkdtempSync(join(tmpdir(), 'koku-agg-shadow-'));
    try {
      const account = accountForSchema(tenant.schema);
      await putObjects(new LocalObjectStore(dir), dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2024-03-16')));
      // Koku's own rows for the same day, which shadow mode must not touch.
      await tenant.pool.query(
        `INSERT INTO "${tenant.schema}".reporting_ocpusagelineitem_daily_summary (uuid, usage_start, usage_end, namespace, data_source, source_uuid, pod_usage_cpu_core_hours)
         VALUES (gen_random_uuid(), '2024-03-16', '2024-03-16', 'koku-row', 'Pod', $1, 1.5)`,
        [PROVIDER],
      );
      // A user-defined category exists only in the tenant schema; shadow rows still carry its id.
      const { rows: cat } = await tenant.pool.query(
        `INSERT INTO "${tenant.schema}".reporting_ocp_cost_category (name, description, source_type, system_default, label) VALUES ('Shop', 'user', 'OCP', false, '{}') RETURNING id`,
      );
      await tenant.pool.query(`INSERT INTO "${tenant.schema}".reporting_ocp_cost_category_namespace (namespace, system_default, cost_category_id) VALUES ('shop', false, $1)`, [cat[0].id]);
      const digest = async (schema: string) =>
        (await tenant.pool.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.uuid), '')) AS d, count(*)::int AS n FROM "${schema}".reporting_ocpusagelineitem_daily_summary t`)).rows[0];
      const before = await digest(tenant.schema);
      const code = await summarize(
        { source: dir, schema: tenant.schema, shadowSuffix: '_shadow', providerUuid: PROVIDER, clusterId: 'c', month: { year: 2024, month: 3 }, db: testDatabaseUrl(), dataDir: join(dir, '.unused'), workers: 0, logLevel: 'error' },
        () => {},
      );
      assert.equal(code, 0);
      assert.deepEqual(await digest(tenant.schema), before, 'tenant summary table unchanged');
      const shadow = await digest(`${tenant.schema}_shadow`);
      assert.equal(shadow.n, 5, 'shadow table filled');
      const { rows: shop } = await tenant.pool.query(`SELECT DISTINCT cost_category_id FROM "${tenant.schema}_shadow".reporting_ocpusagelineitem_daily_summary WHERE namespace = 'shop'`);
      assert.deepEqual(shop.map((r) => r.cost_category_id), [cat[0].id]);
    } finally {
      await tenant.pool.query(`DROP SCHEMA IF EXISTS "${tenant.schema}_shadow" CASCADE`);
      await tenant.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
