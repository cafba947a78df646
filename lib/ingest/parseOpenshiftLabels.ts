import { pythonJsonDumps } from './pythonJsonDumps.js';

const LABEL_PREFIX = 'label_';

/**
 * The operator's `label_k1:v1|label_k2:v2` cell as Koku's `process_openshift_labels` reads it (spec §2.2):
 * items without `:` are skipped; items with more than one `:` are dropped (Python's 2-tuple unpacking fails);
 * every `label_` substring is removed from the key; nothing is trimmed; a later duplicate key wins its value
 * but keeps the first position, as a Python dict does.
 *
 * @example
 * parseOpenshiftLabels('label_app:web|label_url:http://x|nocolon'); // Map { 'app' => 'web' }
 */
export function parseOpenshiftLabels(cell: string): Map<string, string> {
  const labels = new Map<string, string>();
  if (cell === '') return labels;
  for (const item of cell.split('|')) {
    const colon = item.indexOf(':');
    if (colon < 0 || item.indexOf(':', colon + 1) >= 0) continue;
    labels.set(item.slice(0, colon).replaceAll(LABEL_PREFIX, ''), item.slice(colon + 1));
  }
  return labels;
}

/**
 * The label column value Koku writes to Parquet: `json.dumps` of the parsed labels, `"{}"` for an empty cell.
 *
 * @example
 * openshiftLabelsToJson('label_app:web|label_tier:db'); // '{"app": "web", "tier": "db"}'
 */
export function openshiftLabelsToJson(cell: string): string {
  return pythonJsonDumps(parseOpenshiftLabels(cell));
}
