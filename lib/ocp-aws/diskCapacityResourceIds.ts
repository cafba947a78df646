import type { AwsDailyLine, OcpClusterDay } from './types.js';

/**
 * The AWS resource ids whose raw rows disk capacity may read (spec §4.1 step 1): those containing a non-empty CSI
 * volume handle of any OCP source's rows. A superset, so a reader can prune the raw Parquet to these ids before
 * calling `summarizeOcpOnAwsDay`.
 *
 * @example diskCapacityResourceIds(awsDaily, clusters) // Set { 'vol-0123abcd' }
 */
export function diskCapacityResourceIds(
  awsDaily: readonly AwsDailyLine[],
  clusters: readonly OcpClusterDay[],
): Set<string> {
  const unique = new Set<string>();
  for (const c of clusters) for (const row of c.rows) if (row.csi_volume_handle) unique.add(row.csi_volume_handle);
  const handles = [...unique];
  const out = new Set<string>();
  for (const line of awsDaily) {
    const id = line.lineitem_resourceid;
    if (id !== '' && !out.has(id) && handles.some((h) => id.includes(h))) out.add(id);
  }
  return out;
}
