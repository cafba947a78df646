import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { CsvFormatError } from './errors.js';
import type { CsvInput } from './types.js';

export interface CsvRecords {
  /** Names the input in errors and file names. */
  name: string;
  header: string[];
  /** Data records (the header excluded) with their 1-based CSV line-ish row number (header = row 1). */
  records: AsyncIterable<{ record: string[]; row: number }>;
}

/**
 * Opens a CSV input (gzipped when its name ends in `.gz`) for streaming: the header first, then records one by one. Blank lines are skipped (pandas'
 * `skip_blank_lines`), a UTF-8 BOM is dropped, and short records are allowed (missing cells read as empty).
 *
 * @example
 * const { header, records } = await readCsvRecords('/tmp/pod_usage.csv');
 * for await (const { record } of records) console.log(record[0]);
 */
export async function readCsvRecords(input: CsvInput): Promise<CsvRecords> {
  const name = typeof input === 'string' ? input : input.name;
  const raw = typeof input === 'string' ? createReadStream(input) : 'stream' in input ? input.stream : Readable.from([input.text]);
  // Koku accepts gzipped reports (`.csv.gz`) as well.
  const isText = typeof input === 'object' && 'text' in input;
  const source = name.endsWith('.gz') && !isText ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err: Error) => source.destroy(err));
  const parser = source.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: false }));
  source.on('error', (err: Error) => parser.destroy(err));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await next(iterator, name);
  if (first.done) throw new CsvFormatError(name, 'the CSV is empty (no header)');
  const header = first.value;
  return { name, header, records: records(iterator, name) };
}

async function* records(iterator: AsyncIterator<string[]>, name: string): AsyncGenerator<{ record: string[]; row: number }> {
  let row = 1;
  for (;;) {
    const item = await next(iterator, name);
    if (item.done) return;
    row += 1;
    yield { record: item.value, row };
  }
}

async function next(iterator: AsyncIterator<string[]>, name: string): Promise<IteratorResult<string[]>> {
  try {
    return await iterator.next();
  } catch (err) {
    throw new CsvFormatError(name, `cannot read CSV: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
