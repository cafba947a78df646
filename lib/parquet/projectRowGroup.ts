import { KokuAggError } from '../common/errors.js';
import { PARQUET_MAGIC } from './constants.js';
import { InvalidParquetObjectError } from './errors.js';
import { encodeArrowSchema, projectArrowSchema, readArrowSchema } from './projectArrowSchema.js';
import {
  T,
  copyStruct,
  decodeTypedStruct,
  dropFields,
  encodeTypedStruct,
  fieldOf,
  setField,
} from './thriftTyped.js';
import type { TList, TStruct, TValue } from './thriftTyped.js';
import type { Schema } from 'apache-arrow';

// Field ids from parquet-format's parquet.thrift.
const FileMetaData = { schema: 2, numRows: 3, rowGroups: 4, keyValue: 5, columnOrders: 7, encryption: 8 } as const;
const SchemaElement = { name: 4, numChildren: 5 } as const;
const RowGroup = { columns: 1, totalByteSize: 2, numRows: 3, sortingColumns: 4, fileOffset: 5, totalCompressedSize: 6, ordinal: 7 } as const;
const ColumnChunk = { filePath: 1, fileOffset: 2, metaData: 3, indexes: [4, 5, 6, 7], crypto: [8, 9] } as const;
const ColumnMetaData = {
  pathInSchema: 3,
  totalUncompressedSize: 6,
  totalCompressedSize: 7,
  dataPageOffset: 9,
  indexPageOffset: 10,
  dictionaryPageOffset: 11,
  bloomFilter: [14, 15],
} as const;
const KeyValue = { key: 1, value: 2 } as const;
const ARROW_SCHEMA_KEY = 'ARROW:schema';

/** Reads closer than this are fetched as one range (fewer S3 GETs for a few wasted bytes). */
const COALESCE_GAP_BYTES = 256 * 1024;

/** How to cut a column projection out of an object, decided once per object from its footer. */
export interface ProjectionPlan {
  /** Top-level columns kept, in file order. */
  columns: string[];
  meta: TStruct;
  /** Leaf ordinals (= column chunk positions in every row group) kept, ascending. */
  leaves: number[];
  schema: TList;
  keyValue: TList | undefined;
  columnOrders: TList | undefined;
  /** Per kept column: its schema element when the column is one flat leaf (what the JS decoder reads), else null. */
  leafElements: Array<TStruct | null>;
  /** The embedded Arrow schema projected to the kept columns, when the file has one. */
  arrowSchema: Schema | null;
}

/** One kept column chunk of a row group, fetched. */
export interface FetchedChunk {
  chunk: TStruct;
  meta: TStruct;
  start: number;
  length: number;
  bytes: Uint8Array;
  dropDictionaryOffset: boolean;
}

export interface FetchedRowGroup {
  index: number;
  numRows: number;
  group: TStruct;
  chunks: FetchedChunk[];
}

/**
 * Plans reading only `columns` (top-level names; absent ones ignored) of a Parquet object whose Thrift footer is
 * `footerBytes`. Returns null when no requested column exists or the footer uses something the projection does not
 * handle (encryption, external column files), so the caller reads the object whole.
 *
 * @example
 * const plan = planProjection(footerBytes, ['interval_start', 'node']);
 * const slice = plan && (await readProjectedRowGroup(blob, plan, 0, key)); // a small, valid Parquet file
 */
export function planProjection(footerBytes: Uint8Array, columns: readonly string[]): ProjectionPlan | null {
  const meta = decodeTypedStruct(footerBytes);
  if (fieldOf(meta, FileMetaData.encryption) !== undefined) return null;
  const elements = listOf(meta, FileMetaData.schema)?.items as TStruct[] | undefined;
  const root = elements?.[0];
  if (elements === undefined || root === undefined) return null;

  const wanted = new Set(columns);
  const keptElements: TStruct[] = [];
  const keptColumns: string[] = [];
  const leafElements: Array<TStruct | null> = [];
  const leaves: number[] = [];
  let next = 1;
  let leaf = 0;
  const rootChildren = intOf(root, SchemaElement.numChildren);
  for (let c = 0; c < rootChildren; c += 1) {
    const from = next;
    const leafFrom = leaf;
    const name = textOf(elements[next]);
    skipSubtree();
    if (name !== null && wanted.has(name) && !keptColumns.includes(name)) {
      keptColumns.push(name);
      keptElements.push(...elements.slice(from, next));
      leafElements.push(next === from + 1 ? (elements[from] as TStruct) : null);
      for (let l = leafFrom; l < leaf; l += 1) leaves.push(l);
    }
  }
  if (keptColumns.length === 0 || next !== elements.length) return null;

  function skipSubtree(): void {
    const element = elements![next];
    if (element === undefined) throw new Error('schema ends before all children were listed');
    next += 1;
    const children = intOf(element, SchemaElement.numChildren);
    if (children === 0) leaf += 1;
    for (let i = 0; i < children; i += 1) skipSubtree();
  }

  const newRoot = copyStruct(root);
  setField(newRoot, SchemaElement.numChildren, T.I32, keptColumns.length);
  const schema: TList = { kind: 'list', type: T.List, elementType: T.Struct, items: [newRoot, ...keptElements] };
  const orders = listOf(meta, FileMetaData.columnOrders);
  const columnOrders = orders === undefined ? undefined : { ...orders, items: leaves.map((l) => orders.items[l] as TValue) };
  const { keyValue, arrowSchema } = projectKeyValue(listOf(meta, FileMetaData.keyValue), keptColumns);
  return { columns: keptColumns, meta, leaves, schema, keyValue, columnOrders, leafElements, arrowSchema };
}

/**
 * Fetches the kept column chunks of row group `rowGroup` (ranged reads, nearby ranges coalesced) and returns them as
 * a standalone Parquet file with one row group and a rewritten footer, for parquet-wasm's synchronous reader, which
 * decodes every column it is given. Bytes are never decoded here, so a corrupt page still fails in the reader.
 */
export async function readProjectedRowGroup(blob: Blob, plan: ProjectionPlan, rowGroup: number, label: string): Promise<Uint8Array> {
  return assembleProjectedFile(plan, await fetchRowGroupChunks(blob, plan, rowGroup, label));
}

/** The kept column chunks of one row group, read by range from `blob` (nearby ranges coalesced). */
export async function fetchRowGroupChunks(blob: Blob, plan: ProjectionPlan, rowGroup: number, label: string): Promise<FetchedRowGroup> {
  const group = listOf(plan.meta, FileMetaData.rowGroups)?.items[rowGroup] as TStruct | undefined;
  if (group === undefined) throw new InvalidParquetObjectError(label, `row group ${rowGroup} is not in the footer`);
  const chunks = listOf(group, RowGroup.columns)?.items as TStruct[] | undefined;
  const pieces = plan.leaves.map((leaf) => {
    const chunk = chunks?.[leaf];
    const meta = chunk === undefined ? undefined : (fieldOf(chunk, ColumnChunk.metaData)?.value as TStruct | undefined);
    if (chunk === undefined || meta === undefined || fieldOf(chunk, ColumnChunk.filePath) !== undefined) {
      throw new InvalidParquetObjectError(label, `row group ${rowGroup} has no usable column chunk ${leaf}`);
    }
    // Some old writers record a dictionary page offset of 0 for chunks without one; then the data pages start it.
    const dictionaryAt = fieldOf(meta, ColumnMetaData.dictionaryPageOffset);
    const dictionary = dictionaryAt !== undefined && toNumber(dictionaryAt.value) > 0 ? toNumber(dictionaryAt.value) : undefined;
    const start = dictionary ?? intOf(meta, ColumnMetaData.dataPageOffset);
    const length = intOf(meta, ColumnMetaData.totalCompressedSize);
    if (!(start >= PARQUET_MAGIC.length) || !(length >= 0) || start + length > blob.size) {
      throw new InvalidParquetObjectError(label, `row group ${rowGroup}: column chunk ${leaf} [${start}, +${length}) is outside the object`);
    }
    return { chunk, meta, start, length, dropDictionaryOffset: dictionaryAt !== undefined && dictionary === undefined };
  });
  const fetched = await fetchRanges(blob, pieces, label);
  return {
    index: rowGroup,
    numRows: intOf(group, RowGroup.numRows),
    group,
    chunks: pieces.map((piece, i) => ({ ...piece, bytes: fetched[i] as Uint8Array })),
  };
}

/** A standalone Parquet file holding just the fetched chunks, with a footer rewritten to match. */
export function assembleProjectedFile(plan: ProjectionPlan, fetched: FetchedRowGroup): Uint8Array {
  const { group, chunks: pieces } = fetched;
  const bodyLength = pieces.reduce((sum, p) => sum + p.length, 0);
  let at = PARQUET_MAGIC.length;
  let uncompressed = 0;
  const newChunks: TStruct[] = pieces.map((piece) => {
    const delta = at - piece.start;
    const meta = copyStruct(piece.meta);
    shift(meta, ColumnMetaData.dataPageOffset, delta);
    shift(meta, ColumnMetaData.dictionaryPageOffset, delta);
    dropFields(meta, [ColumnMetaData.indexPageOffset, ...ColumnMetaData.bloomFilter]);
    if (piece.dropDictionaryOffset) dropFields(meta, [ColumnMetaData.dictionaryPageOffset]);
    uncompressed += intOf(meta, ColumnMetaData.totalUncompressedSize);
    const chunk = copyStruct(piece.chunk);
    dropFields(chunk, [...ColumnChunk.indexes, ...ColumnChunk.crypto]);
    setField(chunk, ColumnChunk.fileOffset, T.I64, at + piece.length);
    setField(chunk, ColumnChunk.metaData, T.Struct, meta);
    at += piece.length;
    return chunk;
  });
  const newGroup = copyStruct(group);
  dropFields(newGroup, [RowGroup.sortingColumns, RowGroup.ordinal]);
  setField(newGroup, RowGroup.columns, T.List, { kind: 'list', type: T.List, elementType: T.Struct, items: newChunks });
  setField(newGroup, RowGroup.totalByteSize, T.I64, uncompressed);
  if (fieldOf(newGroup, RowGroup.fileOffset) !== undefined) setField(newGroup, RowGroup.fileOffset, T.I64, PARQUET_MAGIC.length);
  if (fieldOf(newGroup, RowGroup.totalCompressedSize) !== undefined) setField(newGroup, RowGroup.totalCompressedSize, T.I64, bodyLength);

  const meta = copyStruct(plan.meta);
  setField(meta, FileMetaData.schema, T.List, plan.schema);
  setField(meta, FileMetaData.numRows, T.I64, intOf(group, RowGroup.numRows));
  setField(meta, FileMetaData.rowGroups, T.List, { kind: 'list', type: T.List, elementType: T.Struct, items: [newGroup] });
  if (plan.keyValue === undefined) dropFields(meta, [FileMetaData.keyValue]);
  else setField(meta, FileMetaData.keyValue, T.List, plan.keyValue);
  if (plan.columnOrders !== undefined) setField(meta, FileMetaData.columnOrders, T.List, plan.columnOrders);
  const footer = encodeTypedStruct(meta);

  const out = new Uint8Array(PARQUET_MAGIC.length + bodyLength + footer.length + 8);
  const magic = new TextEncoder().encode(PARQUET_MAGIC);
  out.set(magic, 0);
  let pos = PARQUET_MAGIC.length;
  for (const piece of pieces) {
    out.set(piece.bytes, pos);
    pos += piece.bytes.length;
  }
  out.set(footer, pos);
  pos += footer.length;
  new DataView(out.buffer).setUint32(pos, footer.length, true);
  out.set(magic, pos + 4);
  return out;
}

/** Each piece's bytes, in piece order; pieces close together in the object are read with one range request. */
async function fetchRanges(blob: Blob, pieces: ReadonlyArray<{ start: number; length: number }>, label: string): Promise<Uint8Array[]> {
  const order = pieces.map((_, i) => i).sort((a, b) => pieces[a]!.start - pieces[b]!.start);
  const spans: Array<{ start: number; end: number; members: number[] }> = [];
  for (const i of order) {
    const { start, length } = pieces[i]!;
    const last = spans[spans.length - 1];
    if (last !== undefined && start - last.end <= COALESCE_GAP_BYTES) {
      last.end = Math.max(last.end, start + length);
      last.members.push(i);
    } else spans.push({ start, end: start + length, members: [i] });
  }
  const out: Uint8Array[] = new Array(pieces.length);
  await Promise.all(
    spans.map(async (span) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await blob.slice(span.start, span.end).arrayBuffer());
      } catch (err) {
        if (err instanceof KokuAggError) throw err;
        throw new InvalidParquetObjectError(label, err);
      }
      if (bytes.length !== span.end - span.start) {
        throw new InvalidParquetObjectError(label, `short read: ${bytes.length} of ${span.end - span.start} bytes at ${span.start}`);
      }
      for (const i of span.members) {
        const piece = pieces[i]!;
        out[i] = bytes.subarray(piece.start - span.start, piece.start - span.start + piece.length);
      }
    }),
  );
  return out;
}

function projectKeyValue(list: TList | undefined, columns: readonly string[]): { keyValue: TList | undefined; arrowSchema: Schema | null } {
  if (list === undefined) return { keyValue: undefined, arrowSchema: null };
  const items: TValue[] = [];
  let arrowSchema: Schema | null = null;
  for (const item of list.items as TStruct[]) {
    if (textOf(item, KeyValue.key) !== ARROW_SCHEMA_KEY) {
      items.push(item);
      continue;
    }
    const value = textOf(item, KeyValue.value);
    const full = value === null ? null : readArrowSchema(value);
    const projected = full === null ? null : projectArrowSchema(full, columns);
    const encoded = projected === null ? null : encodeArrowSchema(projected);
    // Without a matching embedded schema arrow-rs would reject the file; without any it infers types from Parquet.
    if (encoded === null) continue;
    arrowSchema = projected;
    const kv = copyStruct(item);
    setField(kv, KeyValue.value, T.Binary, new TextEncoder().encode(encoded));
    items.push(kv);
  }
  return { keyValue: { ...list, items }, arrowSchema };
}

function shift(struct: TStruct, id: number, delta: number): void {
  const field = fieldOf(struct, id);
  if (field !== undefined) field.value = toNumber(field.value) + delta;
}

function listOf(struct: TStruct, id: number): TList | undefined {
  const value = fieldOf(struct, id)?.value;
  return value !== undefined && typeof value === 'object' && 'kind' in value && value.kind === 'list' ? value : undefined;
}

function intOf(struct: TStruct, id: number): number {
  const field = fieldOf(struct, id);
  return field === undefined ? 0 : toNumber(field.value);
}

function toNumber(value: TValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error('expected a thrift integer');
}

const utf8 = new TextDecoder('utf-8');

function textOf(struct: TStruct | undefined, id: number = SchemaElement.name): string | null {
  const value = struct === undefined ? undefined : fieldOf(struct, id)?.value;
  return value instanceof Uint8Array ? utf8.decode(value) : null;
}
