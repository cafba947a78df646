import { decodeThriftStruct } from './thriftCompact.js';
import type { ThriftStruct, ThriftValue } from './thriftCompact.js';
import type { ColumnStats, ParquetFooter, RowGroupInfo } from './types.js';

// Field ids and enum values from parquet-format's parquet.thrift.
const PhysicalType = { BOOLEAN: 0, INT32: 1, INT64: 2, INT96: 3, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
const ConvertedType = { UTF8: 0, ENUM: 4, DATE: 6, TIMESTAMP_MILLIS: 9, TIMESTAMP_MICROS: 10, UINT_32: 14, JSON: 19 };
const LogicalType = { STRING: 1, ENUM: 4, DATE: 6, TIMESTAMP: 8, INTEGER: 10, JSON: 12 };
const MS_PER_DAY = 86_400_000;
const JULIAN_DAY_OF_EPOCH = 2_440_588;

/** How a leaf column's statistic bytes turn into a number or string. */
type StatDecoder = (bytes: Uint8Array) => number | string | null;

interface Leaf {
  path: string;
  decode: StatDecoder;
  /** The deprecated `min`/`max` fields sort byte arrays signed, so they are only trusted for non-binary types. */
  legacyStatsUsable: boolean;
}

/** Decodes a Thrift `FileMetaData` into the parts of a footer we use. Throws on malformed input. */
export function decodeFooter(bytes: Uint8Array): ParquetFooter {
  const meta = decodeThriftStruct(bytes);
  const schema = list(meta.get(2)).map(asStruct);
  const { columns, leaves } = walkSchema(schema);
  const rowGroups = list(meta.get(4)).map((rg, index) => rowGroupInfo(asStruct(rg), index, leaves));
  const keyValueMetadata: Record<string, string> = {};
  for (const kv of list(meta.get(5)).map(asStruct)) {
    keyValueMetadata[text(kv.get(1)) ?? ''] = text(kv.get(2)) ?? '';
  }
  return {
    numRows: num(meta.get(3)) ?? 0,
    rowGroups,
    columns,
    keyValueMetadata,
    createdBy: text(meta.get(6)),
  };
}

function walkSchema(schema: ThriftStruct[]): { columns: string[]; leaves: Map<string, Leaf> } {
  const columns: string[] = [];
  const leaves = new Map<string, Leaf>();
  let next = 1;
  const visit = (parentPath: string[]): void => {
    const element = schema[next];
    if (element === undefined) throw new Error('schema ends before all children were listed');
    next += 1;
    const path = [...parentPath, text(element.get(4)) ?? ''];
    const children = num(element.get(5)) ?? 0;
    if (parentPath.length === 0) columns.push(path[0] as string);
    if (children === 0) {
      const leaf = leafFor(element, path.join('.'));
      leaves.set(leaf.path, leaf);
    }
    for (let i = 0; i < children; i += 1) visit(path);
  };
  const rootChildren = num(schema[0]?.get(5)) ?? 0;
  for (let i = 0; i < rootChildren; i += 1) visit([]);
  return { columns, leaves };
}

function leafFor(element: ThriftStruct, path: string): Leaf {
  const physical = num(element.get(1));
  const converted = num(element.get(6));
  const logical = element.get(10) instanceof Map ? (element.get(10) as ThriftStruct) : undefined;
  const legacyStatsUsable = physical !== PhysicalType.BYTE_ARRAY;
  const leaf = (decode: StatDecoder): Leaf => ({ path, decode, legacyStatsUsable });

  switch (physical) {
    case PhysicalType.BOOLEAN:
      return leaf((b) => (b.length >= 1 ? (b[0] as number) & 1 : null));
    case PhysicalType.INT32: {
      const isDate = logical?.has(LogicalType.DATE) || converted === ConvertedType.DATE;
      const unsigned = converted === ConvertedType.UINT_32 || isUnsignedInteger(logical);
      return leaf((b) => {
        if (b.length < 4) return null;
        const view = dataView(b);
        if (isDate) return view.getInt32(0, true) * MS_PER_DAY;
        return unsigned ? view.getUint32(0, true) : view.getInt32(0, true);
      });
    }
    case PhysicalType.INT64: {
      const divisor = timestampDivisor(logical, converted);
      return leaf((b) => {
        if (b.length < 8) return null;
        const value = dataView(b).getBigInt64(0, true);
        if (divisor === null) return Number(value);
        const quotient = value / divisor;
        // BigInt division truncates; floor keeps pre-1970 instants on the right millisecond.
        return Number(value < 0n && quotient * divisor !== value ? quotient - 1n : quotient);
      });
    }
    case PhysicalType.INT96:
      // Legacy Impala/Spark timestamps: nanoseconds of the day, then the Julian day.
      return leaf((b) => {
        if (b.length < 12) return null;
        const view = dataView(b);
        const nanos = view.getBigUint64(0, true);
        const julianDay = view.getInt32(8, true);
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MS_PER_DAY + Number(nanos / 1_000_000n);
      });
    case PhysicalType.FLOAT:
      return leaf((b) => (b.length < 4 ? null : dataView(b).getFloat32(0, true)));
    case PhysicalType.DOUBLE:
      return leaf((b) => (b.length < 8 ? null : dataView(b).getFloat64(0, true)));
    case PhysicalType.BYTE_ARRAY: {
      const isText =
        converted === ConvertedType.UTF8 ||
        converted === ConvertedType.ENUM ||
        converted === ConvertedType.JSON ||
        [LogicalType.STRING, LogicalType.ENUM, LogicalType.JSON].some((id) => logical?.has(id));
      return leaf((b) => (isText ? utf8.decode(b) : null));
    }
    default:
      return leaf(() => null);
  }
}

/** The BigInt divisor that turns a timestamp column's unit into milliseconds, or null for plain integers. */
function timestampDivisor(logical: ThriftStruct | undefined, converted: number | null): bigint | null {
  const timestamp = logical?.get(LogicalType.TIMESTAMP);
  if (timestamp instanceof Map) {
    const unit = timestamp.get(2);
    if (unit instanceof Map) {
      if (unit.has(1)) return 1n;
      if (unit.has(2)) return 1_000n;
      if (unit.has(3)) return 1_000_000n;
    }
  }
  if (converted === ConvertedType.TIMESTAMP_MILLIS) return 1n;
  if (converted === ConvertedType.TIMESTAMP_MICROS) return 1_000n;
  return null;
}

function isUnsignedInteger(logical: ThriftStruct | undefined): boolean {
  const integer = logical?.get(LogicalType.INTEGER);
  return integer instanceof Map && integer.get(2) === false;
}

function rowGroupInfo(rowGroup: ThriftStruct, index: number, leaves: Map<string, Leaf>): RowGroupInfo {
  const stats: Record<string, ColumnStats | undefined> = {};
  for (const chunk of list(rowGroup.get(1)).map(asStruct)) {
    const meta = chunk.get(3);
    if (!(meta instanceof Map)) continue;
    const path = list(meta.get(3)).map((p) => text(p) ?? '').join('.');
    const leaf = leaves.get(path);
    const statistics = meta.get(12);
    if (leaf === undefined || !(statistics instanceof Map)) continue;
    stats[path] = columnStats(statistics, leaf);
  }
  return { index, numRows: num(rowGroup.get(3)) ?? 0, stats };
}

function columnStats(statistics: ThriftStruct, leaf: Leaf): ColumnStats | undefined {
  let minBytes = statistics.get(6);
  let maxBytes = statistics.get(5);
  if (leaf.legacyStatsUsable) {
    minBytes ??= statistics.get(2);
    maxBytes ??= statistics.get(1);
  }
  const nullCount = num(statistics.get(3));
  if (!(minBytes instanceof Uint8Array) && !(maxBytes instanceof Uint8Array) && nullCount === null) return undefined;
  return {
    min: minBytes instanceof Uint8Array ? leaf.decode(minBytes) : null,
    max: maxBytes instanceof Uint8Array ? leaf.decode(maxBytes) : null,
    nullCount,
  };
}

const utf8 = new TextDecoder('utf-8');

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function list(value: ThriftValue | undefined): ThriftValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('expected a thrift list');
  return value;
}

function asStruct(value: ThriftValue): ThriftStruct {
  if (!(value instanceof Map)) throw new Error('expected a thrift struct');
  return value;
}

function num(value: ThriftValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function text(value: ThriftValue | undefined): string | null {
  return value instanceof Uint8Array ? utf8.decode(value) : null;
}
