import type { Logger } from '../common/logger.js';
import { aggregateAwsDaily } from './aggregateAwsDaily.js';
import { AwsChunkBuilder, planAwsHeader } from './awsChunkBuilder.js';
import { AWS_TIME_INTERVAL_COLUMNS } from './constants.js';
import { encodeChunk } from './encodeChunk.js';
import { MissingColumnError } from './errors.js';
import { awsDailyCsvBase } from './fileNames.js';
import type { KokuParquetWriter } from './kokuParquetWriter.js';
import type { CsvCounts } from './convertOcpCsv.js';
import type { CsvRecords } from './readCsvRecords.js';

export interface AwsCsvContext {
  writer: KokuParquetWriter;
  manifestId: number;
  chunkSize: number;
  rowUuid: () => string;
  logger: Logger;
}

/**
 * One CUR CSV → Koku-layout Parquet (ocp-on-aws §1.1). Like Koku's `create_daily_archives`, the report is read in
 * batches of `chunkSize` rows and each batch is split by the date of `identity/TimeInterval` into daily files
 * `{date}_manifestid-{id}_basefile-{base}_batch-{i}`, each written as a raw and a daily Parquet object.
 */
export async function convertAwsCsv(csv: CsvRecords, ctx: AwsCsvContext): Promise<CsvCounts> {
  const plan = planAwsHeader(csv.header);
  const dayIndex = dayColumnIndex(csv);
  let batch = 0;
  let inBatch = 0;
  let days = new Map<string, AwsChunkBuilder>();
  let rowsRead = 0;
  for await (const { record, row } of csv.records) {
    const day = dayOf(record[dayIndex] ?? '');
    let builder = days.get(day);
    if (builder === undefined) {
      builder = new AwsChunkBuilder(csv.name, plan);
      days.set(day, builder);
    }
    builder.add(record, row);
    rowsRead += 1;
    inBatch += 1;
    if (inBatch >= ctx.chunkSize) {
      await writeBatch(days, batch, csv.name, ctx);
      days = new Map();
      batch += 1;
      inBatch = 0;
    }
  }
  if (inBatch > 0) await writeBatch(days, batch, csv.name, ctx);
  return { rowsRead, rowsDropped: 0 };
}

async function writeBatch(
  days: Map<string, AwsChunkBuilder>,
  batch: number,
  fileName: string,
  ctx: AwsCsvContext,
): Promise<void> {
  for (const [day, builder] of days) {
    const hourly = builder.build();
    const file = await ctx.writer.openAwsReport({ day, csvBase: awsDailyCsvBase(day, ctx.manifestId, fileName, batch) });
    await file.write(encodeChunk(hourly, aggregateAwsDaily(hourly, ctx.rowUuid)));
    await file.close();
  }
}

function dayColumnIndex(csv: CsvRecords): number {
  for (const name of [...AWS_TIME_INTERVAL_COLUMNS, 'lineItem/UsageStartDate', 'line_item_usage_start_date']) {
    const index = csv.header.indexOf(name);
    if (index >= 0) return index;
  }
  throw new MissingColumnError(csv.name, AWS_TIME_INTERVAL_COLUMNS[0]);
}

/** The date part of `2025-10-01T00:00:00Z/2025-10-01T01:00:00Z` (Koku splits on `T`) or of a start date. */
function dayOf(cell: string): string {
  return cell.split('T')[0].slice(0, 10);
}
