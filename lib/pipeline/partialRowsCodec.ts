import type { OcpPartialRows } from './types.js';

/**
 * A compact columnar encoding of a day partial's rows (`OcpPartialRows`), so writing and reading a partial costs no
 * per-number text formatting or parsing and no compression pass. It round-trips exactly what the JSON form did
 * (`JSON.parse(JSON.stringify(rows))`): same keys in the same order, NaN and ±Infinity as null, -0 as 0; label maps
 * are stored once per distinct object and shared by the rows that use them (as the aggregator's own rows share them).
 *
 * Layout: `KPR1`, u32 header length, header JSON (fields, their dictionaries, node roles), zero padding to 8 bytes,
 * then one section per field at the 8-aligned offset the header gives: Int32 dictionary indices (text and JSON
 * fields), Float64 values + a Uint8 validity byte per row (numbers), or a Uint8 per row (booleans).
 */

const MAGIC = [0x4b, 0x50, 0x52, 0x31]; // "KPR1"

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
 *
 * @example
 * const bytes = encodePartialRows({ rows: summary.rows, nodeRoles: summary.nodeRoles }) ?? gzipSync(JSON.stringify(rows));
 */
export function encodePartialRows(data: OcpPartialRows): Uint8Array | null {
  const rows = data.rows as unknown as Array<Record<string, unknown>>;
  const n = rows.length;
  const names = n > 0 ? Object.keys(rows[0] as object) : [];
  // One pass turns rows into columns (positional reads: a keyed read per field and row would be megamorphic).
  const columns: unknown[][] = names.map(() => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown>;
    const keys = Object.keys(row);
    if (keys.length !== names.length) return null;
    const values = Object.values(row);
    for (let f = 0; f < names.length; f++) {
      if (keys[f] !== names[f]) return null;
      (columns[f] as unknown[])[i] = values[f];
    }
  }
  const fields: FieldHeader[] = [];
  const sections: Uint8Array[] = [];
  let offset = 0;
  for (let f = 0; f < names.length; f++) {
    const encoded = encodeField(columns[f] as unknown[]);
    if (encoded === null) return null;
    fields.push({ name: names[f] as string, kind: encoded.kind, values: encoded.values, offset });
    sections.push(encoded.bytes);
    offset += align8(encoded.bytes.length);
  }
  const header = new TextEncoder().encode(JSON.stringify({ rowCount: n, fields, nodeRoles: data.nodeRoles } satisfies Header));
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
  const readers = header.fields.map((field) => fieldReader(bytes, bodyStart + field.offset, field, n));
  const rows: Array<Record<string, unknown>> = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let f = 0; f < readers.length; f++) row[(header.fields[f] as FieldHeader).name] = (readers[f] as (i: number) => unknown)(i);
    rows[i] = row;
  }
  return { rows: rows as unknown as OcpPartialRows['rows'], nodeRoles: header.nodeRoles };
}

function encodeField(column: readonly unknown[]): { kind: FieldKind; values?: unknown[]; bytes: Uint8Array } | null {
  const kind = kindOf(column);
  if (kind === null) return null;
  if (kind === 'bool') return encodeBools(column);
  if (kind === 'number') return { kind, bytes: encodeNumbers(column as ReadonlyArray<number | null>) };
  return { kind, ...encodeDictionary(column) };
}

/** The one kind of every non-null value (all-null reads as text), or null when kinds are mixed. */
function kindOf(column: readonly unknown[]): FieldKind | null {
  let kind: FieldKind | null = null;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null) continue;
    const k: FieldKind | null = typeof v === 'string' ? 'text' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'json' : null;
    if (k === null || (kind !== null && k !== kind)) return null;
    kind = k;
  }
  return kind ?? 'text';
}

function encodeBools(column: readonly unknown[]): { kind: FieldKind; bytes: Uint8Array } | null {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null) return null;
    out[i] = v === true ? 1 : 0;
  }
  return { kind: 'bool', bytes: out };
}

function encodeNumbers(column: ReadonlyArray<number | null>): Uint8Array {
  const n = column.length;
  const out = new Uint8Array(align8(n * 8) + n);
  const values = new Float64Array(out.buffer, 0, n);
  const valid = out.subarray(align8(n * 8));
  for (let i = 0; i < n; i++) {
    const v = column[i] as number | null;
    // JSON semantics: non-finite numbers become null, -0 becomes 0.
    if (v !== null && Number.isFinite(v)) {
      values[i] = v === 0 ? 0 : v;
      valid[i] = 1;
    }
  }
  return out;
}

/**
 * Text and JSON values: a dictionary of distinct values (JSON maps by identity: rows share the aggregator's label
 * objects) and an index per row. The header's JSON round trip gives the maps JSON semantics.
 */
function encodeDictionary(column: readonly unknown[]): { values: unknown[]; bytes: Uint8Array } {
  const n = column.length;
  const indices = new Int32Array(n);
  const distinct: unknown[] = [];
  const byValue = new Map<unknown, number>();
  let last: unknown = undefined;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v === last && lastIndex >= 0) {
      indices[i] = lastIndex;
      continue;
    }
    let index = byValue.get(v);
    if (index === undefined) {
      index = distinct.length;
      distinct.push(v);
      byValue.set(v, index);
    }
    indices[i] = index;
    last = v;
    lastIndex = index;
  }
  return { values: distinct, bytes: new Uint8Array(indices.buffer) };
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
      const raw = section(align8(n * 8) + n);
      const values = new Float64Array(raw.buffer, raw.byteOffset, n);
      const valid = raw.subarray(align8(n * 8));
      return (i) => (valid[i] === 1 ? values[i] : null);
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
