import type { Logger } from '../common/logger.js';
import { aggregateOcpDaily } from './aggregateOcpDaily.js';
import { detectReportType } from './detectReportType.js';
import { encodeChunk } from './encodeChunk.js';
import type { EncodedChunk } from './encodeChunk.js';
import { UnknownReportTypeError } from './errors.js';
import { csvBaseOf, ocpDailyCsvBase } from './fileNames.js';
import type { KokuParquetWriter } from './kokuParquetWriter.js';
import { OcpChunkBuilder } from './ocpChunkBuilder.js';
import type { CsvRecords } from './readCsvRecords.js';
import type { SummaryReportType } from './types.js';

export interface OcpCsvContext {
  writer: KokuParquetWriter;
  manifestId: number;
  chunkSize: number;
  dailyReports: boolean;
  hoursPerDay?: Record<string, number>;
  reportDate?: string;
  /** Koku's `report_tracker`: next counter per `{report_type}.{day}.{manifest_id}`, shared across inputs. */
  counters: Map<string, number>;
  logger: Logger;
}

export interface CsvCounts {
  rowsRead: number;
  rowsDropped: number;
}

const SUMMARY_TYPES: ReadonlySet<string> = new Set(['pod_usage', 'storage_usage', 'node_labels', 'namespace_labels']);

/**
 * One operator CSV → Koku-layout Parquet (spec §1 steps 2–5). Daily-report payloads are split by the first 10
 * characters of `interval_start` into day files, each cut into chunks of `chunkSize` raw rows; an additive
 * payload is written unsplit. VM and GPU reports are recognised and skipped (the summary does not read them).
 */
export async function convertOcpCsv(csv: CsvRecords, ctx: OcpCsvContext): Promise<CsvCounts> {
  const reportType = detectReportType(csv.header);
  if (reportType === null) throw new UnknownReportTypeError(csv.name, csv.header);
  if (!SUMMARY_TYPES.has(reportType)) {
    ctx.logger.warn('skipping OCP report type the summary does not read', { file: csv.name, reportType });
    return { rowsRead: 0, rowsDropped: 0 };
  }
  const type = reportType as SummaryReportType;
  return ctx.dailyReports ? convertDaily(csv, type, ctx) : convertAdditive(csv, type, ctx);
}

interface DayState {
  builder: OcpChunkBuilder;
  encoded: EncodedChunk[];
  intervalStarts: Set<string>;
}

async function convertDaily(csv: CsvRecords, type: SummaryReportType, ctx: OcpCsvContext): Promise<CsvCounts> {
  const startIndex = csv.header.indexOf('interval_start');
  const days = new Map<string, DayState>();
  const counts = { rowsRead: 0, rowsDropped: 0 };
  for await (const { record, row } of csv.records) {
    const start = record[startIndex] ?? '';
    const day = start.slice(0, 10);
    let state = days.get(day);
    if (state === undefined) {
      state = { builder: new OcpChunkBuilder(csv.name, csv.header, type), encoded: [], intervalStarts: new Set() };
      days.set(day, state);
    }
    counts.rowsRead += 1;
    if (!state.builder.add(record, row)) counts.rowsDropped += 1;
    state.intervalStarts.add(start);
    if (state.builder.rawRows >= ctx.chunkSize) state.builder = flush(state, csv, type);
  }
  for (const [day, state] of days) {
    if (state.builder.rawRows > 0) flush(state, csv, type);
    await writeDayFile(day, state, type, ctx);
  }
  return counts;
}

function flush(state: DayState, csv: CsvRecords, type: SummaryReportType): OcpChunkBuilder {
  state.encoded.push(encodeOcp(state.builder, type));
  return new OcpChunkBuilder(csv.name, csv.header, type);
}

async function writeDayFile(day: string, state: DayState, type: SummaryReportType, ctx: OcpCsvContext): Promise<void> {
  const trackerKey = `${type}.${day}.${ctx.manifestId}`;
  const counter = ctx.counters.get(trackerKey) ?? 0;
  ctx.counters.set(trackerKey, counter + 1);
  const file = await ctx.writer.openOcpReport({
    reportType: type,
    csvBase: ocpDailyCsvBase(type, day, ctx.manifestId, counter),
    reportDate: day,
    // Koku: `hour_dict.get(day) or len(df.interval_start.unique())`.
    numHours: ctx.hoursPerDay?.[day] || state.intervalStarts.size,
    replaceSuperseded: true,
  });
  if (file === null) return;
  for (const encoded of state.encoded) await file.write(encoded);
  await file.close();
}

async function convertAdditive(csv: CsvRecords, type: SummaryReportType, ctx: OcpCsvContext): Promise<CsvCounts> {
  const startIndex = csv.header.indexOf('interval_start');
  const counts = { rowsRead: 0, rowsDropped: 0 };
  let builder = new OcpChunkBuilder(csv.name, csv.header, type);
  let reportDate = ctx.reportDate;
  let file: Awaited<ReturnType<KokuParquetWriter['openOcpReport']>> = null;
  const writeChunk = async () => {
    file ??= await ctx.writer.openOcpReport({
      reportType: type,
      csvBase: csvBaseOf(csv.name),
      reportDate: reportDate as string,
      numHours: 0,
      replaceSuperseded: false,
    });
    await file?.write(encodeOcp(builder, type));
    builder = new OcpChunkBuilder(csv.name, csv.header, type);
  };
  for await (const { record, row } of csv.records) {
    reportDate ??= (record[startIndex] ?? '').slice(0, 10);
    counts.rowsRead += 1;
    if (!builder.add(record, row)) counts.rowsDropped += 1;
    if (builder.rawRows >= ctx.chunkSize) await writeChunk();
  }
  if (builder.rawRows > 0) await writeChunk();
  await (file as { close(): Promise<void> } | null)?.close();
  return counts;
}

function encodeOcp(builder: OcpChunkBuilder, type: SummaryReportType): EncodedChunk {
  const hourly = builder.build();
  return encodeChunk(hourly, aggregateOcpDaily(hourly, type));
}
