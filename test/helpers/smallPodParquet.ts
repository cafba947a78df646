import { Float64, Table, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { writeParquet } from '../../lib/parquet/writeParquet.js';

export const SMALL_POD_HOUR = 3_600_000;
export const SMALL_POD_DAY0 = Date.UTC(2024, 2, 15);

/** 10 hourly pod rows from SMALL_POD_DAY0, in row groups of 4 (4 + 4 + 2): interval_start, pod, namespace, cpu usage. */
export function smallPodParquet(): Uint8Array<ArrayBuffer> {
  const n = 10;
  const table = new Table({
    interval_start: vectorFromArray(Array.from({ length: n }, (_, i) => SMALL_POD_DAY0 + i * SMALL_POD_HOUR), new TimestampMillisecond()),
    pod: vectorFromArray(Array.from({ length: n }, (_, i) => `pod-${i % 3}`)),
    namespace: vectorFromArray(Array.from({ length: n }, (_, i) => `ns-${i}`), new Utf8()),
    pod_usage_cpu_core_seconds: vectorFromArray(Array.from({ length: n }, (_, i) => i * 0.5), new Float64()),
  });
  return writeParquet(table, { rowGroupSize: 4 }) as Uint8Array<ArrayBuffer>;
}
