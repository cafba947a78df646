import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareRows, POD_ROW_SHAPE, rowKey, STORAGE_ROW_SHAPE, STORAGE_TABLE_SHAPE, UNALLOCATED_ROW_SHAPE } from '../../../bench/compareRows.js';
import type { ComparableRow } from '../../../bench/compareRows.js';

/** The spec §11 (a) Pod row, as the partial gives it (labels as an object). */
function podRow(overrides: ComparableRow = {}): ComparableRow {
  return {
    ...Object.fromEntries(POD_ROW_SHAPE.numbers.map((c) => [c, 0])),
    usage_start: '2024-03-15',
    namespace: 'shop',
    node: 'node-a',
    resource_id: 'i-0abc',
    pod_labels: { app: 'web', env: 'staging', team: 'web' },
    pod_usage_cpu_core_hours: 2.0,
    pod_effective_usage_cpu_core_hours: 2.5,
    node_capacity_cpu_core_hours: 8.0,
    ...overrides,
  };
}

/** A Storage row whose PVC had no mounting pod: node and resource_id NULL (spec §7). */
function storageRow(overrides: ComparableRow = {}): ComparableRow {
  return {
    usage_start: '2024-03-15',
    namespace: 'shop',
    node: null,
    resource_id: null,
    persistentvolumeclaim: 'data-0',
    persistentvolume: 'pv-1',
    storageclass: 'gp3',
    csi_volume_handle: 'vol-1',
    volume_labels: {},
    persistentvolumeclaim_capacity_gigabyte: 10,
    persistentvolumeclaim_capacity_gigabyte_months: 10 / 31,
    volume_request_storage_gigabyte_months: null,
    persistentvolumeclaim_usage_gigabyte_months: null,
    ...overrides,
  };
}

describe('compareRows', () => {
  it('pairs rows by labels as JSON objects, whether given as objects or as text in another key order', () => {
    const duckdb = podRow({ pod_labels: '{"team":"web","app":"web","env":"staging"}' });
    const result = compareRows(POD_ROW_SHAPE, [podRow()], [duckdb]);
    assert.equal(result.agree, true);
    assert.equal(result.matched, 1);
    assert.equal(rowKey(POD_ROW_SHAPE, podRow()), rowKey(POD_ROW_SHAPE, duckdb));
  });

  it('accepts sums that differ only by the order of additions, and reports how far apart they were', () => {
    const result = compareRows(POD_ROW_SHAPE, [podRow({ pod_usage_cpu_core_hours: 0.1 + 0.2 })], [podRow({ pod_usage_cpu_core_hours: 0.3 })]);
    assert.equal(result.agree, true);
    assert.ok(result.largestRelativeDifference > 0 && result.largestRelativeDifference < 1e-15);
  });

  it('names the row and column of a value beyond the tolerance, and of NULL against a value', () => {
    const result = compareRows(POD_ROW_SHAPE, [podRow({ pod_effective_usage_cpu_core_hours: 2.0, node_capacity_cpu_core_hours: null })], [podRow()]);
    assert.equal(result.agree, false);
    assert.deepEqual(
      result.differences.first.map((d) => [d.column, d.ours, d.reference]),
      [
        ['pod_effective_usage_cpu_core_hours', 2.0, 2.5],
        ['node_capacity_cpu_core_hours', null, 8.0],
      ],
    );
    assert.equal(result.differences.first[0]?.row, 'Pod 2024-03-15 namespace=shop node=node-a pod_labels={"app":"web","env":"staging","team":"web"}');
    assert.equal(result.largestRelativeDifference, Number.POSITIVE_INFINITY);
  });

  it('lists rows found on one side only, and a group key that appears twice on a side', () => {
    const other = podRow({ pod_labels: { app: 'api' } });
    const result = compareRows(POD_ROW_SHAPE, [podRow(), podRow(), other], [podRow(), podRow({ pod_labels: {} })]);
    assert.equal(result.agree, false);
    assert.deepEqual([result.missing.count, result.extra.count, result.duplicates.count], [1, 1, 1]);
    assert.match(result.missing.rows[0] ?? '', /pod_labels=\{\}$/);
    assert.match(result.extra.rows[0] ?? '', /pod_labels=\{"app":"api"\}$/);
  });

  it('compares resource_id of Pod rows as text', () => {
    const result = compareRows(POD_ROW_SHAPE, [podRow({ resource_id: 'i-0abd' })], [podRow()]);
    assert.deepEqual(result.differences.first.map((d) => d.column), ['resource_id']);
  });

  it('keys Storage rows by volume and mounting node, NULL node included, and compares NULL usage as equal', () => {
    const result = compareRows(STORAGE_ROW_SHAPE, [storageRow()], [storageRow({ volume_labels: '{}' })]);
    assert.equal(result.agree, true);
    assert.equal(
      rowKey(STORAGE_ROW_SHAPE, storageRow()),
      'Storage 2024-03-15 namespace=shop node=(null) resource_id=(null) persistentvolumeclaim=data-0 persistentvolume=pv-1 storageclass=gp3 csi_volume_handle=vol-1 volume_labels={}',
    );
    const mounted = compareRows(STORAGE_ROW_SHAPE, [storageRow()], [storageRow({ node: 'node-a', resource_id: 'i-0abc' })]);
    assert.deepEqual([mounted.missing.count, mounted.extra.count], [1, 1]);
  });

  it('accepts values rounded to 15 decimals (numeric(33,15)) within an absolute floor, and nothing beyond it', () => {
    const tiny = 1.234567890123456e-12;
    const stored = Number(tiny.toFixed(15));
    const loose = compareRows(POD_ROW_SHAPE, [podRow({ pod_limit_cpu_core_hours: stored })], [podRow({ pod_limit_cpu_core_hours: tiny })], { absoluteTolerance: 1e-15 });
    assert.equal(loose.agree, true);
    assert.ok(loose.largestAbsoluteDifference <= 5e-16);
    assert.equal(compareRows(POD_ROW_SHAPE, [podRow({ pod_limit_cpu_core_hours: stored })], [podRow({ pod_limit_cpu_core_hours: tiny })]).agree, false);
    const far = compareRows(POD_ROW_SHAPE, [podRow({ pod_limit_cpu_core_hours: tiny + 2e-15 })], [podRow({ pod_limit_cpu_core_hours: tiny })], { absoluteTolerance: 1e-15 });
    assert.equal(far.agree, false);
  });

  it('keys table Storage rows without the CSI handle, which the PostgreSQL table does not hold', () => {
    const { csi_volume_handle: _, ...stored } = storageRow();
    assert.equal(compareRows(STORAGE_TABLE_SHAPE, [stored], [storageRow()]).agree, true);
    assert.doesNotMatch(rowKey(STORAGE_TABLE_SHAPE, storageRow()), /csi_volume_handle/);
  });

  it('keys unallocated rows by day, namespace and node, with NULL labels and NULL limits on both sides', () => {
    const row = podRow({ namespace: 'Worker unallocated', pod_labels: null, pod_limit_cpu_core_hours: null, pod_limit_memory_gigabyte_hours: null });
    assert.equal(rowKey(UNALLOCATED_ROW_SHAPE, row), 'Unallocated 2024-03-15 namespace=Worker unallocated node=node-a pod_labels=null');
    assert.equal(compareRows(UNALLOCATED_ROW_SHAPE, [row], [{ ...row }]).agree, true);
    const platform = compareRows(UNALLOCATED_ROW_SHAPE, [row], [{ ...row, namespace: 'Platform unallocated' }]);
    assert.deepEqual([platform.missing.count, platform.extra.count], [1, 1]);
  });
});
