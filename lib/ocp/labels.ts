import { VM_LABEL_KEY } from './constants.js';
import { InvalidLabelsError } from './errors.js';
import type { FilteredLabels, Labels, OcpSummaryConfig } from './types.js';

/** Canonical key of a NULL label map (a NULL label column); distinct from every JSON object key. */
export const NULL_LABELS_KEY = 'null';
export const EMPTY_LABELS: FilteredLabels = Object.freeze({ labels: Object.freeze({}) as Labels, key: '{}' });
const NULL_LABELS: FilteredLabels = Object.freeze({ labels: null, key: NULL_LABELS_KEY });

/**
 * The label-key allow-list (spec §5.1, SaaS/Trino flavour). With no enabled key Trino's array concat is NULL, so
 * `null` is returned and every filtered map is `{}`; otherwise the enabled keys plus `vm_kubevirt_io_name`.
 *
 * @example
 * labelAllowList({ enabledKeys: ['app'], costCategories: [] }); // Set { 'vm_kubevirt_io_name', 'app' }
 */
export function labelAllowList(config: Pick<OcpSummaryConfig, 'enabledKeys'>): ReadonlySet<string> | null {
  if (config.enabledKeys.length === 0) return null;
  return new Set([VM_LABEL_KEY, ...config.enabledKeys]);
}

/**
 * Parses a label column value (Python `json.dumps` text, but any JSON object of scalars is accepted) the way
 * Trino's `cast(json_parse(x) as map(varchar, varchar))` does: scalars become strings, JSON null values are
 * dropped. NULL text gives NULL. Throws `InvalidLabelsError` naming `subject` otherwise.
 */
export function parseLabels(text: string | null, subject: string): Labels | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidLabelsError(subject, `is not JSON: ${preview(text)}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidLabelsError(subject, `is not a JSON object: ${preview(text)}`);
  }
  const labels: Labels = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (value === null) continue;
    if (typeof value === 'object') throw new InvalidLabelsError(subject, `has a nested value for key "${key}"`);
    labels[key] = String(value);
  }
  return labels;
}

/** Keeps the allowed keys (spec §5.1 `map_filter(.., contains(keys, k))`); a null allow-list keeps nothing. */
export function filterLabels(labels: Labels, allow: ReadonlySet<string> | null): Labels {
  const out: Labels = {};
  if (allow === null) return out;
  for (const key of Object.keys(labels)) if (allow.has(key)) out[key] = labels[key];
  return out;
}

/** JSON text with sorted keys: equal maps give equal text, so it is the GROUP BY key of merged labels (§5.2). */
export function canonicalLabels(labels: Labels | null): string {
  if (labels === null) return NULL_LABELS_KEY;
  const keys = Object.keys(labels).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ',';
    out += `${JSON.stringify(keys[i])}:${JSON.stringify(labels[keys[i]])}`;
  }
  return `${out}}`;
}

/** A map with keys in sorted order (stable JSON for partials and tests). */
export function sortedLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const key of Object.keys(labels).sort()) out[key] = labels[key];
  return out;
}

/**
 * Trino `map_concat` in argument order: later maps win, so pass node, namespace, pod (precedence pod > namespace >
 * node) or node, namespace, PV, PVC (§5.2). A NULL argument makes the result NULL.
 */
export function mergeLabels(...maps: ReadonlyArray<Labels | null>): Labels | null {
  const out: Labels = {};
  for (const map of maps) {
    if (map === null) return null;
    for (const key of Object.keys(map)) out[key] = map[key];
  }
  return sortedLabels(out);
}

/** `mergeLabels` of filtered maps, with its canonical key. */
export function mergeFiltered(...maps: readonly FilteredLabels[]): FilteredLabels {
  const labels = mergeLabels(...maps.map((m) => m.labels));
  return labels === null ? NULL_LABELS : { labels, key: canonicalLabels(labels) };
}

/**
 * Parses and filters each distinct raw label string once (the aggregator sees the same few strings on many rows).
 *
 * @example
 * const filter = new LabelFilter(labelAllowList(config));
 * filter.filtered('{"app": "web", "x": "1"}', 'pod_labels'); // { labels: { app: 'web' }, key: '{"app":"web"}' }
 */
export class LabelFilter {
  private readonly cache = new Map<string, FilteredLabels>();

  constructor(private readonly allow: ReadonlySet<string> | null) {}

  filtered(text: string | null, subject: string): FilteredLabels {
    if (text === null) return NULL_LABELS;
    let hit = this.cache.get(text);
    if (!hit) {
      const labels = parseFiltered(text, subject, this.allow);
      hit = { labels, key: canonicalLabels(labels) };
      this.cache.set(text, hit);
    }
    return hit;
  }
}

/**
 * `sortedLabels(filterLabels(parseLabels(text, subject), allow))` in one pass: every value is still checked (a nested
 * value under any key is an error, JSON nulls are dropped), but only allowed keys are copied, already in sorted order.
 */
function parseFiltered(text: string, subject: string, allow: ReadonlySet<string> | null): Labels {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidLabelsError(subject, `is not JSON: ${preview(text)}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidLabelsError(subject, `is not a JSON object: ${preview(text)}`);
  }
  const map = parsed as Record<string, unknown>;
  const kept: string[] = [];
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === null) continue;
    if (typeof value === 'object') throw new InvalidLabelsError(subject, `has a nested value for key "${key}"`);
    if (allow !== null && allow.has(key)) kept.push(key);
  }
  kept.sort();
  const out: Labels = {};
  for (const key of kept) out[key] = String(map[key]);
  return out;
}

function preview(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
