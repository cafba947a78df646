import { OPERATOR_HEADERS, SECONDS_PER_HOUR } from './constants.js';
import { operatorTimestamp, reportPeriod } from './operatorTimestamp.js';
import { dayNumber, podHourValues, podSeconds, volumeUsageBytes } from './syntheticValues.js';
import type { SummaryReportType, SyntheticCluster } from './types.js';

const HOUR_MS = 3_600_000;
/** The operator reports `interval_end` as HH:59:59 (spec §2.2). */
const INTERVAL_END_OFFSET_MS = HOUR_MS - 1000;

/** The operator CSV header of a report type (with `node_role`, as newer operators send). */
export function operatorHeader(reportType: SummaryReportType): string[] {
  return [...OPERATOR_HEADERS[reportType]];
}

/**
 * The operator CSV records (header excluded) of one synthetic day, hour by hour, in the exact order the Arrow fast
 * path produces rows, so both paths cut identical 200k-row chunks.
 *
 * @example
 * for (const record of syntheticCsvRecords(cluster, '2025-10-01', 'pod_usage')) out.write(record.join(','));
 */
export function* syntheticCsvRecords(cluster: SyntheticCluster, day: string, reportType: SummaryReportType): Generator<string[]> {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const [periodStart, periodEnd] = reportPeriod(dayStart).map(operatorTimestamp);
  for (let hour = 0; hour < 24; hour++) {
    const start = dayStart + hour * HOUR_MS;
    const common = [periodStart, periodEnd, operatorTimestamp(start), operatorTimestamp(start + INTERVAL_END_OFFSET_MS)];
    if (reportType === 'pod_usage') yield* podRecords(cluster, day, hour, common);
    else if (reportType === 'storage_usage') yield* storageRecords(cluster, day, hour, common);
    else if (reportType === 'node_labels') {
      for (const node of cluster.nodes) yield [...common, node.name, hour >= cluster.labelChangeHour && node.laterLabels !== null ? node.laterLabels : node.labels];
    } else {
      for (const ns of cluster.namespaces) yield [...common, ns.name, ns.labels];
    }
  }
}

/** The whole CSV text of one report type for one day (small clusters; tests and the CSV path of `writeGenerated`). */
export function syntheticCsvText(cluster: SyntheticCluster, day: string, reportType: SummaryReportType): string {
  const lines = [operatorHeader(reportType).join(',')];
  for (const record of syntheticCsvRecords(cluster, day, reportType)) lines.push(record.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

function* podRecords(cluster: SyntheticCluster, day: string, hour: number, common: string[]): Generator<string[]> {
  const values = new Float64Array(6);
  const dayNo = dayNumber(day);
  for (let p = 0; p < cluster.pods.length; p++) {
    const pod = cluster.pods[p];
    const seconds = podSeconds(pod, hour);
    if (seconds === 0) continue;
    podHourValues(cluster, p, dayNo, hour, seconds, values);
    const node = pod.node >= 0 ? cluster.nodes[pod.node] : null;
    yield [
      ...common,
      pod.name,
      cluster.namespaces[pod.namespace].name,
      node?.name ?? '',
      node?.resourceId ?? '',
      String(values[0]),
      String(values[1]),
      pod.cpuLimit > 0 ? String(values[2]) : '',
      String(values[3]),
      String(values[4]),
      pod.memLimitGiB > 0 ? String(values[5]) : '',
      String(node?.cores ?? 0),
      String((node?.cores ?? 0) * SECONDS_PER_HOUR),
      String(node?.memoryBytes ?? 0),
      String((node?.memoryBytes ?? 0) * SECONDS_PER_HOUR),
      pod.labels,
      node?.role ?? '',
    ];
  }
}

function* storageRecords(cluster: SyntheticCluster, day: string, hour: number, common: string[]): Generator<string[]> {
  const dayNo = dayNumber(day);
  for (let v = 0; v < cluster.volumes.length; v++) {
    const volume = cluster.volumes[v];
    const usage = volumeUsageBytes(cluster, v, volume, dayNo, hour);
    for (const podIndex of volume.pods.length > 0 ? volume.pods : [-1]) {
      const pod = podIndex >= 0 ? cluster.pods[podIndex] : null;
      const node = pod !== null && pod.node >= 0 ? cluster.nodes[pod.node].name : '';
      yield [
        ...common,
        cluster.namespaces[volume.namespace].name,
        pod?.name ?? '',
        node,
        volume.persistentVolumeClaim,
        volume.persistentVolume,
        volume.storageClass,
        volume.csiDriver,
        volume.csiVolumeHandle,
        String(volume.capacityBytes),
        String(volume.capacityBytes * SECONDS_PER_HOUR),
        String(volume.capacityBytes * SECONDS_PER_HOUR),
        String(usage * SECONDS_PER_HOUR),
        volume.pvLabels,
        volume.pvcLabels,
      ];
    }
  }
}

/** RFC 4180 quoting for cells with a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
