// The day task encodes its Pod rows from columns (`encodeDayRows`, `ocpDayControlTotals`); the partial and its
// control totals must be byte for byte what the row objects give (`encodePartialRows`, `ocpControlTotals`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../../../lib/generate/prng.js';
import { OcpDayAggregator, compareSummaryRows, dayRowsAsObjects } from '../../../lib/ocp/index.js';
import type { Labels, OcpDayRows, OcpSummaryConfig } from '../../../lib/ocp/types.js';
import { ocpControlTotals, ocpDayControlTotals } from '../../../lib/pipeline/controlTotals.js';
import { decodePartialRows, encodeDayRows, encodePartialRows } from '../../../lib/pipeline/partialRowsCodec.js';
import {
  hourlyPodRows, namespaceLabelsTable, nodeLabelsTable, podDailyTable, podHourlyTable, storageDailyTable,
} from '../../helpers/ocpArrow.js';
import type { LabelCell, PodUsageRow, StorageUsageRow } from '../../helpers/ocpArrow.js';

const DAY = '2024-03-15';
const GIB = 2 ** 30;

// A namespace ending in " unallocated" with NULL labels counts as Unallocated in the control totals.
const NAMESPACES = ['db', 'web', 'kube-system', 'a unallocated', 'zeta', '😀'];
const NODES = ['node-a', 'node-b', 'node-c', 'node-d', ''];
const POD_LABELS: LabelCell[] = [null, {}, { app: 'web' }, { app: 'db', env: 'prod' }, { env: 'dev', team: 'x' }, { app: '\uffff' }];
const NODE_LABELS: LabelCell[] = [{ zone: 'a' }, { app: 'node-wins-not', zone: 'b' }, null, {}];
const NAMESPACE_LABELS: LabelCell[] = [{ env: 'ns' }, { team: 'y' }, null];

/** A random day: pods fanned out over several node and namespace label maps, NULL maps and metrics, storage. */
function randomDay(seed: number, config: OcpSummaryConfig): OcpDayRows {
  const random = new Prng(seed);
  const next = (n: number) => random.int(0, n - 1);
  const pick = <T>(from: readonly T[]): T => random.pick(from);
  const metric = () => (next(8) === 0 ? (null as unknown as number) : next(100_000) / 7);
  const pods: PodUsageRow[] = [];
  for (let i = 0; i < 200; i++) {
    const node = pick(NODES);
    pods.push({
      interval_start: DAY,
      namespace: pick(NAMESPACES),
      pod: `pod-${next(60)}`,
      node,
      resource_id: next(5) === 0 ? `i-${node}-2` : `i-${node}`,
      pod_labels: pick(POD_LABELS),
      pod_usage_cpu_core_seconds: metric(),
      pod_request_cpu_core_seconds: metric(),
      pod_limit_cpu_core_seconds: metric(),
      pod_usage_memory_byte_seconds: metric() * GIB,
      pod_request_memory_byte_seconds: metric() * GIB,
      pod_limit_memory_byte_seconds: metric(),
      node_capacity_cpu_cores: next(3) === 0 ? (null as unknown as number) : 1 + next(16),
      node_capacity_memory_bytes: next(3) === 0 ? (null as unknown as number) : (1 + next(64)) * GIB,
    });
  }
  // Capacity for some nodes only: the others' capacity-hours are NULL.
  const hourly = ['node-a', 'node-c'].flatMap((node) =>
    hourlyPodRows({ node, resource_id: `i-${node}`, node_capacity_cpu_cores: 4, node_capacity_memory_bytes: 16 * GIB, namespace: 'db', pod: 'p', day: DAY, hours: [0, 1, 5] }));
  const storage: StorageUsageRow[] = [];
  for (let i = 0; i < 30; i++) {
    const claim = `pvc-${next(12)}`;
    storage.push({
      interval_start: DAY, namespace: pick(NAMESPACES), pod: `pod-${next(60)}`, persistentvolumeclaim: claim, persistentvolume: `pv-${claim}`,
      storageclass: pick(['gp3', 'io2']), persistentvolumeclaim_capacity_bytes: GIB, persistentvolumeclaim_capacity_byte_seconds: metric() * GIB,
      volume_request_storage_byte_seconds: metric() * GIB, persistentvolumeclaim_usage_byte_seconds: metric() * GIB,
    });
  }
  const agg = new OcpDayAggregator({ day: DAY, config });
  agg.addStorageDaily(storageDailyTable(storage));
  agg.sealStorage();
  agg.addPodDaily(podDailyTable(pods.slice(0, 120)));
  agg.addPodDaily(podDailyTable(pods.slice(120), { strings: 'dictionary' }));
  agg.addPodHourly(podHourlyTable(hourly));
  agg.addNodeLabelsDaily(nodeLabelsTable(NODES.flatMap((node) => [{ interval_start: DAY, node, node_labels: pick(NODE_LABELS) }, { interval_start: DAY, node, node_labels: pick(NODE_LABELS) }])));
  agg.addNamespaceLabelsDaily(namespaceLabelsTable(NAMESPACES.map((namespace) => ({ interval_start: DAY, namespace, namespace_labels: pick(NAMESPACE_LABELS) }))));
  return agg.finishAsColumns();
}

const CONFIGS: Record<string, OcpSummaryConfig> = {
  'labels app, env, team; no cost categories': { enabledKeys: ['app', 'env', 'team'], costCategories: [] },
  'no enabled keys; overlapping cost categories': {
    enabledKeys: [],
    costCategories: [{ pattern: '%b%', costCategoryId: 4 }, { pattern: 'd%', costCategoryId: 2 }, { pattern: 'kube-%', costCategoryId: 1 }],
  },
  'label zone only; one cost category': { enabledKeys: ['zone'], costCategories: [{ pattern: '%e%', costCategoryId: 7 }] },
};

describe('day rows from columns', () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    it(`encode and total exactly like their row objects (${name})`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const day = randomDay(seed, config);
        const rows = dayRowsAsObjects(day);
        assert.ok(day.podOrder.length > 0 && day.storage.length > 0, `seed ${seed}: the fixture has Pod and Storage rows`);
        const fromRows = encodePartialRows({ rows, nodeRoles: day.nodeRoles });
        assert.ok(fromRows !== null);
        assert.deepEqual(encodeDayRows(day), fromRows, `seed ${seed}: partial bytes`);
        // Key order and every bit of the sums: compared as JSON text.
        assert.equal(JSON.stringify(ocpDayControlTotals(day)), JSON.stringify(ocpControlTotals(rows)), `seed ${seed}: control totals`);
        assert.deepEqual(decodePartialRows(fromRows).rows, JSON.parse(JSON.stringify(rows)), `seed ${seed}: decodes to the rows`);
      }
    });
  }

  it('puts the Pod rows in compareSummaryRows order (a stable sort of the output ids)', () => {
    for (const config of Object.values(CONFIGS)) {
      for (let seed = 1; seed <= 12; seed++) {
        const day = randomDay(seed, config);
        const ids = Array.from({ length: day.pod.count }, (_, o) => o);
        const want = ids.sort((a, b) => compareSummaryRows(day.pod.row(a), day.pod.row(b)));
        assert.deepEqual([...day.podOrder], want, `seed ${seed}`);
      }
    }
  });

  it('keeps a fresh all_labels map per NULL-labels row, and counts Unallocated rows as the row path does', () => {
    const config = CONFIGS['labels app, env, team; no cost categories'] as OcpSummaryConfig;
    const days = Array.from({ length: 12 }, (_, i) => randomDay(i + 1, config));
    const rows = days.flatMap(dayRowsAsObjects);
    const nullLabels = rows.filter((row) => row.data_source === 'Pod' && row.pod_labels === null);
    assert.ok(nullLabels.length >= 2, 'the fixture has Pod rows with NULL labels');
    assert.equal(new Set(nullLabels.map((row) => row.all_labels as Labels)).size, nullLabels.length);
    assert.ok(days.some((day) => 'rows_Unallocated' in ocpDayControlTotals(day)), 'the fixture has an Unallocated-looking row');
  });

  it('handles a day without rows, and a day of Storage rows only, like the row path', () => {
    const empty = new OcpDayAggregator({ day: DAY, config: CONFIGS['label zone only; one cost category'] as OcpSummaryConfig }).finishAsColumns();
    assert.deepEqual(encodeDayRows(empty), encodePartialRows({ rows: [], nodeRoles: empty.nodeRoles }));
    assert.deepEqual(ocpDayControlTotals(empty), { rows: 0 });
    const agg = new OcpDayAggregator({ day: DAY, config: { enabledKeys: ['app'], costCategories: [] } });
    agg.addStorageDaily(storageDailyTable([{
      interval_start: DAY, namespace: 'db', pod: 'p', persistentvolumeclaim: 'c', persistentvolume: 'v', persistentvolumeclaim_capacity_bytes: GIB,
      persistentvolumeclaim_capacity_byte_seconds: GIB, volume_request_storage_byte_seconds: GIB, persistentvolumeclaim_usage_byte_seconds: GIB,
    }]));
    const storageOnly = agg.finishAsColumns();
    assert.equal(storageOnly.podOrder.length, 0);
    const rows = dayRowsAsObjects(storageOnly);
    assert.equal(rows.length, storageOnly.storage.length);
    assert.deepEqual(encodeDayRows(storageOnly), encodePartialRows({ rows, nodeRoles: storageOnly.nodeRoles }));
    assert.equal(JSON.stringify(ocpDayControlTotals(storageOnly)), JSON.stringify(ocpControlTotals(rows)));
  });
});
