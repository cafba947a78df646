import type { OcpRawInventory } from './types.js';

/**
 * S1's resource-id test (spec §2.1): an AWS `lineitem_resourceid` matches when it **ends with** a node resource id,
 * a PV name, or a non-empty CSI volume handle of the OCP source. Candidates are indexed by length so each line costs
 * one lookup per distinct length.
 *
 * @example resourceMatcher(inventory)('i-0abc') // true when a node reported resource_id "i-0abc" (or "0abc")
 */
export function resourceMatcher(inventory: OcpRawInventory): (resourceId: string) => boolean {
  const suffixes = new Set<string>();
  for (const id of inventory.nodeResourceIds) if (id !== '') suffixes.add(id);
  for (const v of inventory.volumes) {
    if (v.persistentvolume !== '') suffixes.add(v.persistentvolume);
    if (v.csi_volume_handle !== '') suffixes.add(v.csi_volume_handle);
  }
  const lengths = [...new Set([...suffixes].map((s) => s.length))];
  return (resourceId) => {
    for (const len of lengths) {
      if (len <= resourceId.length && suffixes.has(resourceId.slice(resourceId.length - len))) return true;
    }
    return false;
  };
}
