/**
 * Integration-test access to the real PostgreSQL the runner provides (`KOKU_TEST_DATABASE_URL`): each test gets its
 * own tenant schema with Koku's tables, dropped again by `cleanup`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureTenantSchema } from '../../lib/db/ddl.js';
import { withClient } from '../../lib/db/transaction.js';
import { blankSummaryRow } from '../../lib/ocp/summaryRow.js';
import type { OcpSummaryRow } from '../../lib/ocp/types.js';

/** The test database URL; throws (never skips) when the runner did not provide one. */
export function testDatabaseUrl(): string {
  const url = process.env.KOKU_TEST_DATABASE_URL;
  if (!url) {
    throw new Error('KOKU_TEST_DATABASE_URL is not set: run the integration suite with `node test/run.mjs integration`');
  }
  return url;
}

export interface FreshSchema {
  pool: pg.Pool;
  schema: string;
  cleanup(): Promise<void>;
}

/** A new, uniquely named tenant schema with `ensureTenantSchema` applied, and a small pool on the test database. */
export async function freshSchema(prefix = 't'): Promise<FreshSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
  await withClient(pool, (client) => ensureTenantSchema(client, schema));
  return {
    pool,
    schema,
    async cleanup() {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

/** A Pod row of the spec §11 worked example, with `overrides` applied. */
export function podRow(overrides: Partial<OcpSummaryRow> = {}): OcpSummaryRow {
  return {
    usage_start: '2024-03-15',
    data_source: 'Pod',
    namespace: 'shop',
    node: 'node-a',
    resource_id: 'i-0abc',
    pod_labels: { app: 'web', env: 'staging', team: 'web' },
    pod_usage_cpu_core_hours: 2,
    pod_request_cpu_core_hours: 2,
    pod_effective_usage_cpu_core_hours: 2.5,
    pod_limit_cpu_core_hours: 4,
    pod_usage_memory_gigabyte_hours: 4,
    pod_request_memory_gigabyte_hours: 4,
    pod_effective_usage_memory_gigabyte_hours: 5,
    pod_limit_memory_gigabyte_hours: 8,
    node_capacity_cpu_cores: 4,
    node_capacity_cpu_core_hours: 8,
    node_capacity_memory_gigabytes: 16,
    node_capacity_memory_gigabyte_hours: 32,
    cluster_capacity_cpu_core_hours: 8,
    cluster_capacity_memory_gigabyte_hours: 32,
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    csi_volume_handle: null,
    volume_labels: null,
    all_labels: { app: 'web', env: 'staging', team: 'web' },
    persistentvolumeclaim_capacity_gigabyte: null,
    persistentvolumeclaim_capacity_gigabyte_months: null,
    volume_request_storage_gigabyte_months: null,
    persistentvolumeclaim_usage_gigabyte_months: null,
    infrastructure_usage_cost_zero: true,
    cost_category_id: null,
    ...overrides,
  };
}

/** A Storage row of the spec §11 (c) example (on `podRow`'s day, namespace and node), with `overrides` applied. */
export function storageRow(overrides: Partial<OcpSummaryRow> = {}): OcpSummaryRow {
  return {
    ...blankSummaryRow('2024-03-15', 'Storage'),
    namespace: 'shop',
    node: 'node-a',
    resource_id: 'i-0abc',
    persistentvolumeclaim: 'data',
    persistentvolume: 'pvc-123',
    storageclass: 'gp3',
    csi_volume_handle: 'vol-0123',
    volume_labels: { app: 'web', env: 'staging' },
    all_labels: { app: 'web', env: 'staging' },
    persistentvolumeclaim_capacity_gigabyte: 10,
    persistentvolumeclaim_capacity_gigabyte_months: 0.026881720430107527,
    volume_request_storage_gigabyte_months: 0.026881720430107527,
    persistentvolumeclaim_usage_gigabyte_months: 0.013440860215053764,
    infrastructure_usage_cost_zero: true,
    ...overrides,
  };
}
