import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readLedger, recordLedger } from '../../lib/db/ledger.js';
import { findProvider, listProviders, upsertProvider } from '../../lib/db/providers.js';
import { ensureReportPeriod, findReportPeriod } from '../../lib/db/reportPeriod.js';
import { acquireXactLock, advisoryLockKey, tryAcquireXactLock } from '../../lib/db/locks.js';
import { withTransaction } from '../../lib/db/transaction.js';
import type { LedgerEntry } from '../../lib/db/types.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';

const PROVIDER = '6795d5e6-951c-4382-a8d3-390515d7ec7d';

describe('ledger, providers, report periods, locks', () => {
  let db: FreshSchema;
  before(async () => {
    db = await freshSchema('ledger');
  });
  after(async () => {
    await db?.cleanup();
  });

  const entry = (usageDate: string, fingerprint: string): LedgerEntry => ({
    providerUuid: PROVIDER,
    summaryType: 'ocp',
    usageDate,
    fingerprint,
    inputs: [{ key: 'data/parquet/daily/org1/OCP/pod_usage/source=x/year=2024/month=03/a.parquet', etag: '"abc"', size: 123 }],
    rowCount: 42,
    controlTotals: { pod_usage_cpu_core_hours: 0.1 + 0.2, rows: 42, tiny: 1e-300 },
    codeVersion: '0.1.0',
  });

  it('round-trips entries and upserts by (provider, summary type, day)', async () => {
    await withTransaction(db.pool, (c) => recordLedger(c, db.schema, [entry('2024-03-01', 'fp1'), entry('2024-03-02', 'fp2')]));
    await withTransaction(db.pool, (c) => recordLedger(c, db.schema, [entry('2024-03-02', 'fp2-new'), entry('2024-03-02', 'fp2-newest')]));
    await withTransaction(db.pool, (c) => recordLedger(c, db.schema, [{ ...entry('2024-03-01', 'other-type'), summaryType: 'ocp-aws' }]));
    const got = await withTransaction(db.pool, (c) => readLedger(c, db.schema, PROVIDER, 'ocp', ['2024-03-01', '2024-03-02', '2024-03-03']));
    assert.deepEqual([...got.keys()].sort(), ['2024-03-01', '2024-03-02']);
    const one = got.get('2024-03-01')!;
    assert.match(one.committedAt!, /^\d{4}-\d\d-\d\dT/);
    const { committedAt: _c, ...rest } = one;
    assert.deepEqual(rest, entry('2024-03-01', 'fp1'));
    assert.equal(got.get('2024-03-02')!.fingerprint, 'fp2-newest');
    assert.equal((await withTransaction(db.pool, (c) => readLedger(c, db.schema, PROVIDER, 'ocp', []))).size, 0);
  });

  it('does not record anything when the transaction rolls back', async () => {
    await assert.rejects(withTransaction(db.pool, async (c) => {
      await recordLedger(c, db.schema, [entry('2024-03-09', 'lost')]);
      throw new Error('boom');
    }), /boom/);
    const got = await withTransaction(db.pool, (c) => readLedger(c, db.schema, PROVIDER, 'ocp', ['2024-03-09']));
    assert.equal(got.size, 0);
  });

  it('registers providers and keeps cluster fields that an update omits', async () => {
    const created = await withTransaction(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'C1' }));
    assert.equal(created.clusterId, 'c1');
    await withTransaction(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterAlias: 'Renamed' }));
    const found = await withTransaction(db.pool, (c) => findProvider(c, db.schema, PROVIDER));
    assert.deepEqual({ ...found, createdAt: '', updatedAt: '' }, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'Renamed', createdAt: '', updatedAt: '' });
    assert.equal(await withTransaction(db.pool, (c) => findProvider(c, db.schema, '00000000-0000-4000-8000-000000000000')), null);
    assert.equal((await withTransaction(db.pool, (c) => listProviders(c, db.schema))).length, 1);
  });

  it('finds or creates the report period of a month (UTC month bounds)', async () => {
    const none = await withTransaction(db.pool, (c) => findReportPeriod(c, db.schema, PROVIDER, '2024-12-01'));
    assert.equal(none, null);
    const input = { providerUuid: PROVIDER, clusterId: 'c1', clusterAlias: 'C1', year: 2024, month: 12 };
    const [a, b] = await Promise.all([
      withTransaction(db.pool, (c) => ensureReportPeriod(c, db.schema, input)),
      withTransaction(db.pool, (c) => ensureReportPeriod(c, db.schema, input)),
    ]);
    assert.equal(a, b);
    assert.equal(await withTransaction(db.pool, (c) => findReportPeriod(c, db.schema, PROVIDER, '2024-12-01')), a);
    const r = await db.pool.query(
      `SELECT to_char(report_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS s,
              to_char(report_period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS e, cluster_id, cluster_alias
       FROM ${db.schema}.reporting_ocpusagereportperiod WHERE id = $1`, [a]);
    assert.deepEqual(r.rows[0], { s: '2024-12-01 00:00', e: '2025-01-01 00:00', cluster_id: 'c1', cluster_alias: 'C1' });
    await assert.rejects(withTransaction(db.pool, (c) => findReportPeriod(c, db.schema, PROVIDER, '2024-12-02')), /YYYY-MM-01/);
  });

  it('advisory locks: stable keys, exclusive per key until the transaction ends', async () => {
    assert.equal(advisoryLockKey('ocp:org1:x:2024-3'), advisoryLockKey('ocp:org1:x:2024-3'));
    assert.notEqual(advisoryLockKey('a'), advisoryLockKey('b'));
    assert.equal(advisoryLockKey('koku'), 8641885236977962592n); // pinned: must never change between versions
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const holder = withTransaction(db.pool, async (c) => {
      await acquireXactLock(c, 'finalize:test');
      locked();
      await held;
    });
    await isLocked;
    assert.equal(await withTransaction(db.pool, (c) => tryAcquireXactLock(c, 'finalize:test')), false);
    assert.equal(await withTransaction(db.pool, (c) => tryAcquireXactLock(c, 'finalize:other')), true);
    release();
    await holder;
    assert.equal(await withTransaction(db.pool, (c) => tryAcquireXactLock(c, 'finalize:test')), true);
  });
});
