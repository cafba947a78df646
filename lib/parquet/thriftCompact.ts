/**
 * A minimal Thrift compact-protocol decoder, enough for the Parquet footer. parquet-wasm 0.8.0 exposes no
 * column statistics, and pruning by `interval_start` needs them, so we read the footer ourselves.
 * Structs decode to `Map<fieldId, value>`; integers to numbers (footer i64s stay far below 2^53).
 */

import { CompactInput, MAX_STRUCT_DEPTH } from './compactInput.js';
import { CompactType } from './compactType.js';

export type ThriftValue = boolean | number | Uint8Array | ThriftValue[] | ThriftStruct;
export type ThriftStruct = Map<number, ThriftValue>;

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
  private readonly input: CompactInput;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, start = 0) {
    this.input = new CompactInput(bytes, start);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.input.pos;
  }

  struct(depth: number): ThriftStruct {
    if (depth > MAX_STRUCT_DEPTH) throw new Error('thrift structs nested too deeply');
    const fields: ThriftStruct = new Map();
    let lastId = 0;
    for (;;) {
      const header = this.input.byte();
      if (header === CompactType.Stop) return fields;
      const delta = header >> 4;
      const id = delta === 0 ? this.input.zigzag() : lastId + delta;
      lastId = id;
      fields.set(id, this.value(header & 0x0f, depth, true));
    }
  }

  // A boolean field carries its value in the type (`inField`); a boolean element is a byte of its own.
  private value(type: number, depth: number, inField: boolean): ThriftValue {
    // Most frequent first (page headers are mostly i32 fields and nested structs): the labels are imported constants,
    // not literals, so the cases are compared one after another.
    switch (type) {
      case CompactType.I16:
      case CompactType.I32:
      case CompactType.I64:
        return this.input.zigzag();
      case CompactType.Struct:
        return this.struct(depth + 1);
      case CompactType.Binary:
        return this.input.binary();
      case CompactType.Bool:
        return inField ? true : this.input.byte() === 1;
      case CompactType.BoolFalse:
        return inField ? false : this.input.byte() === 1;
      case CompactType.Byte:
        return this.input.int8();
      case CompactType.Double:
        return this.view.getFloat64(this.input.take(8), true);
      case CompactType.List:
      case CompactType.Set:
        return this.list(depth);
      case CompactType.Map:
        return this.map(depth);
      default:
        throw new Error(`unknown thrift compact type ${type} at byte ${this.input.pos}`);
    }
  }

  private list(depth: number): ThriftValue[] {
    const header = this.input.byte();
    const size = header >> 4 === 15 ? this.input.varint() : header >> 4;
    const elementType = header & 0x0f;
    if (size > this.input.remaining) throw new Error(`thrift list of ${size} exceeds the footer`);
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) items.push(this.value(elementType, depth + 1, false));
    return items;
  }

  // Parquet's footer has no maps; decode them as [key, value, key, value, …] only to stay in step.
  private map(depth: number): ThriftValue[] {
    const size = this.input.varint();
    if (size === 0) return [];
    const types = this.input.byte();
    if (size * 2 > this.input.remaining) throw new Error(`thrift map of ${size} exceeds the footer`);
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) {
      items.push(this.value(types >> 4, depth + 1, false), this.value(types & 0x0f, depth + 1, false));
    }
    return items;
  }
}
