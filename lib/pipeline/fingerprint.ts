import { createHash } from 'node:crypto';
import type { DayInputObject } from './types.js';

/** sha256 of a canonical JSON form: object keys sorted, so equal values always hash equal. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The identity of an input set: order-independent, and changed by any new, removed or rewritten object. */
export function inputsFingerprint(inputs: Array<Pick<DayInputObject, 'key' | 'etag' | 'size'>>): string {
  const canonical = inputs.map((i) => [i.key, i.etag, i.size]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return hashOf(canonical);
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
