import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comparePodRows, podRowKey, POD_ROW_NUMBERS } from '../../../bench/comparePodRows.js';
import type { ComparablePodRow } from '../../../bench/comparePodRows.js';

/** The spec §11 (a) Pod row, as the partial gives it (labels as an object). */
function specRow(overrides: Partial<ComparablePodRow> = {}): ComparablePodRow {
  const numbers = Object.fromEntries(POD_ROW_NUMBERS.map((c) => [c, 0]));
  return {
    ...numbers,
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

describe('comparePodRows', () => {
  it('pairs rows by labels as JSON objects, whether given as objects or as text in another key order', () => {
    const duckdb = specRow({ pod_labels: '{"team":"web","app":"web","env":"staging"}' });
    const result = comparePodRows([specRow()], [duckdb]);
    assert.equal(result.agree, true);
    assert.equal(result.matched, 1);
    assert.equal(podRowKey(specRow()), podRowKey(duckdb));
  });

  it('accepts sums that differ only by the order of additions, and reports how far apart they were', () => {
    const result = comparePodRows([specRow({ pod_usage_cpu_core_hours: 0.1 + 0.2 })], [specRow({ pod_usage_cpu_core_hours: 0.3 })]);
    assert.equal(result.agree, true);
    assert.ok(result.largestRelativeDifference > 0 && result.largestRelativeDifference < 1e-15);
  });

  it('names the row and column of a value beyond the tolerance, and of NULL against a value', () => {
    const result = comparePodRows(
      [specRow({ pod_effective_usage_cpu_core_hours: 2.0, node_capacity_cpu_core_hours: null })],
      [specRow()],
    );
    assert.equal(result.agree, false);
    assert.deepEqual(
      result.differences.first.map((d) => [d.column, d.ours, d.reference]),
      [
        ['pod_effective_usage_cpu_core_hours', 2.0, 2.5],
        ['node_capacity_cpu_core_hours', null, 8.0],
      ],
    );
    assert.match(result.differences.first[0]?.row ?? '', /^2024-03-15 ns=shop node=node-a labels=\{"app":"web","env":"staging","team":"web"\}$/);
  });

  it('lists rows found on one side only, and a group key that appears twice on a side', () => {
    const other = specRow({ pod_labels: { app: 'api' } });
    const result = comparePodRows([specRow(), specRow(), other], [specRow(), specRow({ resource_id: 'i-0def', pod_labels: {} })]);
    assert.equal(result.agree, false);
    assert.deepEqual([result.missing.count, result.extra.count, result.duplicates.count], [1, 1, 1]);
    assert.match(result.missing.rows[0] ?? '', /labels=\{\}$/);
    assert.match(result.extra.rows[0] ?? '', /labels=\{"app":"api"\}$/);
  });

  it('compares resource_id as text', () => {
    const result = comparePodRows([specRow({ resource_id: 'i-0abd' })], [specRow()]);
    assert.deepEqual(result.differences.first.map((d) => d.column), ['resource_id']);
  });
});
