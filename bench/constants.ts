import { DEFAULT_PLATFORM_PATTERNS } from '../lib/ocp/constants.js';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';

/** Fixed identities and calendar of the benchmark data (any valid values would do; fixed so caches can be reused). */
export const BENCH_SCHEMA = 'org1234567';
export const BENCH_ACCOUNT = 'org1234567';
export const BENCH_PROVIDER_UUID = '6e2c3f7a-1b4d-4c8e-9f10-2a3b4c5d6e7f';
export const BENCH_CLUSTER_ID = 'bench-cluster';
/** The day the day benchmark aggregates. */
export const BENCH_DAY = '2025-11-03';
/** The 30-day month of the end-to-end run. */
export const BENCH_MONTH = { year: 2025, month: 11 } as const;

/** Label keys enabled in the day benchmark (the generator's pod labels are app, app_kubernetes_io_name, pod_template_hash, env). */
export const BENCH_ENABLED_KEYS = ['app', 'env'];

/** The day benchmark's Koku settings: its enabled tag keys, no cost categories. */
export const BENCH_SUMMARY_CONFIG: OcpSummaryConfig = { enabledKeys: BENCH_ENABLED_KEYS, costCategories: [] };

/**
 * The parity check's: the same keys, Koku's default cost-category patterns (all "Platform", id 1), and one pattern a
 * user might add that overlaps them (`kube%`, id 2): namespaces matching both are joined twice before aggregation, so
 * Koku doubles their sums and takes the larger id (spec §5.3). The check holds us to that too.
 */
export const CHECK_SUMMARY_CONFIG: OcpSummaryConfig = {
  enabledKeys: BENCH_ENABLED_KEYS,
  costCategories: [...DEFAULT_PLATFORM_PATTERNS.map((pattern) => ({ pattern, costCategoryId: 1 })), { pattern: 'kube%', costCategoryId: 2 }],
};

/** Hourly pod rows per generated pod and day (a few pods start late in the day); measured on the generator. */
export const HOURLY_ROWS_PER_POD = 23.35;

export const DEFAULT_SIZES = [250_000, 500_000, 1_000_000, 2_000_000];
export const LARGE_SIZE = 4_000_000;
export const DEFAULT_SEED = 7;
export const DEFAULT_E2E_ROWS_PER_DAY = 1_000_000;
