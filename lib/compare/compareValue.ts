import { canonicalJson } from './canonicalJson.js';
import { decimalToNumber, parseDecimal, subtractDecimal } from './decimal.js';
import type { ColumnType } from './types.js';

export interface ValueComparison {
  status: 'equal' | 'null-vs-zero' | 'different';
  /** ours − reference when both are numbers; null otherwise. */
  difference: number | null;
}

const EQUAL: ValueComparison = { status: 'equal', difference: null };

/**
 * Compares one column of a matched pair. Numbers: exact decimal difference within `tolerance` (absolute). JSON:
 * as objects (key order ignored, numbers within `tolerance`). Text: exactly. A NULL against a zero (or a JSON whose
 * numbers are all zero) is `null-vs-zero`, which the caller may ignore; a NULL against anything else is different.
 *
 * @example compareValue('number', '1.000000000000000', '1.0000000000001', 1e-9) // { status: 'equal', difference: null }
 */
export function compareValue(type: ColumnType, reference: unknown, ours: unknown, tolerance: number): ValueComparison {
  const refNull = reference === null || reference === undefined;
  const oursNull = ours === null || ours === undefined;
  if (refNull && oursNull) return EQUAL;
  if (refNull || oursNull) {
    const other = refNull ? ours : reference;
    return { status: isZero(type, other) ? 'null-vs-zero' : 'different', difference: null };
  }
  if (type === 'number') {
    const a = parseDecimal(String(reference));
    const b = parseDecimal(String(ours));
    if (a === null || b === null) return String(reference) === String(ours) ? EQUAL : { status: 'different', difference: null };
    const difference = decimalToNumber(subtractDecimal(b, a));
    return Math.abs(difference) <= tolerance ? EQUAL : { status: 'different', difference };
  }
  if (type === 'json') return jsonEqual(reference, ours, tolerance) ? EQUAL : { status: 'different', difference: null };
  return String(reference) === String(ours) ? EQUAL : { status: 'different', difference: null };
}

function isZero(type: ColumnType, value: unknown): boolean {
  if (type === 'number') {
    const d = parseDecimal(String(value));
    return d !== null && d.m === 0n;
  }
  if (type === 'json') return jsonAllZero(value);
  return false;
}

/** `{}`, `[]`, 0, or containers of only those. */
function jsonAllZero(value: unknown): boolean {
  if (typeof value === 'number') return value === 0;
  if (value !== null && typeof value === 'object') return Object.values(value as Record<string, unknown>).every(jsonAllZero);
  return false;
}

function jsonEqual(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return canonicalJson(a) === canonicalJson(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).sort();
  const kb = Object.keys(b as object).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance));
}
