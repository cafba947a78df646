import type { AttributionPath, MatchedAwsLine } from './types.js';

/**
 * S2 routing (spec §3): the first path that applies. Resource-matched network lines go to `Network unattributed`;
 * resource-matched disks with a capacity row take the CSI storage path; other resource-matched lines the compute
 * path; tag-matched lines (network ones included) the tag path.
 *
 * @example routeLine(line, capacities.has(line.resource_id ?? '')) // 'storage'
 */
export function routeLine(line: MatchedAwsLine, hasDiskCapacity: boolean): AttributionPath | null {
  if (line.resource_id_matched) {
    if (line.data_transfer_direction !== null) return 'network';
    return hasDiskCapacity ? 'storage' : 'compute';
  }
  return line.matched_tag ? 'tag' : null;
}
