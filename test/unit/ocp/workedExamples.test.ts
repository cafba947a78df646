// Spec §11: the worked examples, every column.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildUnallocatedRows, summarizeOcpDay } from '../../../lib/ocp/index.js';
import type { OcpSummaryConfig, OcpSummaryRow } from '../../../lib/ocp/types.js';
import {
  assertRowsEqual,
  namespaceLabelsTable,
  nodeLabelsTable,
  podDailyTable,
  podHourlyTable,
  storageDailyTable,
} from '../../helpers/ocpArrow.js';
import type { PodUsageRow, StorageUsageRow } from '../../helpers/ocpArrow.js';

const GIB = 2 ** 30;
const config: OcpSummaryConfig = {
  enabledKeys: ['app', 'env', 'team'],
  costCategories: [
    { pattern: 'openshift-%', costCategoryId: 1 },
    { pattern: 'kube-%', costCategoryId: 1 },
    { pattern: 'openshift', costCategoryId: 1 },
    { pattern: 'Platform unallocated', costCategoryId: 1 },
  ],
};

const nodeA = { node: 'node-a', resource_id: 'i-0abc', node_capacity_cpu_cores: 4, node_capacity_memory_bytes: 16 * GIB };
const web1 = { namespace: 'shop', pod: 'web-1', pod_labels: { app: 'web', pod_template_hash: 'abc' } };

function hourly(day: string): PodUsageRow[] {
  const common = {
    ...nodeA, ...web1,
    pod_request_cpu_core_seconds: 3600, pod_limit_cpu_core_seconds: 7200,
    pod_request_memory_byte_seconds: 7_730_941_132_800, pod_limit_memory_byte_seconds: 15_461_882_265_600,
    node_capacity_cpu_core_seconds: 14400, node_capacity_memory_byte_seconds: 61_847_529_062_400,
  };
  return [
    { ...common, interval_start: `${day}T10:00:00`, pod_usage_cpu_core_seconds: 1800, pod_usage_memory_byte_seconds: 3_865_470_566_400 },
    { ...common, interval_start: `${day}T11:00:00`, pod_usage_cpu_core_seconds: 5400, pod_usage_memory_byte_seconds: 11_596_411_699_200 },
  ];
}

/** The daily row Koku's post-processor derives from the two hours (effective = Σ per-hour max). */
function daily(day: string, node = nodeA): PodUsageRow {
  return {
    ...node, ...web1, interval_start: day,
    pod_usage_cpu_core_seconds: 7200, pod_request_cpu_core_seconds: 7200, pod_limit_cpu_core_seconds: 14400,
    pod_effective_usage_cpu_core_seconds: 9000,
    pod_usage_memory_byte_seconds: 15_461_882_265_600, pod_request_memory_byte_seconds: 15_461_882_265_600,
    pod_limit_memory_byte_seconds: 30_923_764_531_200, pod_effective_usage_memory_byte_seconds: 19_327_352_832_000,
    node_capacity_cpu_core_seconds: 28800, node_capacity_memory_byte_seconds: 123_695_058_124_800,
  };
}

function labelInputs(day: string) {
  return {
    nodeLabelsDaily: [nodeLabelsTable([{ interval_start: day, node: 'node-a', node_labels: { env: 'prod', kubernetes_io_hostname: 'node-a' } }])],
    namespaceLabelsDaily: [namespaceLabelsTable([{ interval_start: day, namespace: 'shop', namespace_labels: { env: 'staging', team: 'web' } }])],
  };
}

const pvc = (day: string): StorageUsageRow => ({
  interval_start: day, namespace: 'shop', pod: 'web-1', persistentvolumeclaim: 'data', persistentvolume: 'pvc-123',
  storageclass: 'gp3', persistentvolumeclaim_capacity_bytes: 10 * GIB,
  persistentvolumeclaim_capacity_byte_seconds: 77_309_411_328_000,
  volume_request_storage_byte_seconds: 77_309_411_328_000, persistentvolumeclaim_usage_byte_seconds: 38_654_705_664_000,
});

const podRowA: OcpSummaryRow = {
  usage_start: '2024-03-15', data_source: 'Pod', namespace: 'shop', node: 'node-a', resource_id: 'i-0abc',
  pod_labels: { app: 'web', env: 'staging', team: 'web' },
  pod_usage_cpu_core_hours: 2.0, pod_request_cpu_core_hours: 2.0, pod_effective_usage_cpu_core_hours: 2.5,
  pod_limit_cpu_core_hours: 4.0,
  pod_usage_memory_gigabyte_hours: 4.0, pod_request_memory_gigabyte_hours: 4.0,
  pod_effective_usage_memory_gigabyte_hours: 5.0, pod_limit_memory_gigabyte_hours: 8.0,
  node_capacity_cpu_cores: 4, node_capacity_cpu_core_hours: 8.0,
  node_capacity_memory_gigabytes: 16.0, node_capacity_memory_gigabyte_hours: 32.0,
  cluster_capacity_cpu_core_hours: 8.0, cluster_capacity_memory_gigabyte_hours: 32.0,
  persistentvolumeclaim: null, persistentvolume: null, storageclass: null, csi_volume_handle: null,
  volume_labels: null, all_labels: { app: 'web', env: 'staging', team: 'web' },
  persistentvolumeclaim_capacity_gigabyte: null, persistentvolumeclaim_capacity_gigabyte_months: null,
  volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
  infrastructure_usage_cost_zero: true, cost_category_id: null,
};

function storageRow(fields: Partial<OcpSummaryRow>): OcpSummaryRow {
  return {
    usage_start: '2024-03-15', data_source: 'Storage', namespace: 'shop', node: 'node-a', resource_id: 'i-0abc',
    pod_labels: null,
    pod_usage_cpu_core_hours: null, pod_request_cpu_core_hours: null, pod_effective_usage_cpu_core_hours: null,
    pod_limit_cpu_core_hours: null, pod_usage_memory_gigabyte_hours: null, pod_request_memory_gigabyte_hours: null,
    pod_effective_usage_memory_gigabyte_hours: null, pod_limit_memory_gigabyte_hours: null,
    node_capacity_cpu_cores: null, node_capacity_cpu_core_hours: null, node_capacity_memory_gigabytes: null,
    node_capacity_memory_gigabyte_hours: null, cluster_capacity_cpu_core_hours: null,
    cluster_capacity_memory_gigabyte_hours: null,
    persistentvolumeclaim: 'data', persistentvolume: 'pvc-123', storageclass: 'gp3', csi_volume_handle: null,
    volume_labels: { env: 'staging', team: 'web' }, all_labels: { env: 'staging', team: 'web' },
    persistentvolumeclaim_capacity_gigabyte: 10.0,
    persistentvolumeclaim_capacity_gigabyte_months: 0.026881720430107527,
    volume_request_storage_gigabyte_months: 0.026881720430107527,
    persistentvolumeclaim_usage_gigabyte_months: 0.013440860215053764,
    infrastructure_usage_cost_zero: true, cost_category_id: null,
    ...fields,
  };
}

describe('spec §11 worked examples', () => {
  const day = '2024-03-15';

  it('(a) builds the Pod row from daily usage and hourly capacity', () => {
    const summary = summarizeOcpDay(day, config, {
      podDaily: [podDailyTable([daily(day)])],
      podHourly: [podHourlyTable(hourly(day))],
      ...labelInputs(day),
    });
    assert.equal(summary.day, day);
    assertRowsEqual(summary.rows, [podRowA]);
    assert.deepEqual(summary.nodeRoles, [{ node: 'node-a', resource_id: 'i-0abc', node_capacity_cpu_cores: 4, node_role: 'worker' }]);
  });

  it('(b) builds the Worker unallocated row from the Pod row and the node role', () => {
    const summary = summarizeOcpDay(day, config, {
      podDaily: [podDailyTable([daily(day)])],
      podHourly: [podHourlyTable(hourly(day))],
      ...labelInputs(day),
    });
    const roles = new Map(summary.nodeRoles.map((r) => [`${r.node}|${r.resource_id}`, r.node_role]));
    const rows = buildUnallocatedRows(summary.rows, (node, rid) => roles.get(`${node}|${rid}`) ?? null, config.costCategories);
    assertRowsEqual(rows, [{
      usage_start: day, data_source: 'Pod', namespace: 'Worker unallocated', node: 'node-a', resource_id: 'i-0abc',
      pod_labels: null,
      pod_usage_cpu_core_hours: 6.0, pod_request_cpu_core_hours: 6.0, pod_effective_usage_cpu_core_hours: 5.5,
      pod_limit_cpu_core_hours: null,
      pod_usage_memory_gigabyte_hours: 28.0, pod_request_memory_gigabyte_hours: 28.0,
      pod_effective_usage_memory_gigabyte_hours: 27.0, pod_limit_memory_gigabyte_hours: null,
      node_capacity_cpu_cores: 4, node_capacity_cpu_core_hours: 8.0,
      node_capacity_memory_gigabytes: 16.0, node_capacity_memory_gigabyte_hours: 32.0,
      cluster_capacity_cpu_core_hours: 8.0, cluster_capacity_memory_gigabyte_hours: 32.0,
      persistentvolumeclaim: null, persistentvolume: null, storageclass: null, csi_volume_handle: null,
      volume_labels: null, all_labels: {},
      persistentvolumeclaim_capacity_gigabyte: null, persistentvolumeclaim_capacity_gigabyte_months: null,
      volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
      infrastructure_usage_cost_zero: false, cost_category_id: null,
    }]);
  });

  it('(b) gives Platform unallocated with the Platform category when the role is master', () => {
    const summary = summarizeOcpDay(day, config, { podDaily: [podDailyTable([daily(day)])], podHourly: [podHourlyTable(hourly(day))] });
    const [row] = buildUnallocatedRows(summary.rows, () => 'master', config.costCategories);
    assert.equal(row.namespace, 'Platform unallocated');
    assert.equal(row.cost_category_id, 1);
  });

  it('(c) builds the Storage row of a PVC mounted by web-1 (March, D = 31)', () => {
    const summary = summarizeOcpDay(day, config, {
      podDaily: [podDailyTable([daily(day)])],
      podHourly: [podHourlyTable(hourly(day))],
      storageDaily: [storageDailyTable([pvc(day)])],
      ...labelInputs(day),
    });
    assertRowsEqual(summary.rows, [podRowA, storageRow({})]);
  });

  it('(c) gives 0.02777… GiB-months in a 30-day month', () => {
    const april = '2024-04-15';
    const summary = summarizeOcpDay(april, config, {
      podDaily: [podDailyTable([daily(april)])],
      podHourly: [podHourlyTable(hourly(april))],
      storageDaily: [storageDailyTable([pvc(april)])],
      ...labelInputs(april),
    });
    const storage = summary.rows.filter((r) => r.data_source === 'Storage');
    assertRowsEqual(storage, [storageRow({
      usage_start: april,
      persistentvolumeclaim_capacity_gigabyte_months: 10 * 7200 / (86400 * 30),
      volume_request_storage_gigabyte_months: 10 * 7200 / (86400 * 30),
      persistentvolumeclaim_usage_gigabyte_months: 5 * 7200 / (86400 * 30),
    })]);
    assert.ok(Math.abs((storage[0].persistentvolumeclaim_capacity_gigabyte_months ?? 0) - 0.027777777777777776) < 1e-15);
  });

  it('(c) splits request and usage, not capacity, when web-1 also ran on node-b (node_count = 2)', () => {
    const nodeB = { ...nodeA, node: 'node-b', resource_id: 'i-0def' };
    const summary = summarizeOcpDay(day, config, {
      podDaily: [podDailyTable([daily(day), daily(day, nodeB)])],
      podHourly: [podHourlyTable(hourly(day))],
      storageDaily: [storageDailyTable([pvc(day)])],
      ...labelInputs(day),
    });
    const storage = summary.rows.filter((r) => r.data_source === 'Storage');
    const split = { volume_request_storage_gigabyte_months: 0.013440860215053764, persistentvolumeclaim_usage_gigabyte_months: 0.006720430107526882 };
    assertRowsEqual(storage, [
      storageRow(split),
      storageRow({ ...split, node: 'node-b', resource_id: 'i-0def' }),
    ]);
  });
});
