import { addEffectiveUsage } from '../ingest/addEffectiveUsage.js';
import { OcpChunkBuilder } from '../ingest/ocpChunkBuilder.js';
import { openshiftLabelsToJson } from '../ingest/parseOpenshiftLabels.js';
import { sanitizeIdentifier } from '../ingest/sanitizeIdentifier.js';
import type { ColumnarChunk, StringColumn } from '../ingest/types.js';
import { OPERATOR_HEADERS, SECONDS_PER_HOUR } from './constants.js';
import { reportPeriod } from './operatorTimestamp.js';
import { operatorHeader, syntheticCsvRecords } from './syntheticCsv.js';
import { dayNumber, podHourValues, podSeconds } from './syntheticValues.js';
import type { SummaryReportType, SyntheticCluster } from './types.js';

const HOUR_MS = 3_600_000;

/**
 * One synthetic day of a report type as post-processed chunks of at most `chunkSize` rows, equal to what the CSV
 * ingest makes of `syntheticCsvRecords` (same rows, same order, same chunk cuts). Pod rows, the bulk of the data,
 * are built straight into typed arrays with dictionaries sanitised and label-converted once per distinct value;
 * the small report types go through the CSV ingest's chunk builder.
 *
 * @example
 * for (const chunk of syntheticChunks(cluster, '2025-10-01', 'pod_usage', 200_000)) write(chunk);
 */
export function* syntheticChunks(cluster: SyntheticCluster, day: string, reportType: SummaryReportType, chunkSize: number): Generator<ColumnarChunk> {
  if (reportType === 'pod_usage') yield* podChunks(cluster, day, chunkSize);
  else yield* recordChunks(cluster, day, reportType, chunkSize);
}

function* recordChunks(cluster: SyntheticCluster, day: string, reportType: SummaryReportType, chunkSize: number): Generator<ColumnarChunk> {
  const header = operatorHeader(reportType);
  const name = `synthetic ${reportType} ${day}`;
  let builder = new OcpChunkBuilder(name, header, reportType);
  let row = 1;
  for (const record of syntheticCsvRecords(cluster, day, reportType)) {
    builder.add(record, ++row);
    if (builder.rawRows >= chunkSize) {
      yield builder.build();
      builder = new OcpChunkBuilder(name, header, reportType);
    }
  }
  if (builder.rawRows > 0) yield builder.build();
}

/** Per-pod dictionary codes, computed once per cluster. */
interface PodDictionaries {
  pod: StringColumn['dictionary'];
  namespace: string[];
  node: string[];
  resourceId: string[];
  labels: string[];
  role: string[];
  podCode: Int32Array;
  namespaceCode: Int32Array;
  nodeCode: Int32Array;
  resourceCode: Int32Array;
  labelCode: Int32Array;
  roleCode: Int32Array;
}

const dictionaries = new WeakMap<SyntheticCluster, PodDictionaries>();

function podDictionaries(cluster: SyntheticCluster): PodDictionaries {
  let dicts = dictionaries.get(cluster);
  if (dicts !== undefined) return dicts;
  const interners = { pod: new Interner(), namespace: new Interner(), node: new Interner(), resource: new Interner(), labels: new Interner(), role: new Interner() };
  const n = cluster.pods.length;
  const codes = { pod: new Int32Array(n), namespace: new Int32Array(n), node: new Int32Array(n), resource: new Int32Array(n), labels: new Int32Array(n), role: new Int32Array(n) };
  cluster.pods.forEach((pod, i) => {
    const node = pod.node >= 0 ? cluster.nodes[pod.node] : null;
    codes.pod[i] = interners.pod.code(sanitizeIdentifier(pod.name));
    codes.namespace[i] = interners.namespace.code(sanitizeIdentifier(cluster.namespaces[pod.namespace].name));
    codes.node[i] = interners.node.code(sanitizeIdentifier(node?.name ?? ''));
    codes.resource[i] = interners.resource.code(sanitizeIdentifier(node?.resourceId ?? ''));
    codes.labels[i] = interners.labels.code(openshiftLabelsToJson(pod.labels));
    codes.role[i] = interners.role.code(sanitizeIdentifier(node?.role ?? ''));
  });
  dicts = {
    pod: interners.pod.values,
    namespace: interners.namespace.values,
    node: interners.node.values,
    resourceId: interners.resource.values,
    labels: interners.labels.values,
    role: interners.role.values,
    podCode: codes.pod,
    namespaceCode: codes.namespace,
    nodeCode: codes.node,
    resourceCode: codes.resource,
    labelCode: codes.labels,
    roleCode: codes.role,
  };
  dictionaries.set(cluster, dicts);
  return dicts;
}

const FLOAT_COLUMNS = [
  'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds',
  'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds',
  'node_capacity_cpu_cores', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_bytes', 'node_capacity_memory_byte_seconds',
] as const;

function* podChunks(cluster: SyntheticCluster, day: string, chunkSize: number): Generator<ColumnarChunk> {
  const dicts = podDictionaries(cluster);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const [periodStart, periodEnd] = reportPeriod(dayStart);
  const dayNo = dayNumber(day);
  const values = new Float64Array(6);
  let block = new PodBlock(chunkSize);
  for (let hour = 0; hour < 24; hour++) {
    const start = dayStart + hour * HOUR_MS;
    for (let p = 0; p < cluster.pods.length; p++) {
      const pod = cluster.pods[p];
      const seconds = podSeconds(pod, hour);
      if (seconds === 0) continue;
      podHourValues(cluster, p, dayNo, hour, seconds, values);
      const node = pod.node >= 0 ? cluster.nodes[pod.node] : null;
      const i = block.size++;
      block.times[0][i] = periodStart;
      block.times[1][i] = periodEnd;
      block.times[2][i] = start;
      block.times[3][i] = start + HOUR_MS - 1000;
      for (let k = 0; k < 6; k++) block.floats[k][i] = values[k];
      const cores = node?.cores ?? 0;
      const memory = node?.memoryBytes ?? 0;
      block.floats[6][i] = cores;
      block.floats[7][i] = cores * SECONDS_PER_HOUR;
      block.floats[8][i] = memory;
      block.floats[9][i] = memory * SECONDS_PER_HOUR;
      block.codes[0][i] = dicts.podCode[p];
      block.codes[1][i] = dicts.namespaceCode[p];
      block.codes[2][i] = dicts.nodeCode[p];
      block.codes[3][i] = dicts.resourceCode[p];
      block.codes[4][i] = dicts.labelCode[p];
      block.codes[5][i] = dicts.roleCode[p];
      if (block.size === chunkSize) {
        yield block.toChunk(dicts);
        block = new PodBlock(chunkSize);
      }
    }
  }
  if (block.size > 0) yield block.toChunk(dicts);
}

/** Preallocated typed arrays for one chunk of pod rows. */
class PodBlock {
  size = 0;
  readonly times: Float64Array[];
  readonly floats: Float64Array[];
  readonly codes: Int32Array[];

  constructor(capacity: number) {
    this.times = Array.from({ length: 4 }, () => new Float64Array(capacity));
    this.floats = FLOAT_COLUMNS.map(() => new Float64Array(capacity));
    this.codes = Array.from({ length: 6 }, () => new Int32Array(capacity));
  }

  toChunk(dicts: PodDictionaries): ColumnarChunk {
    const n = this.size;
    const strings = (k: number, dictionary: string[]): StringColumn => ({ kind: 'string', dictionary, codes: this.codes[k].slice(0, n) });
    const columns: ColumnarChunk['columns'] = {
      report_period_start: { kind: 'timestamp', values: this.times[0].slice(0, n), utc: false },
      report_period_end: { kind: 'timestamp', values: this.times[1].slice(0, n), utc: false },
      interval_start: { kind: 'timestamp', values: this.times[2].slice(0, n), utc: false },
      interval_end: { kind: 'timestamp', values: this.times[3].slice(0, n), utc: false },
      pod: strings(0, dicts.pod),
      namespace: strings(1, dicts.namespace),
      node: strings(2, dicts.node),
      resource_id: strings(3, dicts.resourceId),
      pod_labels: strings(4, dicts.labels),
      node_role: strings(5, dicts.role),
    };
    FLOAT_COLUMNS.forEach((name, k) => {
      columns[name] = { kind: 'float64', values: this.floats[k].slice(0, n) };
    });
    return addEffectiveUsage({ length: n, names: [...OPERATOR_HEADERS.pod_usage], columns });
  }
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}
