import { silentLogger } from '../common/logger.js';
import { aggregateOcpDaily } from '../ingest/aggregateOcpDaily.js';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MANIFEST_ID } from '../ingest/constants.js';
import { convertToKokuParquet } from '../ingest/convertToKokuParquet.js';
import { encodeChunk } from '../ingest/encodeChunk.js';
import { ocpDailyCsvBase } from '../ingest/fileNames.js';
import { KokuParquetWriter } from '../ingest/kokuParquetWriter.js';
import type { ConvertSummary } from '../ingest/types.js';
import { SUMMARY_REPORT_TYPES } from './constants.js';
import { generationDays } from './generationDays.js';
import { seedOf } from './prng.js';
import { buildSyntheticCluster } from './syntheticCluster.js';
import { syntheticChunks } from './syntheticChunks.js';
import { syntheticCsvText } from './syntheticCsv.js';
import type { SummaryReportType, SyntheticCluster, WriteGeneratedOptions, WriteGeneratedSummary } from './types.js';

const HOURS_PER_DAY = 24;

/**
 * Generates a synthetic cluster's pod, storage, node-label and namespace-label data for a month or some days and
 * writes it as Koku-layout Parquet (hourly + daily, Koku's keys, chunking and metadata) into a store, as a
 * daily-report operator's payloads would end up after Koku's ingest. Streams day by day and chunk by chunk.
 *
 * @example
 * await writeGenerated({ store, schema: 'org1234567', providerUuid, clusterId: 'bench-1', days: ['2025-10-01'],
 *   cluster: { pods: 40_000, seed: 1 } }); // ~1M hourly pod rows
 */
export async function writeGenerated(options: WriteGeneratedOptions): Promise<WriteGeneratedSummary> {
  const days = generationDays(options);
  const cluster = buildSyntheticCluster({ seed: seedOf(options.clusterId), ...options.cluster });
  const reportTypes = options.reportTypes ?? [...SUMMARY_REPORT_TYPES];
  const summary = options.via === 'csv' ? await viaCsv(options, cluster, days, reportTypes) : await viaArrow(options, cluster, days, reportTypes);
  return { ...summary, clusterId: options.clusterId, days };
}

async function viaArrow(options: WriteGeneratedOptions, cluster: SyntheticCluster, days: string[], reportTypes: SummaryReportType[]): Promise<ConvertSummary> {
  const manifestId = options.manifestId ?? DEFAULT_MANIFEST_ID;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const logger = options.logger ?? silentLogger;
  const writer = new KokuParquetWriter({
    store: options.store,
    schema: options.schema,
    providerUuid: options.providerUuid,
    manifestId,
    replaceExisting: options.replace,
    logger,
  });
  let rows = 0;
  for (const day of days) {
    for (const reportType of reportTypes) {
      const file = await writer.openOcpReport({
        reportType,
        csvBase: ocpDailyCsvBase(reportType, day, manifestId, 0),
        reportDate: day,
        numHours: HOURS_PER_DAY,
        replaceSuperseded: true,
      });
      if (file === null) continue;
      for (const chunk of syntheticChunks(cluster, day, reportType, chunkSize)) {
        rows += chunk.length;
        await file.write(encodeChunk(chunk, aggregateOcpDaily(chunk, reportType)));
      }
      await file.close();
    }
    logger.info('generated synthetic day', { day, rows });
  }
  return writer.summary(rows, 0);
}

async function viaCsv(options: WriteGeneratedOptions, cluster: SyntheticCluster, days: string[], reportTypes: SummaryReportType[]): Promise<ConvertSummary> {
  const total: ConvertSummary = { written: [], deleted: [], skipped: [], rowsRead: 0, rowsDropped: 0 };
  for (const day of days) {
    const summary = await convertToKokuParquet({
      inputs: reportTypes.map((reportType) => ({ name: `${reportType}.${day}.csv`, text: syntheticCsvText(cluster, day, reportType) })),
      store: options.store,
      schema: options.schema,
      providerType: 'OCP',
      providerUuid: options.providerUuid,
      manifestId: options.manifestId,
      chunkSize: options.chunkSize,
      dailyReports: true,
      hoursPerDay: { [day]: HOURS_PER_DAY },
      replaceExisting: options.replace,
      logger: options.logger,
    });
    total.written.push(...summary.written);
    total.deleted.push(...summary.deleted);
    total.skipped.push(...summary.skipped);
    total.rowsRead += summary.rowsRead;
    total.rowsDropped += summary.rowsDropped;
  }
  return total;
}
