import { VM_LABEL_KEY } from './constants.js';
import { InvalidLabelsError } from './errors.js';
import { previewText } from './previewText.js';
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
    throw new InvalidLabelsError(subject, `is not JSON: ${previewText(text)}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidLabelsError(subject, `is not a JSON object: ${previewText(text)}`);
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
  /**
   * One object per distinct filtered map: many raw texts filter to the same few maps, and callers memoise merges
   * and serialisation by object identity.
   */
  private readonly byKey = new Map<string, FilteredLabels>();
  private readonly allowed: AllowedKeys | null;

  constructor(private readonly allow: ReadonlySet<string> | null) {
    this.allowed = allow === null ? null : new AllowedKeys(allow);
  }

  filtered(text: string | null, subject: string): FilteredLabels {
    if (text === null) return NULL_LABELS;
    let hit = this.cache.get(text);
    if (!hit) {
      hit = this.filteredOnce(text, subject);
      this.cache.set(text, hit);
    }
    return hit;
  }

  /** `filtered` without remembering the text, for callers that cache by their own key (each text seen once). */
  filteredOnce(text: string | null, subject: string): FilteredLabels {
    if (text === null) return NULL_LABELS;
    const found = scanFlatLabels(text, this.allowed);
    const labels = found === undefined ? parseFiltered(text, subject, this.allow) : found.labels;
    const key = found === undefined ? canonicalLabels(labels) : found.key;
    let shared = this.byKey.get(key);
    if (shared === undefined) this.byKey.set(key, (shared = { labels, key }));
    return shared;
  }
}

/**
 * An allow-list in the order filtered maps keep their keys (`sortedLabels`: the default sort), with each key's
 * `canonicalLabels` prefix, and a scratch slot per key for its value in the text being scanned.
 */
class AllowedKeys {
  readonly names: string[];
  readonly prefixes: string[];
  readonly values: Array<string | null | undefined>;
  private readonly indexOf: Map<string, number>;

  constructor(allow: ReadonlySet<string>) {
    this.names = [...allow].sort();
    this.prefixes = this.names.map((name) => `${JSON.stringify(name)}:`);
    this.values = this.names.map(() => undefined);
    this.indexOf = new Map(this.names.map((name, i) => [name, i]));
  }

  /** Index of `text[start, end)` among the names, or -1; compares in place for the usual short allow-lists. */
  find(text: string, start: number, end: number): number {
    const names = this.names;
    if (names.length > 16) return this.indexOf.get(text.slice(start, end)) ?? -1;
    const length = end - start;
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      if (name.length === length && text.startsWith(name, start)) return k;
    }
    return -1;
  }
}

/**
 * `sortedLabels(filterLabels(parseLabels(text, subject), allow))`: every value is still checked (a nested value under
 * any key is an error, JSON nulls are dropped), but only allowed keys are copied, already in sorted order.
 */
function parseFiltered(text: string, subject: string, allow: ReadonlySet<string> | null): Labels {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidLabelsError(subject, `is not JSON: ${previewText(text)}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidLabelsError(subject, `is not a JSON object: ${previewText(text)}`);
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

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/**
 * The fast path of `LabelFilter.filteredOnce` for the usual label text: one flat JSON object whose keys and string
 * values need no escapes (`{"app": "web", "env": "prod"}`). It validates the text as strictly as `JSON.parse` and
 * returns what `parseFiltered` and `canonicalLabels` would; anything else (escapes, surrogates, nesting, `__proto__`,
 * malformed input) returns undefined so the slow path decides, and raises the same errors. Kept values need no JSON
 * escaping (no quote, backslash, control character or surrogate), so the canonical text is built by concatenation.
 */
function scanFlatLabels(text: string, allowed: AllowedKeys | null): FilteredLabels | undefined {
  const n = text.length;
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return undefined; // {
  i = skipSpace(text, i + 1);
  const values = allowed !== null && allowed.names.length > 0 ? allowed.values.fill(undefined) : null;
  if (text.charCodeAt(i) === 0x7d) i += 1; // }
  else {
    for (;;) {
      if (text.charCodeAt(i) !== 0x22) return undefined;
      const keyEnd = plainStringEnd(text, i + 1);
      if (keyEnd < 0) return undefined;
      if (keyEnd - i - 1 === 9 && text.startsWith('__proto__', i + 1)) return undefined;
      const k = values === null ? -1 : (allowed as AllowedKeys).find(text, i + 1, keyEnd);
      i = skipSpace(text, keyEnd + 1);
      if (text.charCodeAt(i) !== 0x3a) return undefined; // :
      i = skipSpace(text, i + 1);
      const c = text.charCodeAt(i);
      let value: string | null;
      if (c === 0x22) {
        const end = plainStringEnd(text, i + 1);
        if (end < 0) return undefined;
        value = k < 0 ? null : text.slice(i + 1, end);
        i = end + 1;
      } else if (text.startsWith('null', i)) {
        value = null;
        i += 4;
      } else if (text.startsWith('true', i)) {
        value = 'true';
        i += 4;
      } else if (text.startsWith('false', i)) {
        value = 'false';
        i += 5;
      } else {
        let end = i;
        while (end < n && isNumberChar(text.charCodeAt(end))) end++;
        const token = text.slice(i, end);
        if (!NUMBER.test(token)) return undefined;
        value = String(Number(token));
        i = end;
      }
      // Duplicate keys: JSON.parse keeps the last value (a JSON null then drops the key).
      if (k >= 0) (values as Array<string | null | undefined>)[k] = value;
      i = skipSpace(text, i);
      const sep = text.charCodeAt(i);
      if (sep === 0x2c) {
        i = skipSpace(text, i + 1);
        continue;
      }
      if (sep === 0x7d) {
        i += 1;
        break;
      }
      return undefined;
    }
  }
  if (skipSpace(text, i) !== n) return undefined;
  if (values === null) return { labels: {}, key: '{}' };
  return flatFilteredLabels(allowed as AllowedKeys, values);
}

/**
 * The map and canonical key of the scanned values. Most distinct texts filter to a map of their own, kept for the
 * whole day, so it is built to hold little: the key is one flat string (joined once, not a chain of concatenations),
 * and each value is a slice of the key, so it does not keep the long raw text it was scanned from alive.
 */
function flatFilteredLabels({ names, prefixes }: AllowedKeys, values: ReadonlyArray<string | null | undefined>): FilteredLabels {
  const pieces = ['{'];
  const kept: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (value === null || value === undefined) continue;
    if (kept.length > 0) pieces.push(',');
    pieces.push(prefixes[k] as string, '"', value, '"');
    kept.push(k);
  }
  pieces.push('}');
  const key = pieces.join('');
  const labels: Labels = {};
  let at = 1;
  for (let j = 0; j < kept.length; j++) {
    const k = kept[j] as number;
    const length = (values[k] as string).length;
    at += (j > 0 ? 1 : 0) + (prefixes[k] as string).length + 1;
    labels[names[k] as string] = key.slice(at, at + length);
    at += length + 1;
  }
  return { labels, key };
}

/** JSON whitespace: space, tab, line feed, carriage return. */
function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
}

/**
 * Index of the closing quote of a string starting at `i` that has no escapes, control characters or surrogates (which
 * JSON.stringify might escape), else -1.
 */
function plainStringEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i;
    if (c === 0x5c || c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) return -1;
  }
  return -1;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}
