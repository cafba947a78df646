import { canonicalJson } from './canonicalJson.js';
import { GRAIN_COLUMNS, LABEL_COLUMNS, UNALLOCATED_NAMESPACES } from './constants.js';
import type { RowIdentity, RowKind, SummaryRowRead, SummaryValues } from './types.js';

/**
 * Which spec §3.1 grain a row belongs to: `Storage` rows; `Pod` rows of a real namespace; `Unallocated` rows
 * (data source Pod, namespace `Platform unallocated` / `Worker unallocated` / NULL); anything else (rows other
 * steps insert) is `Other` and keyed by every grain column.
 *
 * @example rowKind({ data_source: 'Pod', namespace: 'Worker unallocated' }) // 'Unallocated'
 */
export function rowKind(values: SummaryValues): RowKind {
  const source = values.data_source;
  if (source === 'Storage') return 'Storage';
  if (source === 'Pod') {
    const ns = values.namespace;
    return ns === null || (typeof ns === 'string' && UNALLOCATED_NAMESPACES.has(ns)) ? 'Unallocated' : 'Pod';
  }
  return 'Other';
}

/**
 * A row with its grain key (labels as canonical JSON, so key order never matters) and the key without labels.
 *
 * @example summaryRowKey(values).key // '["Pod","2024-03-15","6795…","shop","node-a","{\"app\":\"web\"}"]'
 */
export function summaryRowKey(values: SummaryValues): SummaryRowRead {
  const kind = rowKind(values);
  const grain = GRAIN_COLUMNS[kind];
  const parts = grain.map((c) => (LABEL_COLUMNS.has(c) ? canonicalJson(values[c] ?? null) : (values[c] ?? null)));
  const unlabeled = grain.map((c, i) => (LABEL_COLUMNS.has(c) ? '' : parts[i]));
  return { kind, key: JSON.stringify([kind, ...parts]), keyWithoutLabels: JSON.stringify([kind, ...unlabeled]), values };
}

/**
 * The row's grain as the report names it.
 *
 * @example describeRow(row).text // 'Pod 2024-03-15 ns=shop node=node-a pod_labels={"app":"web"}'
 */
export function describeRow(row: SummaryRowRead): RowIdentity {
  const v = row.values;
  const text = (c: string): string | null => (v[c] === null || v[c] === undefined ? null : String(v[c]));
  const identity: Omit<RowIdentity, 'text'> = { kind: row.kind, usage_start: String(v.usage_start), namespace: text('namespace'), node: text('node') };
  const grain: readonly string[] = GRAIN_COLUMNS[row.kind];
  for (const c of ['resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass'] as const) {
    if (grain.includes(c)) identity[c] = text(c);
  }
  for (const c of ['pod_labels', 'volume_labels'] as const) {
    if (grain.includes(c)) identity[c] = v[c] ?? null;
  }
  const parts = [row.kind === 'Other' ? `${row.kind}(${text('data_source') ?? 'NULL'})` : row.kind, identity.usage_start];
  parts.push(`ns=${identity.namespace ?? 'NULL'}`, `node=${identity.node ?? 'NULL'}`);
  for (const c of ['resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass'] as const) {
    if (c in identity) parts.push(`${c === 'persistentvolumeclaim' ? 'pvc' : c === 'persistentvolume' ? 'pv' : c}=${identity[c] ?? 'NULL'}`);
  }
  for (const c of ['pod_labels', 'volume_labels'] as const) {
    if (c in identity) parts.push(`${c}=${identity[c] === null ? 'NULL' : canonicalJson(identity[c])}`);
  }
  return { ...identity, text: parts.join(' ') };
}
