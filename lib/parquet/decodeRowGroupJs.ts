import {
  DataType,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  TimeUnit,
  Timestamp,
  Utf8,
  makeData,
} from 'apache-arrow';
import type { Data } from 'apache-arrow';
import { Codec, Physical, UnsupportedPageError, decodeColumnChunk } from './decodeColumnChunk.js';
import type { ColumnDecodeSpec } from './decodeColumnChunk.js';
import type { DecodeBuffers } from './decodeBuffers.js';
import type { FetchedRowGroup, ProjectionPlan } from './projectRowGroup.js';
import { fieldOf } from './thriftTyped.js';
import type { TStruct, TValue } from './thriftTyped.js';

// parquet.thrift ids.
const SchemaElement = { type: 1, repetition: 3, name: 4, convertedType: 6, logicalType: 10 } as const;
const Repetition = { REQUIRED: 0, OPTIONAL: 1 } as const;
const Logical = { STRING: 1, TIMESTAMP: 8, INTEGER: 10 } as const;
const Converted = { UTF8: 0 } as const;
const ColumnMetaDataCodec = 4;
const ColumnMetaDataUncompressedSize = 6;

/** What the JS decoder makes of each kept column: a decode spec and the Arrow field. */
export interface JsDecodePlan {
  specs: Array<Omit<ColumnDecodeSpec, 'codec'>>;
  schema: Schema;
}

const cache = new WeakMap<ProjectionPlan, JsDecodePlan | null>();

/**
 * Whether the pure-JS page decoder can read every kept column of `plan`, and with which Arrow types: the types
 * arrow-rs (parquet-wasm) would produce, taken from the embedded Arrow schema when there is one (so dictionary-typed
 * strings stay dictionaries) and from the Parquet logical types otherwise. Flat columns of DOUBLE, FLOAT, INT32,
 * INT64 (plain or TIMESTAMP) and UTF-8 BYTE_ARRAY only; null (read with parquet-wasm) for anything else.
 */
export function jsDecodePlan(plan: ProjectionPlan): JsDecodePlan | null {
  let decided = cache.get(plan);
  if (decided === undefined) {
    decided = decide(plan);
    cache.set(plan, decided);
  }
  return decided;
}

function decide(plan: ProjectionPlan): JsDecodePlan | null {
  const specs: JsDecodePlan['specs'] = [];
  const fields: Field[] = [];
  for (let i = 0; i < plan.columns.length; i++) {
    const element = plan.leafElements[i];
    const name = plan.columns[i] as string;
    if (element === null || element === undefined) return null;
    const repetition = intOf(element, SchemaElement.repetition) ?? Repetition.REQUIRED;
    if (repetition !== Repetition.REQUIRED && repetition !== Repetition.OPTIONAL) return null;
    const physical = intOf(element, SchemaElement.type);
    if (physical === undefined) return null;
    const hint = plan.arrowSchema?.fields.find((f) => f.name === name);
    const type = arrowTypeOf(element, physical, hint?.type);
    if (type === null) return null;
    specs.push({ physical, maxDefinitionLevel: repetition === Repetition.OPTIONAL ? 1 : 0, type });
    fields.push(hint ?? new Field(name, type, repetition === Repetition.OPTIONAL));
  }
  return { specs, schema: new Schema(fields) };
}

/**
 * Decodes one fetched row group with the JS page decoder. Throws `UnsupportedPageError` (the caller then uses
 * parquet-wasm) when a page needs something the decoder lacks, or an Error when the bytes are corrupt.
 * With `buffers`, the batch lives on arrays that the next row group decoded with them overwrites.
 */
export function decodeRowGroupJs(fetched: FetchedRowGroup, plan: JsDecodePlan, buffers?: DecodeBuffers): RecordBatch {
  const children: Data[] = fetched.chunks.map((chunk, i) => {
    const codec = intOf(chunk.meta, ColumnMetaDataCodec);
    if (codec !== Codec.UNCOMPRESSED && codec !== Codec.SNAPPY && codec !== Codec.GZIP) throw new UnsupportedPageError(`codec ${codec}`);
    const spec = plan.specs[i] as Omit<ColumnDecodeSpec, 'codec'>;
    const sizeHint = intOf(chunk.meta, ColumnMetaDataUncompressedSize) ?? 0;
    return decodeColumnChunk(chunk.bytes, { ...spec, codec }, fetched.numRows, sizeHint, buffers && { pool: buffers, column: i });
  });
  const struct = makeData({ type: new Struct(plan.schema.fields), length: fetched.numRows, nullCount: 0, children });
  return new RecordBatch(plan.schema, struct);
}

/** The Arrow type arrow-rs gives this Parquet leaf (with `hint` from ARROW:schema), or null when unsupported. */
function arrowTypeOf(element: TStruct, physical: number, hint: DataType | undefined): DataType | null {
  const logical = fieldOf(element, SchemaElement.logicalType)?.value as TStruct | undefined;
  const logicalKind = logical?.fields[0]?.id;
  const converted = intOf(element, SchemaElement.convertedType);
  switch (physical) {
    case Physical.BYTE_ARRAY: {
      const isString = logicalKind === Logical.STRING || (logical === undefined && converted === Converted.UTF8);
      if (!isString) return null;
      if (hint === undefined) return new Utf8();
      if (DataType.isUtf8(hint)) return hint;
      if (DataType.isDictionary(hint) && DataType.isUtf8(hint.dictionary) && hint.indices.bitWidth === 32 && hint.indices.isSigned) return hint;
      return null;
    }
    case Physical.DOUBLE:
      if (logical !== undefined || converted !== undefined) return null;
      if (hint === undefined) return new Float64();
      return DataType.isFloat(hint) && hint.precision === Precision.DOUBLE ? hint : null;
    case Physical.FLOAT:
      if (logical !== undefined || converted !== undefined) return null;
      if (hint === undefined) return new Float32();
      return DataType.isFloat(hint) && hint.precision === Precision.SINGLE ? hint : null;
    case Physical.INT32:
      if (!plainOrSignedInteger(logical, logicalKind, converted, 32)) return null;
      if (hint === undefined) return new Int32();
      return DataType.isInt(hint) && hint.bitWidth === 32 && hint.isSigned ? hint : null;
    case Physical.INT64: {
      if (logicalKind === Logical.TIMESTAMP) {
        const timestamp = fieldOf(logical as TStruct, Logical.TIMESTAMP)?.value as TStruct;
        const unit = timeUnitOf(fieldOf(timestamp, 2)?.value);
        if (unit === null) return null;
        const utc = fieldOf(timestamp, 1)?.value === true;
        if (hint === undefined) return new Timestamp(unit, utc ? 'UTC' : null);
        return DataType.isTimestamp(hint) && hint.unit === unit ? hint : null;
      }
      if (!plainOrSignedInteger(logical, logicalKind, converted, 64)) return null;
      if (hint === undefined) return new Int64();
      return DataType.isInt(hint) && hint.bitWidth === 64 && hint.isSigned ? hint : null;
    }
    default:
      return null;
  }
}

function plainOrSignedInteger(logical: TStruct | undefined, kind: number | undefined, converted: number | undefined, bits: number): boolean {
  if (logical === undefined) return converted === undefined;
  if (kind !== Logical.INTEGER) return false;
  const integer = fieldOf(logical, Logical.INTEGER)?.value as TStruct;
  return intOf(integer, 1) === bits && fieldOf(integer, 2)?.value === true;
}

function timeUnitOf(value: TValue | undefined): TimeUnit | null {
  const unit = value as TStruct | undefined;
  switch (unit?.fields[0]?.id) {
    case 1:
      return TimeUnit.MILLISECOND;
    case 2:
      return TimeUnit.MICROSECOND;
    case 3:
      return TimeUnit.NANOSECOND;
    default:
      return null;
  }
}

function intOf(struct: TStruct, id: number): number | undefined {
  const value = fieldOf(struct, id)?.value;
  return typeof value === 'number' ? value : undefined;
}
