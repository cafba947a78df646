import { VM_KUBEVIRT_KEY } from './constants.js';
import { filterLabels } from './labelsJson.js';
import type { EnabledTagKeys, Labels } from './types.js';

/**
 * S3's `enabled_tags` (spec §5): the merged tags restricted to `vm_kubevirt_io_name` plus every key enabled for AWS
 * or OCP. With no key enabled at all, Trino's `array || NULL` is NULL and the map comes out `{}`. NULL stays NULL.
 *
 * @example enabledTagFilter({ aws: ['env'], ocp: ['app'] })({ app: 'web', env: 'prod', x: '1' }) // { app, env }
 */
export function enabledTagFilter(keys: EnabledTagKeys): (tags: Labels | null) => Labels | null {
  const allowed = new Set([...keys.aws, ...keys.ocp]);
  if (allowed.size > 0) allowed.add(VM_KUBEVIRT_KEY);
  return (tags) => (tags === null ? null : filterLabels(tags, (k) => allowed.has(k)));
}
