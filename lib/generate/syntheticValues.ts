import { GIB, SECONDS_PER_HOUR } from './constants.js';
import { hash01 } from './prng.js';
import type { SyntheticCluster, SyntheticPod, SyntheticVolume } from './types.js';

const MS_PER_DAY = 86_400_000;

/** Whole days since the epoch of a `YYYY-MM-DD`: salts the per-cell hashes so days differ. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

/** Seconds a pod runs in an hour of the day; 0 means no row that hour. */
export function podSeconds(pod: SyntheticPod, hour: number): number {
  if (hour < pod.startHour) return 0;
  return hour === pod.startHour ? pod.firstHourSeconds : SECONDS_PER_HOUR;
}

/**
 * A pod's usage in one hour, written into `out` (no allocation per row):
 * `[usage cpu core-s, request cpu core-s, limit cpu core-s, usage mem B-s, request mem B-s, limit mem B-s]`.
 * Usage swings between 20% and 130% of the request, so effective usage (max per hour) differs from both sums.
 */
export function podHourValues(cluster: SyntheticCluster, podIndex: number, day: number, hour: number, seconds: number, out: Float64Array): void {
  const pod = cluster.pods[podIndex];
  const slot = day * 24 + hour;
  let cpu = pod.cpuRequest * (0.2 + 1.1 * hash01(cluster.seed, podIndex, slot, 1));
  if (pod.cpuLimit > 0 && cpu > pod.cpuLimit) cpu = pod.cpuLimit;
  let mem = pod.memRequestGiB * (0.3 + 1.0 * hash01(cluster.seed, podIndex, slot, 2));
  if (pod.memLimitGiB > 0 && mem > pod.memLimitGiB) mem = pod.memLimitGiB;
  out[0] = seconds * cpu;
  out[1] = seconds * pod.cpuRequest;
  out[2] = seconds * pod.cpuLimit;
  out[3] = seconds * mem * GIB;
  out[4] = seconds * pod.memRequestGiB * GIB;
  out[5] = seconds * pod.memLimitGiB * GIB;
}

/** Bytes a claim uses in an hour (10%–90% of its capacity, whole bytes). */
export function volumeUsageBytes(cluster: SyntheticCluster, volumeIndex: number, volume: SyntheticVolume, day: number, hour: number): number {
  return Math.round(volume.capacityBytes * (0.1 + 0.8 * hash01(cluster.seed, volumeIndex, day * 24 + hour, 3)));
}
