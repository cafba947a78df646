import type { NodeRoleObservation, OcpSummaryRow } from '../ocp/types.js';

export type { ProviderType } from '../layout/types.js';
import type { ProviderType } from '../layout/types.js';

/** The unit of work: one source's summary for one UTC day. A pure function of the objects present. */
export interface DayTask {
  account: string;
  providerType: ProviderType;
  providerUuid: string;
  year: number;
  month: number;
  /** `YYYY-MM-DD` */
  day: string;
}

/** Which input of the OCP summary an object feeds (spec §2.4). */
export type OcpInputRole = 'podHourly' | 'podDaily' | 'storageDaily' | 'nodeLabelsDaily' | 'namespaceLabelsDaily';

/**
 * Which input of OCP on AWS an object feeds (ocp-on-aws spec §1): the AWS daily and raw (hourly) Parquet, and the
 * OCP day partials standing in for Koku's Hive copy of the OCP summary.
 */
export type OcpAwsInputRole = 'awsDaily' | 'awsRaw' | 'ocpPartial';

/** What a day's summary is: the ledger's `summary_type` and the finalize message's `summaryType`. */
export type SummaryType = 'ocp_daily_summary' | 'ocp_aws_daily_summary';

/** One input object of a day, as listed; `rowGroups` undefined means all row groups. */
export interface DayInputObject {
  key: string;
  etag: string;
  size: number;
  role: OcpInputRole;
  /**
   * The row groups to read of an object whose name carries no date (chosen by its footer statistics); undefined for
   * an object named with the task's day, which is read whole and must hold only rows of that day.
   */
  rowGroups?: number[];
}

/** What a partial says about how it was made; enough for the finalizer to decide whether it is current. */
export interface PartialManifest {
  task: DayTask;
  /** sha256 of the input set (key, etag, size), comparable with a fresh listing. */
  inputsFingerprint: string;
  /** sha256 of inputs + settings + code version: identifies the result. */
  fingerprint: string;
  inputs: Array<{ key: string; etag: string; size: number; role: OcpInputRole | OcpAwsInputRole }>;
  configFingerprint: string;
  codeVersion: string;
  rowCount: number;
  controlTotals: Record<string, number>;
  createdAt: string;
  /** Key of the rows object this manifest describes. */
  rowsKey: string;
}

export interface OcpPartialRows {
  rows: OcpSummaryRow[];
  nodeRoles: NodeRoleObservation[];
}

/** Message on the finalize queue: these days of a source-month have a new partial. */
export interface FinalizeRequest {
  type: 'finalize';
  account: string;
  providerType: ProviderType;
  providerUuid: string;
  year: number;
  month: number;
  days: string[];
  /** Commit even when the ledger says the same result is already committed (replays). */
  force?: boolean;
  /** Which summary the days' partials hold; absent = `ocp_daily_summary` (messages sent before OCP on AWS existed). */
  summaryType?: SummaryType;
}

/** Operator request to re-run days of a source-month (`days` omitted: every day with data). */
export interface ReplayRequest {
  type: 'replay';
  account: string;
  providerType: ProviderType;
  providerUuid: string;
  year: number;
  month: number;
  days?: number[];
}
