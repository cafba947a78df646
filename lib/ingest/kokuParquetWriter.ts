import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { accountForSchema } from '../layout/accountForSchema.js';
import { buildObjectKey } from '../layout/buildObjectKey.js';
import { DAILY_SEGMENT, PARQUET_ROOT } from '../layout/constants.js';
import { monthPrefix } from '../layout/monthPrefix.js';
import type { ObjectStore } from '../store/types.js';
import {
  METADATA_MANIFEST_ID,
  METADATA_REPORT_DATE_START,
  METADATA_REPORT_NUM_HOURS,
  OPENSHIFT_REPORT_TYPE_SEGMENT,
} from './constants.js';
import type { EncodedChunk } from './encodeChunk.js';
import { dailyFileName, hourlyFileName } from './fileNames.js';
import { ObjectMetadataCache } from './objectMetadataCache.js';
import { intOrNull, selectManifestsToDelete } from './selectManifestsToDelete.js';
import type { ConvertSummary, SkippedReport, SummaryReportType, WrittenObject } from './types.js';

export interface KokuParquetWriterOptions {
  store: ObjectStore;
  schema: string;
  providerUuid: string;
  manifestId: number;
  /** Run Koku's optional post-write dedup when an OCP day file is closed. */
  postWriteDedup?: boolean;
  /**
   * Not Koku: treat every existing same-day object of the report type as superseded, whatever its hours, so a
   * regenerated day replaces the previous one instead of being skipped. Default false.
   */
  replaceExisting?: boolean;
  logger?: Logger;
}

/** One OCP CSV (a day file, or an unsplit additive payload) about to become Parquet objects. */
export interface OcpReportFile {
  reportType: SummaryReportType;
  /** `pod_usage.2025-10-01.4711.0`: names the objects. */
  csvBase: string;
  /** `ReportDateStart` (`YYYY-MM-DD`); its month is the key's partition. */
  reportDate: string;
  /** `ReportNumHours` (0 for additive payloads). */
  numHours: number;
  /** Daily-report operators replace superseded same-day objects (spec §1 step 5); additive payloads never do. */
  replaceSuperseded: boolean;
}

/** One AWS daily CSV about to become Parquet objects. */
export interface AwsReportFile {
  csvBase: string;
  day: string;
}

/** Writes the objects of one CSV: chunk `i` becomes `{csv_base}_{i}.parquet` and `{csv_base}_daily_{i}.parquet`. */
export interface ReportFileWriter {
  write(encoded: EncodedChunk): Promise<void>;
  close(): Promise<void>;
}

/**
 * Puts Koku-layout Parquet objects into a store with Koku's keys and S3 metadata, and applies Koku's rules for
 * what a new file replaces: superseded same-day OCP objects (spec §1 step 5) and, for AWS, the month's objects of
 * other manifests (`_delete_old_data_trino` with `manifestid` not matching).
 */
export class KokuParquetWriter {
  readonly written: WrittenObject[] = [];
  readonly deleted: string[] = [];
  readonly skipped: SkippedReport[] = [];
  private readonly account: string;
  private readonly cache: ObjectMetadataCache;
  private readonly clearedOcp = new Set<string>();
  private readonly clearedAwsMonths = new Set<string>();
  private readonly logger: Logger;

  constructor(private readonly options: KokuParquetWriterOptions) {
    this.account = accountForSchema(options.schema);
    this.cache = new ObjectMetadataCache(options.store);
    this.logger = options.logger ?? silentLogger;
  }

  /** A writer for one OCP file, or null when Koku would skip it (`ReportsAlreadyProcessed`). */
  async openOcpReport(file: OcpReportFile): Promise<ReportFileWriter | null> {
    const [year, month] = yearMonth(file.reportDate);
    if (file.replaceSuperseded && !(await this.clearSuperseded(file, year, month))) return null;
    const metadata = {
      [METADATA_MANIFEST_ID]: String(this.options.manifestId),
      [METADATA_REPORT_DATE_START]: file.reportDate,
      [METADATA_REPORT_NUM_HOURS]: String(file.numHours),
    };
    const keyOf = (granularity: 'hourly' | 'daily', fileName: string) =>
      buildObjectKey({ granularity, account: this.account, providerType: 'OCP', reportType: file.reportType, providerUuid: this.options.providerUuid, year, month, fileName });
    const day = file.replaceSuperseded ? file.reportDate : null;
    let index = 0;
    return {
      write: async (encoded) => {
        await this.put(keyOf('hourly', hourlyFileName(file.csvBase, index)), encoded.hourly, metadata, { rows: encoded.hourlyRows, granularity: 'hourly', reportType: file.reportType, day });
        await this.put(keyOf('daily', dailyFileName(file.csvBase, index)), encoded.daily, metadata, { rows: encoded.dailyRows, granularity: 'daily', reportType: file.reportType, day });
        index += 1;
      },
      close: async () => {
        if (this.options.postWriteDedup && file.replaceSuperseded) await this.postWriteDedup(file, year, month);
      },
    };
  }

  /** A writer for one AWS daily CSV; the first one of a month removes other manifests' objects of that month. */
  async openAwsReport(file: AwsReportFile): Promise<ReportFileWriter> {
    const [year, month] = yearMonth(file.day);
    await this.replaceAwsMonth(year, month);
    const metadata = { [METADATA_MANIFEST_ID]: String(this.options.manifestId) };
    const keyOf = (granularity: 'hourly' | 'daily', fileName: string) =>
      buildObjectKey({ granularity, account: this.account, providerType: 'AWS', reportType: null, providerUuid: this.options.providerUuid, year, month, fileName });
    let index = 0;
    return {
      write: async (encoded) => {
        await this.put(keyOf('hourly', hourlyFileName(file.csvBase, index)), encoded.hourly, metadata, { rows: encoded.hourlyRows, granularity: 'hourly', reportType: 'aws', day: file.day });
        await this.put(keyOf('daily', dailyFileName(file.csvBase, index)), encoded.daily, metadata, { rows: encoded.dailyRows, granularity: 'daily', reportType: 'aws', day: file.day });
        index += 1;
      },
      close: async () => {},
    };
  }

  summary(rowsRead: number, rowsDropped: number): ConvertSummary {
    return { written: [...this.written], deleted: [...this.deleted], skipped: [...this.skipped], rowsRead, rowsDropped };
  }

  /** Koku's pre-write delete (`_delete_old_data_trino`); false means the file is superseded itself and skipped. */
  private async clearSuperseded(file: OcpReportFile, year: number, month: number): Promise<boolean> {
    const clearedKey = `${file.reportType}.${file.reportDate}.${this.options.manifestId}`;
    if (this.clearedOcp.has(clearedKey)) return true;
    const sameDay = (await this.ocpDayObjects(file.reportType, year, month)).filter(
      (o) => o.metadata.reportdatestart === file.reportDate,
    );
    const fewerHours = sameDay.filter((o) => {
      const hours = intOrNull(o.metadata.reportnumhours);
      return this.options.replaceExisting || (hours !== null && hours < file.numHours);
    });
    if (sameDay.length > 0 && fewerHours.length === 0) {
      const reason = `objects for ${file.reportDate} with at least ${file.numHours} hours exist (ReportsAlreadyProcessed)`;
      this.skipped.push({ reportType: file.reportType, day: file.reportDate, reason });
      this.logger.info('skipping superseded OCP report file', { csvBase: file.csvBase, reason });
      return false;
    }
    for (const o of fewerHours) await this.delete(o.key);
    this.clearedOcp.add(clearedKey);
    return true;
  }

  /** Koku's optional post-write dedup (`deduplicate_s3_objects_by_metadata`). */
  private async postWriteDedup(file: OcpReportFile, year: number, month: number): Promise<void> {
    const groups = new Map<string, Array<{ key: string; reportNumHours: string | undefined }>>();
    for (const o of await this.ocpDayObjects(file.reportType, year, month)) {
      if (!o.key.includes(file.reportDate) || o.metadata.reportdatestart !== file.reportDate) continue;
      const id = o.metadata.manifestid;
      if (!id) continue;
      const list = groups.get(id) ?? [];
      list.push({ key: o.key, reportNumHours: o.metadata.reportnumhours });
      groups.set(id, list);
    }
    for (const key of selectManifestsToDelete(groups, String(this.options.manifestId), file.numHours)) await this.delete(key);
  }

  /** Objects in the report type's hourly and daily month prefixes and in the shared `openshift` prefix. */
  private async ocpDayObjects(reportType: SummaryReportType, year: number, month: number) {
    const parts = { account: this.account, providerType: 'OCP' as const, reportType, providerUuid: this.options.providerUuid, year, month };
    const openshift = `${PARQUET_ROOT}/${DAILY_SEGMENT}/${this.account}/OCP/${OPENSHIFT_REPORT_TYPE_SEGMENT}/source=${this.options.providerUuid}/year=${year}/month=${String(month).padStart(2, '0')}/`;
    const prefixes = [monthPrefix({ ...parts, daily: false }), monthPrefix({ ...parts, daily: true }), openshift];
    return (await Promise.all(prefixes.map((p) => this.cache.list(p)))).flat();
  }

  private async replaceAwsMonth(year: number, month: number): Promise<void> {
    const monthKey = `${year}-${month}`;
    if (this.clearedAwsMonths.has(monthKey)) return;
    this.clearedAwsMonths.add(monthKey);
    const parts = { account: this.account, providerType: 'AWS' as const, reportType: null, providerUuid: this.options.providerUuid, year, month };
    for (const daily of [false, true]) {
      for (const o of await this.cache.list(monthPrefix({ ...parts, daily }))) {
        if (o.metadata.manifestid !== String(this.options.manifestId)) await this.delete(o.key);
      }
    }
  }

  private async put(key: string, body: Uint8Array, metadata: Record<string, string>, info: Omit<WrittenObject, 'key' | 'metadata'>): Promise<void> {
    await this.options.store.put(key, body, { metadata, contentType: 'application/octet-stream' });
    this.cache.remember(key, metadata);
    this.written.push({ key, metadata, ...info });
  }

  private async delete(key: string): Promise<void> {
    await this.options.store.delete(key);
    this.cache.forget(key);
    this.deleted.push(key);
    this.logger.info('deleted superseded object', { key });
  }
}

function yearMonth(day: string): [number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
}
