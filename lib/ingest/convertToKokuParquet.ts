import { randomUUID } from 'node:crypto';
import { silentLogger } from '../common/logger.js';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MANIFEST_ID } from './constants.js';
import { convertAwsCsv } from './convertAwsCsv.js';
import { convertOcpCsv } from './convertOcpCsv.js';
import { InvalidConvertOptionsError } from './errors.js';
import { KokuParquetWriter } from './kokuParquetWriter.js';
import { readCsvRecords } from './readCsvRecords.js';
import type { ConvertOptions, ConvertSummary } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Converts operator (OCP) or CUR (AWS) CSVs into Koku's Parquet layout in an object store, exactly as Koku's
 * ingest does (spec ocp-daily-summary §1–§2, ocp-on-aws §1.1): the OCP report type comes from the header, rows
 * are post-processed, split by day, cut into chunks, and each chunk becomes an hourly and a daily object with
 * Koku's keys and S3 metadata; superseded objects are removed as Koku removes them.
 *
 * @example
 * const summary = await convertToKokuParquet({
 *   inputs: ['October-2025-cluster-ocp_pod_usage.csv'], store: new LocalObjectStore('/tmp/bucket'),
 *   schema: 'org1234567', providerType: 'OCP', providerUuid: '6e212746-484a-40bd-b3c8-4e0f3c5a6b3e',
 * });
 * console.log(summary.written.length);
 */
export async function convertToKokuParquet(options: ConvertOptions): Promise<ConvertSummary> {
  validate(options);
  const logger = options.logger ?? silentLogger;
  const manifestId = options.manifestId ?? DEFAULT_MANIFEST_ID;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const writer = new KokuParquetWriter({
    store: options.store,
    schema: options.schema,
    providerUuid: options.providerUuid,
    manifestId,
    postWriteDedup: options.postWriteDedup,
    replaceExisting: options.replaceExisting,
    logger,
  });
  const counters = new Map<string, number>();
  let rowsRead = 0;
  let rowsDropped = 0;
  for (const input of options.inputs) {
    const csv = await readCsvRecords(input);
    const counts =
      options.providerType === 'OCP'
        ? await convertOcpCsv(csv, {
            writer,
            manifestId,
            chunkSize,
            dailyReports: options.dailyReports ?? true,
            hoursPerDay: options.hoursPerDay,
            reportDate: options.reportDate,
            counters,
            logger,
          })
        : await convertAwsCsv(csv, { writer, manifestId, chunkSize, rowUuid: options.rowUuid ?? randomUUID, logger });
    rowsRead += counts.rowsRead;
    rowsDropped += counts.rowsDropped;
    logger.info('converted CSV to Koku Parquet', { file: csv.name, rows: counts.rowsRead, dropped: counts.rowsDropped });
  }
  return writer.summary(rowsRead, rowsDropped);
}

function validate(options: ConvertOptions): void {
  if (options.providerType !== 'OCP' && options.providerType !== 'AWS') {
    throw new InvalidConvertOptionsError('providerType', `must be OCP or AWS, got ${String(options.providerType)}`);
  }
  if (!UUID.test(options.providerUuid)) throw new InvalidConvertOptionsError('providerUuid', `not a uuid: ${options.providerUuid}`);
  const { chunkSize, manifestId } = options;
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
    throw new InvalidConvertOptionsError('chunkSize', `must be a positive integer, got ${chunkSize}`);
  }
  if (manifestId !== undefined && (!Number.isInteger(manifestId) || manifestId < 0)) {
    throw new InvalidConvertOptionsError('manifestId', `must be a non-negative integer, got ${manifestId}`);
  }
  if (options.schema === '') throw new InvalidConvertOptionsError('schema', 'must not be empty');
}
