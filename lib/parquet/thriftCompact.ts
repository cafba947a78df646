/**
 * A minimal Thrift compact-protocol decoder, enough for the Parquet footer. parquet-wasm 0.8.0 exposes no
 * column statistics, and pruning by `interval_start` needs them, so we read the footer ourselves.
 * Structs decode to `Map<fieldId, value>`; integers to numbers (footer i64s stay far below 2^53).
 */

export type ThriftValue = boolean | number | Uint8Array | ThriftValue[] | ThriftStruct;
export type ThriftStruct = Map<number, ThriftValue>;

const enum CompactType {
  Stop = 0,
  BoolTrue = 1,
  BoolFalse = 2,
  Byte = 3,
  I16 = 4,
  I32 = 5,
  I64 = 6,
  Double = 7,
  Binary = 8,
  List = 9,
  Set = 10,
  Map = 11,
  Struct = 12,
}

// Real footers nest a few levels; a bound keeps corrupt input from recursing without end.
const MAX_DEPTH = 64;

/** Decodes one struct from `bytes` (a Parquet `FileMetaData`). Throws `RangeError`/`Error` on malformed input. */
export function decodeThriftStruct(bytes: Uint8Array): ThriftStruct {
  return new CompactReader(bytes).struct(0);
}

/** Decodes one struct starting at `bytes[start]` (a Parquet `PageHeader`) and says where it ended. */
export function decodeThriftStructAt(bytes: Uint8Array, start: number): { struct: ThriftStruct; end: number } {
  const reader = new CompactReader(bytes, start);
  const struct = reader.struct(0);
  return { struct, end: reader.position };
}

class CompactReader {
  private pos: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.pos;
  }

  struct(depth: number): ThriftStruct {
    if (depth > MAX_DEPTH) throw new Error('thrift structs nested too deeply');
    const fields: ThriftStruct = new Map();
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      if (header === CompactType.Stop) return fields;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag() : lastId + delta;
      lastId = id;
      fields.set(id, this.value(header & 0x0f, depth, true));
    }
  }

  private value(type: number, depth: number, inField: boolean): ThriftValue {
    switch (type) {
      case CompactType.BoolTrue:
        return inField ? true : this.byte() === 1;
      case CompactType.BoolFalse:
        return inField ? false : this.byte() === 1;
      case CompactType.Byte:
        return (this.byte() << 24) >> 24;
      case CompactType.I16:
      case CompactType.I32:
      case CompactType.I64:
        return this.zigzag();
      case CompactType.Double: {
        const value = this.view.getFloat64(this.take(8), true);
        return value;
      }
      case CompactType.Binary: {
        const length = this.varint();
        const start = this.take(length);
        return this.bytes.subarray(start, start + length);
      }
      case CompactType.List:
      case CompactType.Set:
        return this.list(depth);
      case CompactType.Map:
        return this.map(depth);
      case CompactType.Struct:
        return this.struct(depth + 1);
      default:
        throw new Error(`unknown thrift compact type ${type} at byte ${this.pos}`);
    }
  }

  private list(depth: number): ThriftValue[] {
    const header = this.byte();
    const size = header >> 4 === 15 ? this.varint() : header >> 4;
    const elementType = header & 0x0f;
    if (size > this.bytes.length - this.pos) throw new Error(`thrift list of ${size} exceeds the footer`);
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) items.push(this.value(elementType, depth + 1, false));
    return items;
  }

  // Parquet's footer has no maps; decode them as [key, value, key, value, …] only to stay in step.
  private map(depth: number): ThriftValue[] {
    const size = this.varint();
    if (size === 0) return [];
    const types = this.byte();
    if (size * 2 > this.bytes.length - this.pos) throw new Error(`thrift map of ${size} exceeds the footer`);
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) {
      items.push(this.value(types >> 4, depth + 1, false), this.value(types & 0x0f, depth + 1, false));
    }
    return items;
  }

  private byte(): number {
    return this.bytes[this.take(1)] as number;
  }

  private take(count: number): number {
    const start = this.pos;
    if (start + count > this.bytes.length) throw new RangeError(`thrift data ends at byte ${this.bytes.length}`);
    this.pos += count;
    return start;
  }

  // Multiplication instead of shifts so values above 2^31 (i64 offsets, row counts) stay exact up to 2^53.
  private varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i += 1) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error(`thrift varint longer than 10 bytes at byte ${this.pos}`);
  }

  private zigzag(): number {
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }
}
