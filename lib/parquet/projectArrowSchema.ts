import { RecordBatchReader, RecordBatchStreamWriter, Schema } from 'apache-arrow';

/** IPC continuation marker + metadata length that open every encapsulated IPC message. */
const MESSAGE_PREFIX_BYTES = 8;

/** The Arrow schema in an `ARROW:schema` footer value (base64 of an IPC Schema message), or null if unreadable. */
export function readArrowSchema(base64: string): Schema | null {
  try {
    const reader = RecordBatchReader.from(Buffer.from(base64, 'base64'));
    reader.open();
    return reader.schema ?? null;
  } catch {
    return null;
  }
}

/** Encodes a schema as an `ARROW:schema` value (base64 of the IPC Schema message, as arrow-rs writes it). */
export function encodeArrowSchema(schema: Schema): string | null {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  const stream = writer.toUint8Array(true);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (stream.length < MESSAGE_PREFIX_BYTES || view.getUint32(0, true) !== 0xffffffff) return null;
  return Buffer.from(stream.subarray(0, MESSAGE_PREFIX_BYTES + view.getInt32(4, true))).toString('base64');
}

/**
 * `schema` with only the top-level fields named in `keep`, in file order. arrow-rs matches an embedded schema to the
 * Parquet columns by position, so a projected file needs a projected schema; keeping one (rather than dropping it)
 * keeps string columns dictionary-encoded on read. Null when a kept field is missing from it.
 *
 * @example
 * projectArrowSchema(readArrowSchema(footer.keyValueMetadata['ARROW:schema']), ['interval_start', 'node']);
 */
export function projectArrowSchema(schema: Schema, keep: readonly string[]): Schema | null {
  const fields = schema.fields.filter((field) => keep.includes(field.name));
  if (fields.length !== keep.length) return null;
  return new Schema(fields, schema.metadata);
}
