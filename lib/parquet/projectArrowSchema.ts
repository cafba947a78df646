import { RecordBatchReader, RecordBatchStreamWriter, Schema } from 'apache-arrow';

/** IPC continuation marker + metadata length that open every encapsulated IPC message. */
const MESSAGE_PREFIX_BYTES = 8;

/**
 * The `ARROW:schema` footer metadata (base64 of an IPC Schema message) with only the top-level fields named in `keep`,
 * in file order. arrow-rs matches the embedded schema to the Parquet columns by position, so a projected file needs a
 * projected schema; keeping it (rather than dropping it) keeps string columns dictionary-encoded on read.
 * Returns null when the value cannot be read or a kept field is missing from it (the caller then drops the key).
 *
 * @example
 * projectArrowSchema(footer.keyValueMetadata['ARROW:schema'], ['interval_start', 'node']);
 */
export function projectArrowSchema(base64: string, keep: readonly string[]): string | null {
  let schema: Schema;
  try {
    const reader = RecordBatchReader.from(Buffer.from(base64, 'base64'));
    reader.open();
    schema = reader.schema;
  } catch {
    return null;
  }
  if (schema === undefined || schema === null) return null;
  const fields = schema.fields.filter((field) => keep.includes(field.name));
  if (fields.length !== keep.length) return null;
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, new Schema(fields, schema.metadata));
  const stream = writer.toUint8Array(true);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (stream.length < MESSAGE_PREFIX_BYTES || view.getUint32(0, true) !== 0xffffffff) return null;
  const message = stream.subarray(0, MESSAGE_PREFIX_BYTES + view.getInt32(4, true));
  return Buffer.from(message).toString('base64');
}
