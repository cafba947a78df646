import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { replaceOcpDays } from '../../lib/db/ocpSummaryWriter.js';
import { withTransaction } from '../../lib/db/transaction.js';
import { ensureReportPeriod } from '../../lib/db/reportPeriod.js';
import { toNumeric15 } from '../../lib/db/numeric.js';
import { InvalidSummaryRowError } from '../../lib/db/errors.js';
import { OCP_SUMMARY_TABLE } from '../../lib/db/constants.js';
import type { OcpSummaryRow } from '../../lib/ocp/types.js';
import { freshSchema, podRow, storageRow, type FreshSchema } from '../helpers/database.js';

const PROVIDER = '6795d5e6-951c-4382-a8d3-390515d7ec7d';
const OTHER_PROVIDER = '0b8b4ad8-1a57-4a4a-9d51-1d3c6b2b8e4f';

describe('replaceOcpDays', () => {
  let db: FreshSchema;
  let table: string;
  let rp: number;
  let otherRp: number;

  const replace = (days: string[], rows: OcpSummaryRow[], reportPeriodId = rp, hooks = {}) =>
    withTransaction(db.pool, (client) =>
      replaceOcpDays(client, { schema: db.schema, reportPeriodId, clusterId: 'my-cluster', clusterAlias: 'My Cluster', providerUuid: PROVIDER, days, rows }, hooks));

  const all = async (where = 'true', params: unknown[] = []): Promise<pg.QueryResult['rows']> =>
    (await db.pool.query(`SELECT *, to_char(usage_start, 'YYYY-MM-DD') AS day, to_char(usage_end, 'YYYY-MM-DD') AS end_day
                          FROM ${table} WHERE ${where} ORDER BY usage_start, namespace NULLS FIRST, data_source`, params)).rows;

  before(async () => {
    db = await freshSchema('writer');
    table = `${db.schema}.${OCP_SUMMARY_TABLE}`;
    const client = await db.pool.connect();
    try {
      rp = await ensureReportPeriod(client, db.schema, { providerUuid: PROVIDER, clusterId: 'my-cluster', clusterAlias: 'My Cluster', year: 2024, month: 3 });
      otherRp = await ensureReportPeriod(client, db.schema, { providerUuid: OTHER_PROVIDER, clusterId: 'other', clusterAlias: null, year: 2024, month: 3 });
    } finally { client.release(); }
  });
  after(async () => {
    await db?.cleanup();
  });
  beforeEach(async () => {
    await db.pool.query(`DELETE FROM ${table}`);
  });

  it('writes every value as spec §3.2 / §9.1 say (round trip)', async () => {
    const unallocated = podRow({
      namespace: 'Worker unallocated', pod_labels: null, all_labels: {}, pod_limit_cpu_core_hours: null,
      pod_limit_memory_gigabyte_hours: null, pod_usage_cpu_core_hours: 6, infrastructure_usage_cost_zero: false, cost_category_id: null,
    });
    const platform = podRow({ namespace: 'openshift-monitoring', cost_category_id: 1, pod_usage_cpu_core_hours: 1234.5678901234567 });
    const result = await replace(['2024-03-15'], [podRow(), storageRow(), unallocated, platform]);
    assert.deepEqual(result, { deleted: 0, inserted: 4 });

    const rows = await all();
    assert.equal(rows.length, 4);
    const [worker, pod, storage, plat] = [
      rows.find((r) => r.namespace === 'Worker unallocated'), rows.find((r) => r.namespace === 'shop' && r.data_source === 'Pod'),
      rows.find((r) => r.data_source === 'Storage'), rows.find((r) => r.namespace === 'openshift-monitoring'),
    ];
    for (const r of rows) {
      assert.match(r.uuid, /^[0-9a-f-]{36}$/);
      assert.equal(r.report_period_id, rp);
      assert.equal(r.cluster_id, 'my-cluster');
      assert.equal(r.cluster_alias, 'My Cluster');
      assert.equal(r.source_uuid, PROVIDER);
      assert.equal(r.day, '2024-03-15');
      assert.equal(r.end_day, '2024-03-15');
      assert.equal(r.infrastructure_raw_cost, null);
    }
    assert.equal(new Set(rows.map((r) => r.uuid)).size, 4);
    assert.deepEqual(pod.pod_labels, { app: 'web', env: 'staging', team: 'web' });
    assert.deepEqual(pod.all_labels, { app: 'web', env: 'staging', team: 'web' });
    assert.equal(pod.volume_labels, null);
    assert.equal(pod.pod_effective_usage_cpu_core_hours, '2.500000000000000');
    assert.equal(pod.node_capacity_memory_gigabyte_hours, '32.000000000000000');
    assert.equal(pod.resource_id, 'i-0abc');
    assert.equal(pod.cost_category_id, null);
    const zero = await db.pool.query(`SELECT infrastructure_usage_cost::text AS t FROM ${table} WHERE uuid = $1 AND usage_start = '2024-03-15'`, [pod.uuid]);
    assert.equal(zero.rows[0].t, '{"cpu": 0.000000000, "memory": 0.000000000, "storage": 0.000000000}');
    assert.equal(storage.pod_labels, null);
    assert.deepEqual(storage.volume_labels, { app: 'web', env: 'staging' });
    assert.equal(storage.persistentvolumeclaim, 'data');
    assert.equal(storage.storageclass, 'gp3');
    assert.equal(storage.persistentvolumeclaim_capacity_gigabyte_months, '0.026881720430108');
    assert.equal(storage.persistentvolumeclaim_usage_gigabyte_months, '0.013440860215054');
    assert.equal(storage.pod_usage_cpu_core_hours, null);
    assert.ok(!('csi_volume_handle' in storage));
    assert.equal(worker.pod_labels, null);
    assert.deepEqual(worker.all_labels, {});
    assert.equal(worker.infrastructure_usage_cost, null);
    assert.equal(worker.pod_limit_cpu_core_hours, null);
    assert.equal(worker.pod_usage_cpu_core_hours, '6.000000000000000');
    assert.equal(plat.cost_category_id, 1);
    assert.equal(plat.pod_usage_cpu_core_hours, '1234.567890123456700');
    // Landed in the month partition, not the default one.
    const parts = await db.pool.query(`SELECT DISTINCT tableoid::regclass::text AS p FROM ${table}`);
    assert.deepEqual(parts.rows.map((r) => r.p.split('.').pop()), [`${OCP_SUMMARY_TABLE}_2024_03`]);
  });

  it('stores numerics exactly as toNumeric15 (which matches PostgreSQL rounding of the shortest decimal)', async () => {
    const values: number[] = [0.1 + 0.2, 1e-20, 5e-16, -5e-16, -2.5e-15, 1e17, -123.456, 0.9999999999999999, 28.000000000000004];
    for (let i = 0; i < 200; i++) values.push((Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 28 - 14));
    const rows = values.map((v, i) => podRow({ namespace: `ns-${String(i).padStart(4, '0')}`, pod_usage_cpu_core_hours: v }));
    await replace(['2024-03-15'], rows);
    const stored = await all();
    assert.equal(stored.length, values.length);
    const pgRounded = await db.pool.query<{ r: string }>(
      'SELECT round(v::numeric, 15)::text AS r FROM unnest($1::text[]) WITH ORDINALITY AS u(v, i) ORDER BY i',
      [values.map((v) => String(v))],
    );
    values.forEach((v, i) => {
      assert.equal(stored[i].pod_usage_cpu_core_hours, toNumeric15(v), `value ${v}`);
      assert.equal(stored[i].pod_usage_cpu_core_hours, pgRounded.rows[i].r, `pg rounding of ${v}`);
    });
  });

  it("deletes with Koku's rule: same report period, the days given, infrastructure_raw_cost NULL or 0", async () => {
    await replace(['2024-03-14', '2024-03-15', '2024-03-16'], [
      podRow({ usage_start: '2024-03-14', namespace: 'keep-other-day' }),
      podRow({ usage_start: '2024-03-15', namespace: 'old-a' }),
      podRow({ usage_start: '2024-03-16', namespace: 'keep-other-day' }),
    ]);
    await replace(['2024-03-15'], [podRow({ usage_start: '2024-03-15', namespace: 'other-rp' })], otherRp);
    // OCP-on-cloud rows of the same day: non-zero raw cost survives, zero / NULL does not.
    await db.pool.query(
      `INSERT INTO ${table} (uuid, report_period_id, usage_start, usage_end, namespace, infrastructure_raw_cost) VALUES
       (gen_random_uuid(), $1, '2024-03-15', '2024-03-15', 'Storage unattributed', 12.5),
       (gen_random_uuid(), $1, '2024-03-15', '2024-03-15', 'Network unattributed', -0.25),
       (gen_random_uuid(), $1, '2024-03-15', '2024-03-15', 'zero-cost', 0),
       (gen_random_uuid(), $1, '2024-03-15', '2024-03-15', 'null-cost', NULL)`,
      [rp],
    );
    const result = await replace(['2024-03-15'], [podRow({ namespace: 'new-a' }), podRow({ namespace: 'new-b' })]);
    assert.deepEqual(result, { deleted: 3, inserted: 2 });
    const left = (await all()).map((r) => `${r.day} ${r.namespace} ${r.report_period_id === rp ? 'R' : 'other'}`);
    assert.deepEqual(left.sort(), [
      '2024-03-14 keep-other-day R',
      '2024-03-15 Network unattributed R',
      '2024-03-15 Storage unattributed R',
      '2024-03-15 new-a R',
      '2024-03-15 new-b R',
      '2024-03-15 other-rp other',
      '2024-03-16 keep-other-day R',
    ]);
    // Re-running the same replacement gives the same contents (idempotent).
    assert.deepEqual(await replace(['2024-03-15'], [podRow({ namespace: 'new-a' }), podRow({ namespace: 'new-b' })]), { deleted: 2, inserted: 2 });
    assert.equal((await all()).length, 7);
  });

  it('is atomic: a failure between delete and insert leaves the previous rows', async () => {
    await replace(['2024-03-15'], [podRow({ namespace: 'previous' })]);
    const before = await all();
    await assert.rejects(
      replace(['2024-03-15'], [podRow({ namespace: 'next' })], rp, { afterDelete: async () => { throw new Error('crash after delete'); } }),
      /crash after delete/,
    );
    assert.deepEqual(await all(), before);
  });

  it('aborts cleanly when the COPY stream fails mid-way, and the pool stays usable', async () => {
    await replace(['2024-03-15'], [podRow({ namespace: 'previous' })]);
    // 200k-character label values make several COPY chunks; a broken value after the first chunk fails in the server.
    const big = 'x'.repeat(70_000);
    const rows = [podRow({ namespace: 'a', pod_labels: { big } }), podRow({ namespace: 'b', pod_labels: { big } }), podRow({ namespace: 'n'.repeat(300) })];
    await assert.rejects(replace(['2024-03-15'], rows), /value too long/);
    assert.deepEqual((await all()).map((r) => r.namespace), ['previous']);
    assert.equal((await db.pool.query('SELECT 1 AS one')).rows[0].one, 1);
  });

  it('aborts cleanly when encoding fails in the middle of the stream (client-side error)', async () => {
    await replace(['2024-03-15'], [podRow({ namespace: 'previous' })]);
    const big = 'x'.repeat(70_000);
    const unserialisable = { a: 1n } as unknown as Record<string, string>;
    const rows = [podRow({ namespace: 'a', pod_labels: { big } }), podRow({ namespace: 'b', pod_labels: { big } }), podRow({ namespace: 'c', pod_labels: unserialisable })];
    await assert.rejects(replace(['2024-03-15'], rows), /BigInt/);
    assert.deepEqual((await all()).map((r) => r.namespace), ['previous']);
    for (let i = 0; i < 4; i++) assert.equal((await db.pool.query('SELECT 1 AS one')).rows[0].one, 1);
    assert.deepEqual(await replace(['2024-03-15'], [podRow({ namespace: 'after' })]), { deleted: 1, inserted: 1 });
  });

  it('escapes text and JSON for COPY (tabs, newlines, backslashes, quotes, unicode)', async () => {
    const nasty = 'a\tb\nc\\d\re"f\'g &amp; ünï 😀 \\N';
    const labels = { [nasty]: nasty, plain: 'v' };
    await replace(['2024-03-15'], [podRow({ namespace: nasty, node: '\\N', resource_id: '', pod_labels: labels, all_labels: labels })]);
    const [r] = await all();
    assert.equal(r.namespace, nasty);
    assert.equal(r.node, '\\N');
    assert.equal(r.resource_id, '');
    assert.deepEqual(r.pod_labels, labels);
    assert.deepEqual(r.all_labels, labels);
  });

  it('creates the partition of each month written, across a year boundary; days must sit in the report period', async () => {
    const periods = await withTransaction(db.pool, async (client) => ({
      dec: await ensureReportPeriod(client, db.schema, { providerUuid: PROVIDER, clusterId: 'my-cluster', clusterAlias: null, year: 2024, month: 12 }),
      jan: await ensureReportPeriod(client, db.schema, { providerUuid: PROVIDER, clusterId: 'my-cluster', clusterAlias: null, year: 2025, month: 1 }),
    }));
    await assert.rejects(
      replace(['2024-12-31', '2025-01-01'], [podRow({ usage_start: '2024-12-31' }), podRow({ usage_start: '2025-01-01' })], periods.dec),
      (err: unknown) => err instanceof InvalidSummaryRowError && /2025-01-01 are outside the report period \[2024-12-01, 2025-01-01\)/.test(err.message),
    );
    await assert.rejects(replace(['2024-12-31'], [], 999_999), /report period does not exist/);
    await replace(['2024-12-31'], [podRow({ usage_start: '2024-12-31' })], periods.dec);
    await replace(['2025-01-01'], [podRow({ usage_start: '2025-01-01' })], periods.jan);
    const parts = await db.pool.query(`SELECT tableoid::regclass::text AS p, to_char(usage_start, 'YYYY-MM-DD') AS d FROM ${table} ORDER BY usage_start`);
    assert.deepEqual(parts.rows.map((r) => [r.d, r.p.split('.').pop()]), [
      ['2024-12-31', `${OCP_SUMMARY_TABLE}_2024_12`],
      ['2025-01-01', `${OCP_SUMMARY_TABLE}_2025_01`],
    ]);
  });

  it('refuses rows outside the days, bad days, unusable numbers and NUL characters before writing anything', async () => {
    await replace(['2024-03-15'], [podRow({ namespace: 'previous' })]);
    await assert.rejects(replace(['2024-03-15'], [podRow({ usage_start: '2024-03-16' })]), (err: unknown) =>
      err instanceof InvalidSummaryRowError && /row 0 .*2024-03-16.*not one of the days/.test(err.message));
    await assert.rejects(replace(['2024-3-15'], []), InvalidSummaryRowError);
    await assert.rejects(replace(['2024-03-15'], [podRow({ pod_usage_cpu_core_hours: Number.NaN })]), /pod_usage_cpu_core_hours = NaN/);
    await assert.rejects(replace(['2024-03-15'], [podRow({ node_capacity_cpu_core_hours: 1e18 })]), InvalidSummaryRowError);
    await assert.rejects(replace(['2024-03-15'], [podRow({ data_source: 'Node' as 'Pod' })]), InvalidSummaryRowError);
    // PostgreSQL's text and jsonb refuse U+0000 only at COPY time, with a message that names no row.
    await assert.rejects(replace(['2024-03-15'], [podRow({ node: 'n\u0000' })]), (err: unknown) =>
      err instanceof InvalidSummaryRowError && /row 0 \(2024-03-15 Pod .*\/n\\u0000\): node "n\\u0000" holds a NUL character/.test(err.message));
    const labels = { app: 'a\u0000b' };
    await assert.rejects(replace(['2024-03-15'], [podRow(), podRow({ pod_labels: labels, all_labels: labels })]), (err: unknown) =>
      err instanceof InvalidSummaryRowError && /row 1 .*: pod_labels label "app" holds a NUL character, which PostgreSQL jsonb cannot store/.test(err.message));
    assert.deepEqual((await all()).map((r) => r.namespace), ['previous']);
  });

  it('handles empty inputs: no days is a no-op, days without rows just delete', async () => {
    await replace(['2024-03-15'], [podRow({ namespace: 'previous' })]);
    assert.deepEqual(await replace([], []), { deleted: 0, inserted: 0 });
    assert.deepEqual(await replace(['2024-03-15'], []), { deleted: 1, inserted: 0 });
    assert.equal((await all()).length, 0);
  });

  it('streams a larger load (5,000 rows) in chunks', async () => {
    const rows: OcpSummaryRow[] = [];
    for (let i = 0; i < 5000; i++) rows.push(podRow({ usage_start: i % 2 ? '2024-03-01' : '2024-03-31', namespace: `ns-${i}`, pod_usage_cpu_core_hours: i / 7 }));
    const result = await replace(['2024-03-01', '2024-03-31'], rows);
    assert.deepEqual(result, { deleted: 0, inserted: 5000 });
    const sum = await db.pool.query(`SELECT count(*)::int AS n, sum(pod_usage_cpu_core_hours)::text AS s FROM ${table}`);
    assert.equal(sum.rows[0].n, 5000);
    assert.ok(Math.abs(Number(sum.rows[0].s) - rows.reduce((a, r) => a + (r.pod_usage_cpu_core_hours ?? 0), 0)) < 1e-9);
  });
});
