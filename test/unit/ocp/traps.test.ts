// Hand-derived from spec/ocp-daily-summary.md: one test per trap a reimplementation is likely to fall into.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildUnallocatedRows, OcpDayAggregator, summarizeOcpDay } from '../../../lib/ocp/index.js';
import type { OcpDayInputs, OcpSummaryConfig, OcpSummaryRow } from '../../../lib/ocp/types.js';
import {
  assertRowsEqual,
  expectedPodRow,
  expectedStorageRow,
  expectedUnallocatedRow,
  hourlyPodRows,
  namespaceLabelsTable,
  nodeLabelsTable,
  podDailyTable,
  podHourlyTable,
  storageDailyTable,
} from '../../helpers/ocpArrow.js';
import type { PodUsageRow, StorageUsageRow, TableOptions } from '../../helpers/ocpArrow.js';

const GIB = 2 ** 30;
const DAY = '2024-03-15';
const config: OcpSummaryConfig = { enabledKeys: ['app', 'env'], costCategories: [{ pattern: 'openshift-%', costCategoryId: 1 }] };

/** A node: 2 cores, 8 GiB, and its hourly capacity rows (one pod row per listed hour). */
const nodeA = { node: 'node-a', resource_id: 'i-a', node_capacity_cpu_cores: 2, node_capacity_memory_bytes: 8 * GIB };
const nodeB = { node: 'node-b', resource_id: 'i-b', node_capacity_cpu_cores: 1, node_capacity_memory_bytes: 4 * GIB };

function hours(n: number): number[] {
  return Array.from({ length: n }, (_, h) => h);
}

/** Capacity columns a Pod row on `node` gets when the node was seen for `h` hours on a cluster of `clusterH` core-hours. */
function capacityOf(node: typeof nodeA, h: number, cluster: { cpu: number; mem: number }) {
  return {
    node_capacity_cpu_cores: node.node_capacity_cpu_cores,
    node_capacity_memory_gigabytes: node.node_capacity_memory_bytes / GIB,
    node_capacity_cpu_core_hours: node.node_capacity_cpu_cores * h,
    node_capacity_memory_gigabyte_hours: (node.node_capacity_memory_bytes / GIB) * h,
    cluster_capacity_cpu_core_hours: cluster.cpu,
    cluster_capacity_memory_gigabyte_hours: cluster.mem,
  };
}

/** CPU columns in hours from [usage, request, effective, limit] seconds. */
function cpuHours(usage: number, request: number, effective: number, limit: number) {
  return {
    pod_usage_cpu_core_hours: usage / 3600,
    pod_request_cpu_core_hours: request / 3600,
    pod_effective_usage_cpu_core_hours: effective / 3600,
    pod_limit_cpu_core_hours: limit / 3600,
  };
}

function memGibHours(usage: number, request: number, effective: number, limit: number) {
  const g = (x: number) => x / 3600 / GIB;
  return {
    pod_usage_memory_gigabyte_hours: g(usage),
    pod_request_memory_gigabyte_hours: g(request),
    pod_effective_usage_memory_gigabyte_hours: g(effective),
    pod_limit_memory_gigabyte_hours: g(limit),
  };
}

const ZERO_MEM = memGibHours(0, 0, 0, 0);

function run(inputs: Partial<OcpDayInputs>, cfg: OcpSummaryConfig = config, day = DAY) {
  return summarizeOcpDay(day, cfg, { podDaily: [], podHourly: [], ...inputs });
}

function ofSource(rows: readonly OcpSummaryRow[], source: 'Pod' | 'Storage') {
  return rows.filter((r) => r.data_source === source);
}

describe('OCP daily summary traps', () => {
  it('effective usage is the daily sum of per-hour max(usage, request), not max of the daily sums', () => {
    // Hour 1: usage 1800 < request 3600; hour 2: usage 5400 > request 3600 → effective 3600 + 5400 = 9000.
    const daily: PodUsageRow = {
      ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web',
      pod_usage_cpu_core_seconds: 7200, pod_request_cpu_core_seconds: 7200, pod_effective_usage_cpu_core_seconds: 9000,
    };
    const { rows } = run({ podDaily: [podDailyTable([daily])], podHourly: [podHourlyTable(hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: DAY, hours: [10, 11] }))] });
    assertRowsEqual(rows, [expectedPodRow({
      usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {},
      ...cpuHours(7200, 7200, 9000, 0), ...ZERO_MEM, ...capacityOf(nodeA, 2, { cpu: 4, mem: 16 }),
    })]);
  });

  it('capacity comes from hourly rows only: max per (hour, node), summed over observed hours; cluster sums every node incl. ""', () => {
    const hourly = [
      ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'p1', day: DAY, hours: hours(10) }),
      // A second pod on node-a in hours 0–4 must not add capacity (max, not sum); its lower value at 03:00 loses.
      ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'p2', day: DAY, hours: [0, 1, 2, 4] }),
      { ...nodeA, namespace: 'shop', pod: 'p2', interval_start: `${DAY}T03:00:00`, node_capacity_cpu_core_seconds: 3600, node_capacity_memory_byte_seconds: 3600 },
      ...hourlyPodRows({ ...nodeB, namespace: 'shop', pod: 'p3', day: DAY, hours: [5, 6] }),
      // Pending pod: node "" still enters the cluster sum (with a non-zero value here to prove it).
      { namespace: 'shop', pod: 'pending', node: '', interval_start: `${DAY}T07:00:00`, node_capacity_cpu_core_seconds: 3600, node_capacity_memory_byte_seconds: 0 },
    ];
    const bogus = { node_capacity_cpu_core_seconds: 999, node_capacity_memory_byte_seconds: 999 }; // daily values are ignored
    const daily: PodUsageRow[] = [
      { ...nodeA, ...bogus, interval_start: DAY, namespace: 'shop', pod: 'p1', pod_usage_cpu_core_seconds: 36000 },
      { ...nodeA, ...bogus, interval_start: DAY, namespace: 'shop', pod: 'p2', pod_usage_cpu_core_seconds: 7200 },
      { ...nodeB, ...bogus, interval_start: DAY, namespace: 'shop', pod: 'p3', pod_usage_cpu_core_seconds: 3600 },
      // node-c never appears hourly: NULL capacity-hours (SaaS), but the cluster value is still there.
      { ...nodeA, ...bogus, node: 'node-c', resource_id: 'i-c', interval_start: DAY, namespace: 'shop', pod: 'p4', pod_usage_cpu_core_seconds: 1800 },
    ];
    const cluster = { cpu: 20 + 2 + 1, mem: 80 + 8 };
    const { rows } = run({ podDaily: [podDailyTable(daily)], podHourly: [podHourlyTable(hourly)] });
    assertRowsEqual(rows, [
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {}, ...cpuHours(43200, 0, 43200, 0), ...ZERO_MEM, ...capacityOf(nodeA, 10, cluster) }),
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-b', resource_id: 'i-b', pod_labels: {}, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...capacityOf(nodeB, 2, cluster) }),
      expectedPodRow({
        usage_start: DAY, namespace: 'shop', node: 'node-c', resource_id: 'i-c', pod_labels: {}, ...cpuHours(1800, 0, 1800, 0), ...ZERO_MEM,
        ...capacityOf(nodeA, 0, cluster), node_capacity_cpu_core_hours: null, node_capacity_memory_gigabyte_hours: null,
      }),
    ]);
    const unallocated = buildUnallocatedRows(rows, () => 'worker', []);
    const nodeC = unallocated.find((r) => r.node === 'node-c');
    assert.equal(nodeC?.pod_usage_cpu_core_hours, null, 'NULL capacity gives NULL unallocated');
    assert.equal(nodeC?.cluster_capacity_cpu_core_hours, 23);
  });

  it('fans out over a node\'s label sets when they change within the day, and sums fan-outs whose merged map is equal', () => {
    const nodeLabels = nodeLabelsTable([
      { interval_start: DAY, node: 'node-a', node_labels: { env: 'prod', zone: '1' } },
      { interval_start: DAY, node: 'node-a', node_labels: { env: 'dev' } },
      { interval_start: DAY, node: 'node-a', node_labels: { env: 'prod', zone: '2' } }, // same as the first once filtered
    ]);
    const namespaceLabels = namespaceLabelsTable([{ interval_start: DAY, namespace: 'ops', namespace_labels: { env: 'staging' } }]);
    const daily = podDailyTable([
      { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', pod_labels: { app: 'web' }, pod_usage_cpu_core_seconds: 3600 },
      { ...nodeA, interval_start: DAY, namespace: 'ops', pod: 'tool', pod_labels: { app: 'tool' }, pod_usage_cpu_core_seconds: 1800 },
    ]);
    const { rows } = run({ podDaily: [daily], nodeLabelsDaily: [nodeLabels], namespaceLabelsDaily: [namespaceLabels] });
    const cap = { ...capacityOf(nodeA, 0, { cpu: 0, mem: 0 }), node_capacity_cpu_core_hours: null, node_capacity_memory_gigabyte_hours: null, cluster_capacity_cpu_core_hours: null, cluster_capacity_memory_gigabyte_hours: null };
    assertRowsEqual(rows, [
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: { app: 'web', env: 'prod' }, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...cap }),
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: { app: 'web', env: 'dev' }, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...cap }),
      // namespace env overrides both node sets: the two fan-outs merge to one map, so usage counts twice.
      expectedPodRow({ usage_start: DAY, namespace: 'ops', node: 'node-a', resource_id: 'i-a', pod_labels: { app: 'tool', env: 'staging' }, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...cap }),
    ]);
  });

  it('no enabled key filters every label map to {}, vm_kubevirt_io_name included (Trino)', () => {
    const labels = { vm_kubevirt_io_name: 'vm1', app: 'web' };
    const inputs: Partial<OcpDayInputs> = {
      podDaily: [podDailyTable([
        { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'a', pod_labels: labels, pod_usage_cpu_core_seconds: 3600 },
        { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'b', pod_labels: { app: 'other' }, pod_usage_cpu_core_seconds: 3600 },
      ])],
      storageDaily: [storageDailyTable([{ interval_start: DAY, namespace: 'shop', pod: 'a', persistentvolumeclaim: 'c', persistentvolume: 'v', persistentvolume_labels: labels, persistentvolumeclaim_labels: { app: 'x' } }])],
      nodeLabelsDaily: [nodeLabelsTable([{ interval_start: DAY, node: 'node-a', node_labels: { app: 'n' } }])],
    };
    const none = run(inputs, { enabledKeys: [], costCategories: [] });
    assert.deepEqual(none.rows.map((r) => [r.data_source, r.pod_labels, r.volume_labels, r.all_labels]), [
      ['Pod', {}, null, {}],
      ['Storage', null, {}, {}],
    ]);
    assert.equal(none.rows[0].pod_usage_cpu_core_hours, 2, 'both pods collapse into the one {} group');
    const some = run(inputs, { enabledKeys: ['team'], costCategories: [] });
    assert.deepEqual(some.rows.map((r) => r.all_labels), [{ vm_kubevirt_io_name: 'vm1' }, {}, { vm_kubevirt_io_name: 'vm1' }]);
  });

  it('a PVC shared by pods on two nodes: one row per node, capacity undivided, request and usage divided by node_count', () => {
    const mount = (pod: string): StorageUsageRow => ({
      interval_start: DAY, namespace: 'db', pod, persistentvolumeclaim: 'shared', persistentvolume: 'pv-1', storageclass: 'gp3',
      persistentvolumeclaim_capacity_bytes: 10 * GIB, persistentvolumeclaim_capacity_byte_seconds: 10 * GIB * 86400,
      volume_request_storage_byte_seconds: 10 * GIB * 86400, persistentvolumeclaim_usage_byte_seconds: 5 * GIB * 86400,
    });
    const twoNodes = run({
      podDaily: [podDailyTable([{ ...nodeA, interval_start: DAY, namespace: 'db', pod: 'p1' }, { ...nodeB, interval_start: DAY, namespace: 'db', pod: 'p2' }])],
      storageDaily: [storageDailyTable([mount('p1'), mount('p2')])],
    });
    const row = (node: typeof nodeA, f: Partial<OcpSummaryRow>) => expectedStorageRow({
      usage_start: DAY, namespace: 'db', node: node.node, resource_id: node.resource_id, persistentvolumeclaim: 'shared',
      persistentvolume: 'pv-1', storageclass: 'gp3', volume_labels: {}, persistentvolumeclaim_capacity_gigabyte: 10,
      persistentvolumeclaim_capacity_gigabyte_months: 10 / 31, ...f,
    });
    assertRowsEqual(ofSource(twoNodes.rows, 'Storage'), [
      row(nodeA, { volume_request_storage_gigabyte_months: 5 / 31, persistentvolumeclaim_usage_gigabyte_months: 2.5 / 31 }),
      row(nodeB, { volume_request_storage_gigabyte_months: 5 / 31, persistentvolumeclaim_usage_gigabyte_months: 2.5 / 31 }),
    ]);
    // Two pods on the same node: one row, everything counted twice (the operator reports the PVC per pod).
    const oneNode = run({
      podDaily: [podDailyTable([{ ...nodeA, interval_start: DAY, namespace: 'db', pod: 'p1' }, { ...nodeA, interval_start: DAY, namespace: 'db', pod: 'p2' }])],
      storageDaily: [storageDailyTable([mount('p1'), mount('p2')])],
    });
    assertRowsEqual(ofSource(oneNode.rows, 'Storage'), [
      row(nodeA, { persistentvolumeclaim_capacity_gigabyte_months: 20 / 31, volume_request_storage_gigabyte_months: 20 / 31, persistentvolumeclaim_usage_gigabyte_months: 10 / 31 }),
    ]);
  });

  it('storage without a matching pod keeps node/resource_id NULL and gives NULL request/usage (Trino NULL node_count)', () => {
    const { rows } = run({
      storageDaily: [storageDailyTable([{
        interval_start: DAY, namespace: 'db', pod: 'gone', persistentvolumeclaim: 'data', persistentvolume: 'pv-9', storageclass: 'gp3',
        persistentvolumeclaim_capacity_bytes: 2 * GIB, persistentvolumeclaim_capacity_byte_seconds: 2 * GIB * 3600,
        volume_request_storage_byte_seconds: GIB * 3600, persistentvolumeclaim_usage_byte_seconds: GIB * 3600,
        persistentvolumeclaim_labels: { app: 'db', other: 'x' },
      }])],
      namespaceLabelsDaily: [namespaceLabelsTable([{ interval_start: DAY, namespace: 'db', namespace_labels: { env: 'qa' } }])],
    });
    assertRowsEqual(rows, [expectedStorageRow({
      usage_start: DAY, namespace: 'db', node: null, resource_id: null, persistentvolumeclaim: 'data', persistentvolume: 'pv-9',
      storageclass: 'gp3', volume_labels: { app: 'db', env: 'qa' }, persistentvolumeclaim_capacity_gigabyte: 2,
      persistentvolumeclaim_capacity_gigabyte_months: (2 * 3600) / (86400 * 31),
      volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
    })]);
  });

  it('pods with node "" give no Pod row but count in cluster capacity and map their volumes to node ""', () => {
    const { rows } = run({
      podDaily: [podDailyTable([
        { interval_start: DAY, namespace: 'shop', pod: 'pending', node: '', pod_request_cpu_core_seconds: 3600 },
        { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', pod_usage_cpu_core_seconds: 3600 },
      ])],
      podHourly: [podHourlyTable([
        ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: DAY, hours: [0] }),
        { interval_start: `${DAY}T00:00:00`, namespace: 'shop', pod: 'pending', node: '', node_capacity_cpu_core_seconds: 1800, node_capacity_memory_byte_seconds: 0 },
      ])],
      storageDaily: [storageDailyTable([{
        interval_start: DAY, namespace: 'shop', pod: 'pending', persistentvolumeclaim: 'c', persistentvolume: 'v', storageclass: 's',
        persistentvolumeclaim_capacity_bytes: GIB, persistentvolumeclaim_capacity_byte_seconds: GIB * 86400,
        volume_request_storage_byte_seconds: GIB * 86400, persistentvolumeclaim_usage_byte_seconds: GIB * 43200,
      }])],
    });
    assertRowsEqual(rows, [
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {}, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...capacityOf(nodeA, 1, { cpu: 2.5, mem: 8 }) }),
      expectedStorageRow({
        usage_start: DAY, namespace: 'shop', node: '', resource_id: '', persistentvolumeclaim: 'c', persistentvolume: 'v', storageclass: 's',
        volume_labels: {}, persistentvolumeclaim_capacity_gigabyte: 1, persistentvolumeclaim_capacity_gigabyte_months: 1 / 31,
        volume_request_storage_gigabyte_months: 1 / 31, persistentvolumeclaim_usage_gigabyte_months: 0.5 / 31,
      }),
    ]);
  });

  it('node role master/infra → Platform unallocated, worker → Worker unallocated, unknown or missing → NULL namespace', () => {
    const roles: Record<string, string | null> = { 'n-master': 'master', 'n-infra': 'infra', 'n-worker': 'worker', 'n-cp': 'control-plane', 'n-none': null };
    const nodes = Object.keys(roles);
    const { rows } = run({
      podDaily: [podDailyTable(nodes.map((node) => ({ ...nodeA, node, resource_id: `i-${node}`, interval_start: DAY, namespace: 'shop', pod: node, pod_usage_cpu_core_seconds: 3600 })))],
      podHourly: [podHourlyTable(nodes.flatMap((node) => hourlyPodRows({ ...nodeA, node, namespace: 'shop', pod: node, day: DAY, hours: [0] })))],
    });
    const costCategories = [{ pattern: 'Platform unallocated', costCategoryId: 1 }];
    const unallocated = buildUnallocatedRows(rows, (node, rid) => (rid === `i-${node}` ? roles[node] : 'master'), costCategories);
    const expected: Record<string, [string | null, number | null]> = {
      'n-master': ['Platform unallocated', 1], 'n-infra': ['Platform unallocated', 1], 'n-worker': ['Worker unallocated', null],
      'n-cp': [null, null], 'n-none': [null, null],
    };
    assertRowsEqual(unallocated, nodes.map((node) => expectedUnallocatedRow({
      usage_start: DAY, namespace: expected[node][0], node, resource_id: `i-${node}`, cost_category_id: expected[node][1],
      pod_usage_cpu_core_hours: 2 - 1, pod_request_cpu_core_hours: 2, pod_effective_usage_cpu_core_hours: 2 - 1,
      pod_usage_memory_gigabyte_hours: 8, pod_request_memory_gigabyte_hours: 8, pod_effective_usage_memory_gigabyte_hours: 8,
      ...capacityOf(nodeA, 1, { cpu: 10, mem: 40 }),
    })));
  });

  it('cost category: `_` is one character, `%` any run, and k matches multiply Pod/Storage sums (not maxes) and repeat unallocated rows', () => {
    const categories = [
      { pattern: 'kube-%', costCategoryId: 1 },
      { pattern: 'kube-syst_m', costCategoryId: 7 },
      { pattern: 'kube-sys_', costCategoryId: 9 }, // `_` is exactly one character: does not match kube-system
      { pattern: 'Worker%', costCategoryId: 3 },
      { pattern: '%unallocated', costCategoryId: 4 },
    ];
    const cfg = { enabledKeys: [], costCategories: categories };
    const { rows } = run({
      podDaily: [podDailyTable([{ ...nodeA, interval_start: DAY, namespace: 'kube-system', pod: 'dns', pod_usage_cpu_core_seconds: 3600, pod_request_cpu_core_seconds: 1800 }])],
      podHourly: [podHourlyTable(hourlyPodRows({ ...nodeA, namespace: 'kube-system', pod: 'dns', day: DAY, hours: [0] }))],
      storageDaily: [storageDailyTable([{ interval_start: DAY, namespace: 'kube-system', pod: 'dns', persistentvolumeclaim: 'c', persistentvolume: 'v', persistentvolumeclaim_capacity_bytes: GIB, persistentvolumeclaim_capacity_byte_seconds: GIB * 86400, volume_request_storage_byte_seconds: GIB * 86400, persistentvolumeclaim_usage_byte_seconds: GIB * 86400 }])],
    }, cfg);
    const cap = capacityOf(nodeA, 1, { cpu: 2, mem: 8 });
    assertRowsEqual(rows, [
      expectedPodRow({ usage_start: DAY, namespace: 'kube-system', node: 'node-a', resource_id: 'i-a', pod_labels: {}, cost_category_id: 7, ...cpuHours(7200, 3600, 7200, 0), ...ZERO_MEM, ...cap }),
      expectedStorageRow({
        usage_start: DAY, namespace: 'kube-system', node: 'node-a', resource_id: 'i-a', persistentvolumeclaim: 'c', persistentvolume: 'v',
        storageclass: '', volume_labels: {}, cost_category_id: 7, persistentvolumeclaim_capacity_gigabyte: 1,
        persistentvolumeclaim_capacity_gigabyte_months: 2 / 31, volume_request_storage_gigabyte_months: 2 / 31,
        persistentvolumeclaim_usage_gigabyte_months: 2 / 31,
      }),
    ]);
    const unallocated = buildUnallocatedRows(rows, () => 'worker', categories);
    const base = { usage_start: DAY, namespace: 'Worker unallocated', node: 'node-a', resource_id: 'i-a', ...cap, ...cpuHours(0, 3600, 0, 0), pod_limit_cpu_core_hours: null, ...memGibHours(8 * GIB * 3600, 8 * GIB * 3600, 8 * GIB * 3600, 0), pod_limit_memory_gigabyte_hours: null };
    base.pod_usage_cpu_core_hours = 2 - 2;
    base.pod_request_cpu_core_hours = 2 - 1;
    base.pod_effective_usage_cpu_core_hours = 2 - 2;
    assertRowsEqual(unallocated, [expectedUnallocatedRow({ ...base, cost_category_id: 3 }), expectedUnallocatedRow({ ...base, cost_category_id: 4 })]);
  });

  for (const [day, days] of [['2023-02-10', 28], ['2024-02-10', 29], ['2024-04-10', 30], ['2024-03-10', 31]] as const) {
    it(`storage GiB-months divide by the ${days} days of ${day.slice(0, 7)}`, () => {
      const { rows } = run({
        podDaily: [podDailyTable([{ ...nodeA, interval_start: day, namespace: 'db', pod: 'p' }])],
        storageDaily: [storageDailyTable([{ interval_start: day, namespace: 'db', pod: 'p', persistentvolumeclaim: 'c', persistentvolume: 'v', persistentvolumeclaim_capacity_bytes: 3 * GIB, persistentvolumeclaim_capacity_byte_seconds: 3 * GIB * 86400, volume_request_storage_byte_seconds: 2 * GIB * 86400, persistentvolumeclaim_usage_byte_seconds: GIB * 86400 }])],
      }, config, day);
      assertRowsEqual(ofSource(rows, 'Storage'), [expectedStorageRow({
        usage_start: day, namespace: 'db', node: 'node-a', resource_id: 'i-a', persistentvolumeclaim: 'c', persistentvolume: 'v', storageclass: '',
        volume_labels: {}, persistentvolumeclaim_capacity_gigabyte: 3, persistentvolumeclaim_capacity_gigabyte_months: 3 / days,
        volume_request_storage_gigabyte_months: 2 / days, persistentvolumeclaim_usage_gigabyte_months: 1 / days,
      })]);
    });
  }

  it('sums several daily rows of one key (chunked files, several batches) and takes maxes of cores, memory and resource_id', () => {
    const row = (f: Partial<PodUsageRow>): PodUsageRow => ({ ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', ...f });
    const agg = new OcpDayAggregator({ day: DAY, config });
    agg.addPodDaily(podDailyTable([row({ resource_id: '', pod_usage_cpu_core_seconds: 1000, pod_limit_memory_byte_seconds: GIB * 3600 })]));
    agg.addPodDaily(podDailyTable([
      row({ pod_usage_cpu_core_seconds: 2600, node_capacity_cpu_cores: 3 }),
      row({ pod_request_cpu_core_seconds: 7200, node_capacity_memory_bytes: 12 * GIB, resource_id: 'i-0' }),
    ]));
    assertRowsEqual(agg.finish().rows, [expectedPodRow({
      usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {}, ...cpuHours(3600, 7200, 10800, 0),
      ...memGibHours(0, 0, 0, GIB * 3600), node_capacity_cpu_cores: 3, node_capacity_memory_gigabytes: 12,
      node_capacity_cpu_core_hours: null, node_capacity_memory_gigabyte_hours: null, cluster_capacity_cpu_core_hours: null, cluster_capacity_memory_gigabyte_hours: null,
    })]);
  });

  it('passes HTML-escaped identifiers through unchanged', () => {
    const { rows } = run({ podDaily: [podDailyTable([{ ...nodeA, node: 'n&lt;1&gt;', interval_start: DAY, namespace: 'a&amp;b', pod: 'p&#x27;q', pod_labels: { app: 'x&y' } }])] });
    assert.deepEqual(rows.map((r) => [r.namespace, r.node, r.pod_labels]), [['a&amp;b', 'n&lt;1&gt;', { app: 'x&y' }]]);
  });

  it('ignores rows whose interval_start is on another day', () => {
    const daily = podDailyTable([
      { ...nodeA, interval_start: '2024-03-14', namespace: 'shop', pod: 'web', pod_usage_cpu_core_seconds: 1e6 },
      { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', pod_usage_cpu_core_seconds: 3600 },
      { ...nodeA, interval_start: '2024-03-16', namespace: 'other', pod: 'web', pod_usage_cpu_core_seconds: 1e6 },
    ]);
    const hourly = podHourlyTable([
      ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: '2024-03-14', hours: [23] }),
      ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: DAY, hours: [0, 23] }),
      ...hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: '2024-03-16', hours: [0] }),
    ]);
    const labels = nodeLabelsTable([{ interval_start: '2024-03-14', node: 'node-a', node_labels: { env: 'old' } }]);
    const { rows } = run({ podDaily: [daily], podHourly: [hourly], nodeLabelsDaily: [labels] });
    assertRowsEqual(rows, [expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {}, ...cpuHours(3600, 0, 3600, 0), ...ZERO_MEM, ...capacityOf(nodeA, 2, { cpu: 4, mem: 16 }) })]);
  });

  it('gives identical output for Dictionary and Utf8 strings and for ms and us timestamps', () => {
    const build = (o: TableOptions): Partial<OcpDayInputs> => ({
      podDaily: [podDailyTable([
        { ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', pod_labels: { app: 'web', x: 'ü' }, pod_usage_cpu_core_seconds: 3600 },
        { ...nodeB, interval_start: DAY, namespace: 'shop', pod: 'db', pod_labels: { app: 'db' }, pod_usage_memory_byte_seconds: GIB * 3600 },
        { ...nodeB, interval_start: DAY, namespace: 'shop', pod: 'db', pod_labels: { app: 'db' }, pod_usage_memory_byte_seconds: GIB * 3600 },
      ], o)],
      podHourly: [podHourlyTable(hourlyPodRows({ ...nodeA, namespace: 'shop', pod: 'web', day: DAY, hours: [1, 2, 3] }), o)],
      storageDaily: [storageDailyTable([{ interval_start: DAY, namespace: 'shop', pod: 'db', persistentvolumeclaim: 'c', persistentvolume: 'v', csi_volume_handle: 'vol-1', persistentvolumeclaim_capacity_byte_seconds: 5 }], o)],
      nodeLabelsDaily: [nodeLabelsTable([{ interval_start: DAY, node: 'node-b', node_labels: { env: 'prod' } }, { interval_start: DAY, node: 'node-b', node_labels: { env: 'dev' } }], o)],
      namespaceLabelsDaily: [namespaceLabelsTable([{ interval_start: DAY, namespace: 'shop', namespace_labels: { app: 'ns' } }], o)],
    });
    const dictionary = run(build({ strings: 'dictionary' }));
    const utf8 = run(build({ strings: 'utf8', timestampUnit: 'us' }));
    assert.equal(dictionary.rows.length, 5);
    assert.deepEqual(utf8, dictionary);
  });

  it('reads legacy files without node_role, effective usage, csi_* and storage node columns', () => {
    const omit = ['node_role', 'pod_effective_usage_cpu_core_seconds', 'pod_effective_usage_memory_byte_seconds', 'csi_driver', 'csi_volume_handle', 'node'];
    const { rows } = run({
      // Without the effective columns Koku falls back to greatest(Σ usage, Σ request) of the daily row.
      podDaily: [podDailyTable([{ ...nodeA, interval_start: DAY, namespace: 'shop', pod: 'web', pod_usage_cpu_core_seconds: 7200, pod_request_cpu_core_seconds: 3600, pod_usage_memory_byte_seconds: GIB * 3600, pod_request_memory_byte_seconds: 2 * GIB * 3600 }], { omit: omit.slice(0, 3) })],
      storageDaily: [storageDailyTable([{ interval_start: DAY, namespace: 'shop', pod: 'web', persistentvolumeclaim: 'c', persistentvolume: 'v', persistentvolumeclaim_capacity_byte_seconds: GIB * 86400 }], { omit })],
    });
    const cap = { node_capacity_cpu_cores: 2, node_capacity_memory_gigabytes: 8, node_capacity_cpu_core_hours: null, node_capacity_memory_gigabyte_hours: null, cluster_capacity_cpu_core_hours: null, cluster_capacity_memory_gigabyte_hours: null };
    assertRowsEqual(rows, [
      expectedPodRow({ usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', pod_labels: {}, ...cpuHours(7200, 3600, 7200, 0), ...memGibHours(GIB * 3600, 2 * GIB * 3600, 2 * GIB * 3600, 0), ...cap }),
      expectedStorageRow({
        usage_start: DAY, namespace: 'shop', node: 'node-a', resource_id: 'i-a', persistentvolumeclaim: 'c', persistentvolume: 'v', storageclass: '',
        csi_volume_handle: null, volume_labels: {}, persistentvolumeclaim_capacity_gigabyte: 0, persistentvolumeclaim_capacity_gigabyte_months: 1 / 31,
        volume_request_storage_gigabyte_months: 0, persistentvolumeclaim_usage_gigabyte_months: 0,
      }),
    ]);
  });
});
