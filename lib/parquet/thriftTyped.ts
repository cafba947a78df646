/**
 * A Thrift compact-protocol codec that keeps every field's wire type, so a Parquet footer can be decoded, edited
 * (columns dropped, offsets moved) and encoded again byte-compatibly. `thriftCompact.ts` stays the light decoder for
 * reading statistics; this one exists for `projectRowGroup.ts`.
 */

import { CompactInput, MAX_STRUCT_DEPTH } from './compactInput.js';
import { CompactType } from './compactType.js';

export type TValue = boolean | number | bigint | Uint8Array | TList | TMap | TStruct;

export interface TField {
  id: number;
  /** Compact type of the field (BoolTrue/BoolFalse are both stored as `T.Bool`). */
  type: number;
  value: TValue;
}

export interface TStruct {
  kind: 'struct';
  fields: TField[];
}

export interface TList {
  kind: 'list';
  /** `T.List` or `T.Set`. */
  type: number;
  elementType: number;
  items: TValue[];
}

export interface TMap {
  kind: 'map';
  keyType: number;
  valueType: number;
  entries: TValue[];
}

/** Compact-protocol type ids (`Bool` stands for both BoolTrue = 1 and BoolFalse = 2). */
export const T = CompactType;

/** Decodes one struct; throws on malformed input. */
export function decodeTypedStruct(bytes: Uint8Array): TStruct {
  return new TypedReader(bytes).struct(0);
}

/** Encodes a struct produced by `decodeTypedStruct` (possibly edited). */
export function encodeTypedStruct(struct: TStruct): Uint8Array {
  const writer = new TypedWriter();
  writer.struct(struct);
  return writer.finish();
}

/** The field `id` of `struct`, or undefined. */
export function fieldOf(struct: TStruct, id: number): TField | undefined {
  return struct.fields.find((f) => f.id === id);
}

/** Sets (or adds, keeping ids ascending) field `id`. */
export function setField(struct: TStruct, id: number, type: number, value: TValue): void {
  const existing = fieldOf(struct, id);
  if (existing !== undefined) {
    existing.type = type;
    existing.value = value;
    return;
  }
  struct.fields.push({ id, type, value });
  struct.fields.sort((a, b) => a.id - b.id);
}

export function dropFields(struct: TStruct, ids: readonly number[]): void {
  struct.fields = struct.fields.filter((f) => !ids.includes(f.id));
}

/** A shallow copy of the struct (fields array copied, values shared). */
export function copyStruct(struct: TStruct): TStruct {
  return { kind: 'struct', fields: struct.fields.map((f) => ({ ...f })) };
}

class TypedReader {
  private readonly input: CompactInput;

  constructor(bytes: Uint8Array) {
    this.input = new CompactInput(bytes);
  }

  struct(depth: number): TStruct {
    if (depth > MAX_STRUCT_DEPTH) throw new Error('thrift structs nested too deeply');
    const fields: TField[] = [];
    let lastId = 0;
    for (;;) {
      const header = this.input.byte();
      if (header === T.Stop) return { kind: 'struct', fields };
      const delta = header >> 4;
      const id = delta === 0 ? Number(this.input.exactZigzag()) : lastId + delta;
      lastId = id;
      const type = header & 0x0f;
      if (type === T.Bool || type === T.BoolFalse) fields.push({ id, type: T.Bool, value: type === T.Bool });
      else fields.push({ id, type, value: this.value(type, depth) });
    }
  }

  private value(type: number, depth: number): TValue {
    switch (type) {
      case T.Bool:
      case T.BoolFalse:
        return this.input.byte() === 1;
      case T.Byte:
        return this.input.int8();
      case T.I16:
      case T.I32:
      case T.I64:
        return this.input.exactZigzag();
      case T.Double:
        return this.input.bytes.slice(this.input.take(8), this.input.pos);
      case T.Binary:
        return this.input.binary();
      case T.List:
      case T.Set: {
        const header = this.input.byte();
        const size = header >> 4 === 15 ? Number(this.input.exactVarint()) : header >> 4;
        const elementType = header & 0x0f;
        if (size > this.input.remaining) throw new Error(`thrift list of ${size} exceeds the footer`);
        const items: TValue[] = [];
        for (let i = 0; i < size; i += 1) items.push(this.value(elementType, depth + 1));
        return { kind: 'list', type, elementType: elementType === T.BoolFalse ? T.Bool : elementType, items };
      }
      case T.Map: {
        const size = Number(this.input.exactVarint());
        if (size === 0) return { kind: 'map', keyType: 0, valueType: 0, entries: [] };
        const types = this.input.byte();
        if (size * 2 > this.input.remaining) throw new Error(`thrift map of ${size} exceeds the footer`);
        const entries: TValue[] = [];
        for (let i = 0; i < size; i += 1) entries.push(this.value(types >> 4, depth + 1), this.value(types & 0x0f, depth + 1));
        return { kind: 'map', keyType: types >> 4, valueType: types & 0x0f, entries };
      }
      case T.Struct:
        return this.struct(depth + 1);
      default:
        throw new Error(`unknown thrift compact type ${type} at byte ${this.input.pos}`);
    }
  }
}

class TypedWriter {
  private buf = new Uint8Array(4096);
  private pos = 0;

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  struct(struct: TStruct): void {
    let lastId = 0;
    for (const field of struct.fields) {
      const type = field.type === T.Bool || field.type === T.BoolFalse ? (field.value === true ? T.Bool : T.BoolFalse) : field.type;
      const delta = field.id - lastId;
      if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
      else {
        this.byte(type);
        this.zigzag(field.id);
      }
      lastId = field.id;
      if (type !== T.Bool && type !== T.BoolFalse) this.value(type, field.value);
    }
    this.byte(T.Stop);
  }

  private value(type: number, value: TValue): void {
    switch (type) {
      case T.Bool:
      case T.BoolFalse:
        this.byte(value === true ? 1 : 2);
        return;
      case T.Byte:
        this.byte((value as number) & 0xff);
        return;
      case T.I16:
      case T.I32:
      case T.I64:
        this.zigzag(value as number | bigint);
        return;
      case T.Double:
        this.bytes(value as Uint8Array);
        return;
      case T.Binary: {
        const bytes = value as Uint8Array;
        this.varint(bytes.length);
        this.bytes(bytes);
        return;
      }
      case T.List:
      case T.Set: {
        const list = value as TList;
        const size = list.items.length;
        if (size < 15) this.byte((size << 4) | list.elementType);
        else {
          this.byte(0xf0 | list.elementType);
          this.varint(size);
        }
        for (const item of list.items) this.value(list.elementType, item);
        return;
      }
      case T.Map: {
        const map = value as TMap;
        const size = map.entries.length / 2;
        this.varint(size);
        if (size === 0) return;
        this.byte((map.keyType << 4) | map.valueType);
        for (let i = 0; i < map.entries.length; i += 2) {
          this.value(map.keyType, map.entries[i] as TValue);
          this.value(map.valueType, map.entries[i + 1] as TValue);
        }
        return;
      }
      case T.Struct:
        this.struct(value as TStruct);
        return;
      default:
        throw new Error(`cannot encode thrift compact type ${type}`);
    }
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  private varint(n: number | bigint): void {
    if (typeof n === 'bigint') {
      let v = n;
      while (v >= 0x80n) {
        this.byte(Number(v & 0x7fn) | 0x80);
        v >>= 7n;
      }
      this.byte(Number(v));
      return;
    }
    let v = n;
    while (v >= 0x80) {
      this.byte((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }

  private zigzag(n: number | bigint): void {
    if (typeof n === 'bigint') {
      this.varint(n >= 0n ? n << 1n : (-n << 1n) - 1n);
      return;
    }
    const z = n >= 0 ? n * 2 : -n * 2 - 1;
    if (Number.isSafeInteger(z)) this.varint(z);
    else this.varint(n >= 0 ? BigInt(n) << 1n : (BigInt(-n) << 1n) - 1n);
  }
}
