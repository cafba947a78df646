import { dayRowCount, dayRowsAsObjects } from '../ocp/index.js';
import type { OcpDayRows, OcpSummaryRow } from '../ocp/types.js';
import { SUMMARY_ROW_FIELDS, feedPodRows, feedSummaryRows, summaryRowOf } from './summaryRowFields.js';
import type { OcpPartialRows } from './types.js';

const SUMMARY_NAMES: readonly string[] = SUMMARY_ROW_FIELDS.map((field) => field.name);

/**
 * A compact columnar encoding of a day partial's rows (`OcpPartialRows`), so writing and reading a partial costs no
 * per-number text formatting or parsing and no compression pass. It round-trips exactly what the JSON form did
 * (`JSON.parse(JSON.stringify(rows))`): same keys in the same order, NaN and ±Infinity as null, -0 as 0; label maps
 * are stored once per distinct object and shared by the rows that use them (as the aggregator's own rows share them).
 *
 * Layout: `KPR2`, u32 header length, header JSON (fields, their dictionaries, node roles), zero padding to 8 bytes,
 * then one section per field at the 8-aligned offset the header gives: Int32 dictionary indices (text and JSON
 * fields); a Uint8 validity byte per row, padded to 8, then the Float64 values of the valid rows only (numbers: a Pod
 * row's storage columns and a Storage row's pod columns are NULL); or a Uint8 per row (booleans).
 */

const MAGIC = [0x4b, 0x50, 0x52, 0x32]; // "KPR2"

type FieldKind = 'text' | 'json' | 'number' | 'bool';

interface FieldHeader {
  name: string;
  kind: FieldKind;
  /** Distinct values (text and JSON fields), indexed by the section's Int32 indices. */
  values?: unknown[];
  offset: number;
}

interface Header {
  rowCount: number;
  fields: FieldHeader[];
  nodeRoles: OcpPartialRows['nodeRoles'];
}

/** True when `bytes` start with this encoding's magic. */
export function isEncodedPartialRows(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Encodes the rows, or returns null when they do not have one shape (the same keys in the same order, each key
 * always text-or-null, number-or-null, boolean, or object-or-null), so the caller can fall back to JSON.
 * Two passes over the rows (kinds, then values straight into each field's section), holding no per-field copies.
 *
 * @example
 * const bytes = encodePartialRows({ rows: summary.rows, nodeRoles: summary.nodeRoles }) ?? gzipSync(JSON.stringify(rows));
 */
export function encodePartialRows(data: OcpPartialRows): Uint8Array | null {
  return encodeSummaryRows(data) ?? encodeAnyRows(data);
}

/**
 * `encodePartialRows({ rows: dayRowsAsObjects(day), nodeRoles })`, byte for byte, with the Pod rows fed from their
 * columns instead of row objects (a large day's ~100k objects and their boxed numbers were ~10 % of its task).
 */
export function encodeDayRows(day: OcpDayRows): Uint8Array | null {
  const n = dayRowCount(day);
  if (n > 0 && hasSummaryShape(day.storage)) {
    const encoders = SUMMARY_ROW_FIELDS.map((field) => encoderFor(field.kind, n));
    if (feedPodRows(day.pod, day.podOrder, encoders) && feedSummaryRows(day.storage, encoders, day.podOrder.length)) {
      return assemble(SUMMARY_NAMES, encoders, day.nodeRoles);
    }
  }
  return encodePartialRows({ rows: dayRowsAsObjects(day), nodeRoles: day.nodeRoles });
}

/** The fast path: every row has exactly `SUMMARY_ROW_FIELDS`, in order, with values of each field's kind. */
function encodeSummaryRows(data: OcpPartialRows): Uint8Array | null {
  const rows = data.rows;
  const n = rows.length;
  if (n === 0 || !hasSummaryShape(rows)) return null;
  const encoders = SUMMARY_ROW_FIELDS.map((field) => encoderFor(field.kind, n));
  if (!feedSummaryRows(rows, encoders)) return null;
  return assemble(SUMMARY_NAMES, encoders, data.nodeRoles);
}

/** True when every row has exactly `SUMMARY_ROW_FIELDS`' keys, in order. */
function hasSummaryShape(rows: readonly OcpSummaryRow[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const keys = Object.keys(rows[i] as object);
    if (keys.length !== SUMMARY_NAMES.length) return false;
    for (let f = 0; f < keys.length; f++) if (keys[f] !== SUMMARY_NAMES[f]) return false;
  }
  return true;
}

/** Any rows of one shape (key order from the first row, kinds found by looking). */
function encodeAnyRows(data: OcpPartialRows): Uint8Array | null {
  const rows = data.rows as unknown as Array<Record<string, unknown>>;
  const n = rows.length;
  const names = n > 0 ? Object.keys(rows[0] as object) : [];
  if (n > 0 && names.length === 0) return null; // no field would carry the row count
  const kinds: Array<FieldKind | null> = names.map(() => null);
  // Positional reads (Object.values) instead of row[name] with a variable name, which is megamorphic and slow.
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown>;
    const keys = Object.keys(row);
    if (keys.length !== names.length) return null;
    const values = Object.values(row);
    for (let f = 0; f < names.length; f++) {
      if (keys[f] !== names[f]) return null;
      const v = values[f];
      if (v === null) continue;
      const k = kindOf(v);
      const known = kinds[f];
      if (k === null || (known !== null && known !== undefined && k !== known)) return null;
      kinds[f] = k;
    }
  }
  const encoders = kinds.map((k) => encoderFor(k ?? 'text', n));
  for (let i = 0; i < n; i++) {
    const values = Object.values(rows[i] as Record<string, unknown>);
    for (let f = 0; f < encoders.length; f++) if (!(encoders[f] as FieldEncoder).add(values[f], i)) return null;
  }
  return assemble(names, encoders, data.nodeRoles);
}

function assemble(names: readonly string[], encoders: readonly FieldEncoder[], nodeRoles: OcpPartialRows['nodeRoles']): Uint8Array {
  const fields: FieldHeader[] = [];
  const sections: Uint8Array[] = [];
  let offset = 0;
  encoders.forEach((encoder, f) => {
    const bytes = encoder.finish();
    fields.push({ name: names[f] as string, kind: encoder.kind, values: encoder.values, offset });
    sections.push(bytes);
    offset += align8(bytes.length);
  });
  const rowCount = encoders.length === 0 ? 0 : (encoders[0] as FieldEncoder).rows;
  const header = new TextEncoder().encode(JSON.stringify({ rowCount, fields, nodeRoles } satisfies Header));
  const bodyStart = align8(8 + header.length);
  const out = new Uint8Array(bodyStart + offset);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  fields.forEach((field, i) => out.set(sections[i] as Uint8Array, bodyStart + field.offset));
  return out;
}

/** Decodes `encodePartialRows` output; throws on anything malformed. */
export function decodePartialRows(bytes: Uint8Array): OcpPartialRows {
  if (!isEncodedPartialRows(bytes)) throw new Error('not an encoded partial (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new Error('header runs past the object');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const n = header.rowCount;
  const bodyStart = align8(8 + headerLength);
  // Readers are called with rows in order (numbers keep a cursor into their valid values).
  const readers = header.fields.map((field) => fieldReader(bytes, bodyStart + field.offset, field, n));
  const names = header.fields.map((field) => field.name);
  if (names.length === SUMMARY_NAMES.length && names.every((name, f) => name === SUMMARY_NAMES[f])) {
    const summaryRows: OcpSummaryRow[] = new Array(n);
    for (let i = 0; i < n; i++) summaryRows[i] = summaryRowOf(readers, i);
    return { rows: summaryRows, nodeRoles: header.nodeRoles };
  }
  const rows: Array<Record<string, unknown>> = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let f = 0; f < readers.length; f++) row[names[f] as string] = (readers[f] as (i: number) => unknown)(i);
    rows[i] = row;
  }
  return { rows: rows as unknown as OcpPartialRows['rows'], nodeRoles: header.nodeRoles };
}

function kindOf(v: unknown): FieldKind | null {
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'object':
      return 'json';
    default:
      return null;
  }
}

interface FieldEncoder {
  readonly kind: FieldKind;
  /** Rows the field holds. */
  readonly rows: number;
  readonly values?: unknown[];
  /** False when the value does not fit the field (the rows are then not encodable). */
  add(value: unknown, row: number): boolean;
  finish(): Uint8Array;
}

function encoderFor(kind: FieldKind, n: number): FieldEncoder {
  switch (kind) {
    case 'bool':
      return new BoolEncoder(n);
    case 'number':
      return new NumberEncoder(n);
    default:
      return new DictionaryEncoder(kind, n);
  }
}

class BoolEncoder implements FieldEncoder {
  readonly kind = 'bool' as const;
  private readonly out: Uint8Array;

  constructor(readonly rows: number) {
    this.out = new Uint8Array(rows);
  }

  add(value: unknown, row: number): boolean {
    if (typeof value !== 'boolean') return false;
    this.out[row] = value ? 1 : 0;
    return true;
  }

  finish(): Uint8Array {
    return this.out;
  }
}

class NumberEncoder implements FieldEncoder {
  readonly kind = 'number' as const;
  private readonly valid: Uint8Array;
  private numbers = new Float64Array(1024);
  private count = 0;

  constructor(readonly rows: number) {
    this.valid = new Uint8Array(rows);
  }

  add(value: unknown, row: number): boolean {
    if (value === null) return true;
    if (typeof value !== 'number') return false;
    // JSON semantics: non-finite numbers become null, -0 becomes 0.
    if (!Number.isFinite(value)) return true;
    if (this.count === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.count++] = value === 0 ? 0 : value;
    this.valid[row] = 1;
    return true;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(align8(this.rows) + this.count * 8);
    out.set(this.valid, 0);
    out.set(new Uint8Array(this.numbers.buffer, 0, this.count * 8), align8(this.rows));
    return out;
  }
}

/**
 * Text and JSON values: a dictionary of distinct values (JSON maps by identity: rows share the aggregator's label
 * objects) and an index per row. The header's JSON round trip gives the maps JSON semantics.
 */
class DictionaryEncoder implements FieldEncoder {
  readonly values: unknown[] = [];
  private readonly indices: Int32Array;
  private readonly byValue = new Map<unknown, number>();
  private last: unknown = undefined;
  private lastIndex = -1;

  constructor(
    readonly kind: FieldKind,
    readonly rows: number,
  ) {
    this.indices = new Int32Array(rows);
  }

  add(value: unknown, row: number): boolean {
    if (value !== null && (this.kind === 'text' ? typeof value !== 'string' : typeof value !== 'object')) return false;
    if (value === this.last && this.lastIndex >= 0) {
      this.indices[row] = this.lastIndex;
      return true;
    }
    let index = this.byValue.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.byValue.set(value, index);
    }
    this.indices[row] = index;
    this.last = value;
    this.lastIndex = index;
    return true;
  }

  finish(): Uint8Array {
    return new Uint8Array(this.indices.buffer);
  }
}

function fieldReader(bytes: Uint8Array, at: number, field: FieldHeader, n: number): (i: number) => unknown {
  const section = (length: number) => {
    if (at + length > bytes.length) throw new Error(`field ${field.name} runs past the object`);
    // Typed views need aligned offsets; copy when the object's bytes are not 8-aligned in their buffer.
    return (bytes.byteOffset + at) % 8 === 0 ? bytes.subarray(at, at + length) : bytes.slice(at, at + length);
  };
  switch (field.kind) {
    case 'bool': {
      const flags = section(n);
      return (i) => flags[i] === 1;
    }
    case 'number': {
      const valid = section(n);
      let count = 0;
      for (let i = 0; i < n; i++) count += valid[i] === 1 ? 1 : 0;
      at += align8(n);
      const raw = section(count * 8);
      const values = new Float64Array(raw.buffer, raw.byteOffset, count);
      let next = 0;
      return (i) => (valid[i] === 1 ? values[next++] : null);
    }
    case 'text':
    case 'json': {
      const raw = section(n * 4);
      const indices = new Int32Array(raw.buffer, raw.byteOffset, n);
      const values = field.values ?? [];
      for (let i = 0; i < n; i++) {
        if ((indices[i] as number) < 0 || (indices[i] as number) >= values.length) throw new Error(`field ${field.name}: index out of range`);
      }
      return (i) => values[indices[i] as number];
    }
    default:
      throw new Error(`field ${String(field.name)}: unknown kind ${String(field.kind)}`);
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
