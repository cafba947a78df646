import type { Logger } from '../common/logger.js';
import type { ConvertSummary, SummaryReportType } from '../ingest/types.js';
import type { ObjectStore } from '../store/types.js';

export type { SummaryReportType } from '../ingest/types.js';

/** Size and shape of a synthetic cluster. Everything not given scales from `pods`. */
export interface SyntheticClusterSpec {
  /** PRNG seed; the same seed gives the same cluster and the same rows. Default 42. */
  seed?: number;
  /** Pods running every hour (the pod rows of a day are about 24 × pods). Default 200. */
  pods?: number;
  /** Nodes, at least 7 (3 masters, 2 infra, 1 node of an unknown role, workers). Default max(7, pods / 40). */
  nodes?: number;
  /** Namespaces, at least 7 (5 platform ones, one with HTML-special characters, user ones). Default max(8, pods / 25). */
  namespaces?: number;
  /** Pods scheduled on no node (node ""). Default max(2, pods / 500). */
  podsWithoutNode?: number;
  /** Share of user pods with a PVC of their own. Default 0.1. */
  pvcShare?: number;
}

export interface SyntheticNode {
  name: string;
  /** `i-` + 17 hex, as the operator reports EC2 instances. */
  resourceId: string;
  cores: number;
  memoryBytes: number;
  /** `node_role` column value: master / infra / worker, or an unknown role. */
  role: string;
  /** Operator-format node labels (`label_k:v|…`). */
  labels: string;
  /** Labels from `labelChangeHour` on, when this node's labels change during the day. */
  laterLabels: string | null;
}

export interface SyntheticNamespace {
  name: string;
  /** Operator-format namespace labels; may be empty. */
  labels: string;
  platform: boolean;
}

export interface SyntheticPod {
  name: string;
  namespace: number;
  /** Index into `nodes`, or -1 for a pod without a node. */
  node: number;
  labels: string;
  cpuRequest: number;
  /** 0 = no limit (an empty CSV cell). */
  cpuLimit: number;
  memRequestGiB: number;
  memLimitGiB: number;
  /** Hour of the day the pod starts running (0 for most); that hour it runs `firstHourSeconds`. */
  startHour: number;
  firstHourSeconds: number;
}

export interface SyntheticVolume {
  persistentVolume: string;
  persistentVolumeClaim: string;
  namespace: number;
  storageClass: string;
  csiDriver: string;
  csiVolumeHandle: string;
  capacityBytes: number;
  /** Pods that mount the claim (one storage row per pod and hour); empty = one row with pod "". */
  pods: number[];
  pvLabels: string;
  pvcLabels: string;
}

export interface SyntheticCluster {
  seed: number;
  nodes: SyntheticNode[];
  namespaces: SyntheticNamespace[];
  pods: SyntheticPod[];
  volumes: SyntheticVolume[];
  /** Hour at which nodes with `laterLabels` switch label sets. */
  labelChangeHour: number;
}

export interface WriteGeneratedOptions {
  store: ObjectStore;
  schema: string;
  providerUuid: string;
  clusterId: string;
  /** `YYYY-MM`: every day of the month. Give this or `days`. */
  month?: string;
  /** `YYYY-MM-DD` days (one calendar month or several). */
  days?: string[];
  cluster?: SyntheticClusterSpec;
  manifestId?: number;
  /** Rows per Parquet pair, as Koku's chunking. Default 200,000. */
  chunkSize?: number;
  /** `arrow` (default) builds chunks from typed arrays; `csv` renders operator CSV and runs the CSV ingest. */
  via?: 'arrow' | 'csv';
  /** Report types to write; default all four the summary reads. */
  reportTypes?: SummaryReportType[];
  /**
   * Replace existing objects of the same days (any manifest, any hours). Default false: Koku's rule applies and a
   * day that already has objects with 24 hours is skipped (`ReportsAlreadyProcessed`).
   */
  replace?: boolean;
  logger?: Logger;
}

export interface WriteGeneratedSummary extends ConvertSummary {
  clusterId: string;
  days: string[];
}

/** One generator of a nise static manifest, with its dates resolved. */
export interface NiseGeneratorSpec {
  /** `OCPGenerator`, `EC2Generator`, `EBSGenerator`, … */
  type: string;
  attributes: Record<string, unknown>;
  startMs: number;
  endMs: number;
}

export interface NiseOcpCluster {
  clusterId: string;
  clusterAlias: string;
  generators: NiseGeneratorSpec[];
}

/** A nise static manifest as the scenarios use it: OCP cluster(s) and/or AWS generators. */
export interface NiseManifest {
  name: string;
  ocpClusters: NiseOcpCluster[];
  awsGenerators: NiseGeneratorSpec[];
  /** nise `accounts:` (payer, user accounts, currency) when the manifest gives them. */
  awsAccounts: { payer: string; users: string[]; currency: string } | null;
  /** The POC's `expected_outcome` block, untouched (often wrong about Koku; see scenarios/README.md). */
  expectedOutcome: unknown;
}

export interface LoadNiseManifestOptions {
  /** Values for `{{ name }}` placeholders; defaults follow the POC's render step. */
  placeholders?: Record<string, string>;
  /** Cluster id for manifests that do not name one (nise's `--ocp-cluster-id`). Default `my-ocp-cluster`. */
  clusterId?: string;
  /** "today" for `today` / `last_month` dates. Default: now. */
  now?: Date;
}

/** One report's rows as nise writes them: CSV-equivalent strings aligned with `header`. */
export interface NiseReport {
  header: string[];
  rows: string[][];
}

export interface NiseGenerateOptions {
  /** Seed of the random filler (values the manifest leaves open). Default 1. */
  seed?: number;
}

export interface WriteNiseManifestOptions {
  store: ObjectStore;
  schema: string;
  /** The manifest (loaded) or its path. */
  manifest: NiseManifest | string;
  /** Provider uuid per OCP cluster id; a cluster without one is skipped. A single string serves the first cluster. */
  ocpProviderUuids?: Record<string, string> | string;
  /** Provider uuid of the AWS source; AWS generators are skipped without one. */
  awsProviderUuid?: string;
  seed?: number;
  manifestId?: number;
  chunkSize?: number;
  /** OCP payloads as daily reports (default) or additive. */
  dailyReports?: boolean;
  /** AWS `row_uuid` source (default random). */
  rowUuid?: () => string;
  logger?: Logger;
}

export interface WriteNiseManifestSummary extends ConvertSummary {
  /** Cluster ids written, with their provider uuids. */
  clusters: Array<{ clusterId: string; providerUuid: string }>;
  awsRows: number;
}
