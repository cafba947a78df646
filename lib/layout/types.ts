import type { OCP_REPORT_TYPES, PROVIDER_TYPES } from './constants.js';

export type ProviderType = (typeof PROVIDER_TYPES)[number];

export type OcpReportType = (typeof OCP_REPORT_TYPES)[number];

export type Granularity = 'hourly' | 'daily';

/** A Koku Parquet object key, taken apart. */
export interface KokuObjectKey {
  /** The decoded key it was parsed from. */
  key: string;
  /** The key's account segment (tenant schema without a leading `acct`). */
  account: string;
  providerType: ProviderType;
  /** The OCP report type segment; `null` for AWS, whose keys have none. */
  reportType: OcpReportType | null;
  granularity: Granularity;
  providerUuid: string;
  year: number;
  /** 1–12. */
  month: number;
  fileName: string;
  /** The `YYYY-MM-DD` in the file name (`pod_usage.2024-03-15.4711.0_daily_0.parquet`), if there is one. */
  fileDate: string | null;
}

/** What `buildObjectKey` needs: a parsed key without the derived fields. */
export type ObjectKeyParts = Omit<KokuObjectKey, 'key' | 'fileDate'>;

/** What `monthPrefix` needs: the partition a month of one source's objects lives in. */
export interface MonthPrefixParts {
  daily: boolean;
  account: string;
  providerType: ProviderType;
  /** Required for OCP, must be absent or null for AWS. */
  reportType?: OcpReportType | null;
  providerUuid: string;
  year: number;
  month: number;
}
