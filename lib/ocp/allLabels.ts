import { sortedLabels } from './labels.js';
import type { Labels } from './types.js';

/**
 * `all_labels` at the copy to PostgreSQL (spec §9.1): `coalesce(pod_labels, {})` overlaid with
 * `coalesce(volume_labels, {})`, the volume side winning on clashes.
 */
export function allLabels(podLabels: Labels | null, volumeLabels: Labels | null): Labels {
  return sortedLabels({ ...(podLabels ?? {}), ...(volumeLabels ?? {}) });
}
