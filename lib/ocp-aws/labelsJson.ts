import { compareText } from '../ocp/compareText.js';
import type { Labels } from './types.js';

/**
 * Koku's compact JSON text of a label or tag map, keys in code-point order: the form Trino's map→JSON cast gives
 * the Hive tables, which the S2 substring tests and `max(pod_labels)` see (spec §1.2 item 3, §4.3, §10 "use
 * canonical, sorted-key JSON").
 *
 * @example labelsToJson({ b: '2', a: '1' }) // '{"a":"1","b":"2"}'
 */
export function labelsToJson(labels: Labels | null): string | null {
  if (labels === null) return null;
  const keys = Object.keys(labels).sort(compareText);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(',')}}`;
}

/**
 * Parses a JSON object of tags the way `cast(json_parse(x) as map(varchar, varchar))` reads Koku's data: scalar values
 * become strings, JSON nulls are dropped. Koku always writes an object (`{}` when empty); blank or unparsable text
 * reads as `{}` instead of failing the day.
 *
 * @example parseTagMap('{"app": "web"}') // { app: 'web' }
 */
export function parseTagMap(text: string | null | undefined): Labels {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: Labels = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/** A copy of `labels` with only the keys `keep` accepts (Trino `map_filter`). */
export function filterLabels(labels: Labels, keep: (key: string) => boolean): Labels {
  const out: Labels = {};
  for (const [k, v] of Object.entries(labels)) if (keep(k)) out[k] = v;
  return out;
}
