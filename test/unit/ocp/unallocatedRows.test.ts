import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildUnallocatedRows } from '../../../lib/ocp/unallocatedRows.js';
import type { OcpSummaryRow } from '../../../lib/ocp/types.js';
import { assertRowsEqual, expectedPodRow, expectedStorageRow, expectedUnallocatedRow } from '../../helpers/ocpArrow.js';

const DAY = '2024-03-15';
const cap = {
  node_capacity_cpu_cores: 4, node_capacity_cpu_core_hours: 10, node_capacity_memory_gigabytes: 16,
  node_capacity_memory_gigabyte_hours: 40, cluster_capacity_cpu_core_hours: 20, cluster_capacity_memory_gigabyte_hours: 80,
};
const usage = (cpu: number, mem: number) => ({
  pod_usage_cpu_core_hours: cpu, pod_request_cpu_core_hours: cpu / 2, pod_effective_usage_cpu_core_hours: cpu,
  pod_limit_cpu_core_hours: 99, pod_usage_memory_gigabyte_hours: mem, pod_request_memory_gigabyte_hours: mem / 2,
  pod_effective_usage_memory_gigabyte_hours: mem, pod_limit_memory_gigabyte_hours: 99,
});

function pod(namespace: string, node: string, f: Partial<OcpSummaryRow> = {}): OcpSummaryRow {
  return expectedPodRow({ usage_start: DAY, namespace, node, resource_id: 'i-1', pod_labels: { a: '1' }, ...cap, ...usage(1, 2), ...f });
}

describe('buildUnallocatedRows (spec §8.2)', () => {
  it('subtracts the node-day Σ over all namespaces (platform ones included) from the node capacity', () => {
    const rows = buildUnallocatedRows([pod('shop', 'n'), pod('openshift-dns', 'n', { resource_id: 'i-2' })], () => 'worker', []);
    assertRowsEqual(rows, [expectedUnallocatedRow({
      usage_start: DAY, namespace: 'Worker unallocated', node: 'n', resource_id: 'i-2', ...cap,
      pod_usage_cpu_core_hours: 8, pod_request_cpu_core_hours: 9, pod_effective_usage_cpu_core_hours: 8,
      pod_usage_memory_gigabyte_hours: 36, pod_request_memory_gigabyte_hours: 38, pod_effective_usage_memory_gigabyte_hours: 36,
    })]);
  });

  it('skips synthetic namespaces, Storage rows and NULL nodes; keeps one row per (node, day); never clamps', () => {
    const rows = buildUnallocatedRows([
      pod('Platform unallocated', 'n'), pod('Worker unallocated', 'n'), pod('Network unattributed', 'n'), pod('Storage unattributed', 'n'),
      expectedStorageRow({ usage_start: DAY, namespace: 'shop', node: 'n' }),
      pod('shop', null as unknown as string, { node: null }),
      pod('shop', 'n', { ...usage(12, 0) }),
      pod('shop', 'n', { usage_start: '2024-03-16' }),
    ], () => null, []);
    assert.deepEqual(rows.map((r) => [r.usage_start, r.node, r.namespace, r.pod_usage_cpu_core_hours]), [
      [DAY, 'n', null, -2],
      ['2024-03-16', 'n', null, 9],
    ]);
  });

  it('takes the string max of the roles of the group\'s (node, resource_id) pairs', () => {
    const roles: Record<string, string> = { 'i-1': 'master', 'i-2': 'worker' };
    const rows = buildUnallocatedRows([pod('a', 'n'), pod('b', 'n', { resource_id: 'i-2' })], (_n, rid) => roles[rid ?? ''] ?? null, []);
    assert.equal(rows[0].namespace, 'Worker unallocated');
  });

  it('emits one row per matching cost-category pattern', () => {
    const rows = buildUnallocatedRows([pod('a', 'n')], () => 'infra', [
      { pattern: 'Platform%', costCategoryId: 1 }, { pattern: '%unallocated', costCategoryId: 2 }, { pattern: 'Worker%', costCategoryId: 3 },
    ]);
    assert.deepEqual(rows.map((r) => [r.namespace, r.cost_category_id]), [['Platform unallocated', 1], ['Platform unallocated', 2]]);
  });
});
