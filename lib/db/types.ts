/**
 * Shapes of the PostgreSQL side: what the writer, ledger, provider registry and embedded server take and return.
 */
import type { ClientBase } from 'pg';
import type { Logger } from '../common/logger.js';
import type { OcpSummaryRow } from '../ocp/types.js';

/**
 * A connected client. Statements that must be atomic together (delete + COPY, ledger) expect the caller to have
 * opened a transaction on it (see `withTransaction`).
 */
export type DbClient = ClientBase;

/** `koku_agg_provider`: our standalone registry of sources (Koku keeps these in its public schema). */
export interface ProviderRecord {
  providerUuid: string;
  providerType: string;
  clusterId: string | null;
  clusterAlias: string | null;
  /** ISO-8601. */
  createdAt: string;
  /** ISO-8601. */
  updatedAt: string;
}

export interface UpsertProviderInput {
  providerUuid: string;
  providerType: string;
  clusterId?: string | null;
  clusterAlias?: string | null;
}

export interface EnsureReportPeriodInput {
  providerUuid: string;
  clusterId: string;
  clusterAlias: string | null;
  year: number;
  /** 1-12. */
  month: number;
}

export interface OcpClusterInput {
  providerUuid: string;
  clusterId: string;
  clusterAlias: string | null;
}

export interface ReplaceOcpDaysInput {
  schema: string;
  reportPeriodId: number;
  clusterId: string;
  clusterAlias: string | null;
  providerUuid: string;
  /** `YYYY-MM-DD` days being replaced; every row's usage_start must be one of them. */
  days: string[];
  /** Rows to insert (Pod, Storage and Unallocated) for exactly `days`. */
  rows: readonly OcpSummaryRow[];
}

export interface ReplaceOcpDaysHooks {
  /** Runs before the month partitions are ensured; tests use it to hold a transaction at that point. */
  beforePartitions?: () => Promise<void>;
  /** Runs after the delete and before the COPY; tests use it to prove a failure leaves the old rows intact. */
  afterDelete?: () => Promise<void>;
}

export interface ReplaceOcpDaysResult {
  deleted: number;
  inserted: number;
}

/** One committed (source, summary type, day) in `koku_agg_ledger`. */
export interface LedgerEntry {
  providerUuid: string;
  /** e.g. `ocp` or `ocp-aws`. */
  summaryType: string;
  /** `YYYY-MM-DD`. */
  usageDate: string;
  /** Identity of the input set the committed rows were computed from. */
  fingerprint: string;
  /** The input objects (key, ETag, size, ...) as JSON. */
  inputs: unknown;
  rowCount: number;
  controlTotals: Record<string, number>;
  codeVersion: string;
  /** ISO-8601; set by the database when recording, returned when reading. */
  committedAt?: string;
}

export interface EmbeddedPostgresOptions {
  /** Kept between runs: an initialised directory is reused. */
  dataDir: string;
  /** Loopback port; a free one is picked when absent. */
  port?: number;
  /** Created when missing; default `koku`. */
  database?: string;
  log?: Logger;
}

export interface EmbeddedPostgresHandle {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/<database>`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}
