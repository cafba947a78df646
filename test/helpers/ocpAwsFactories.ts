/**
 * Builders for OCP-on-AWS unit tests: AWS CUR daily/raw lines, OCP summary rows and expected output rows, each with
 * the worked-example defaults of spec/ocp-on-aws.md §7 (October 2025, cluster `prod` = `c-123`), so a test states
 * only what matters to it.
 */
import assert from 'node:assert/strict';
import type { OcpSummaryRow } from '../../lib/ocp/types.js';
import type {
  AwsDailyLine,
  AwsRawLine,
  OcpAwsConfig,
  OcpAwsDayInput,
  OcpAwsSummaryRow,
  OcpClusterDay,
} from '../../lib/ocp-aws/types.js';
import { blankSummaryRow } from '../../lib/ocp/summaryRow.js';

export const DAY = '2025-10-01';
export const AWS_UUID = 'a0000000-0000-4000-8000-000000000001';
export const OCP_UUID = 'b0000000-0000-4000-8000-000000000001';
export const OCP_UUID_B = 'b0000000-0000-4000-8000-000000000002';
export const TOLERANCE = 1e-9;

let counter = 0;

/** A daily CUR line (spec §1.1) of `DAY`; every string `""` and every number 0 unless given. */
export function awsLine(overrides: Partial<AwsDailyLine> & { day?: string } = {}): AwsDailyLine {
  const { day = DAY, ...rest } = overrides;
  counter += 1;
  return {
    row_uuid: `u-${counter}`,
    lineitem_resourceid: '',
    lineitem_usagestartdate: new Date(`${day}T00:00:00Z`),
    bill_billingentity: 'AWS',
    bill_payeraccountid: '111111111111',
    lineitem_usageaccountid: '111111111111',
    lineitem_productcode: 'AmazonEC2',
    product_productname: 'Amazon Elastic Compute Cloud',
    lineitem_availabilityzone: 'us-east-1a',
    product_productfamily: 'Compute Instance',
    product_instancetype: '',
    product_region: 'us-east-1',
    pricing_unit: 'Hrs',
    lineitem_currencycode: 'USD',
    lineitem_lineitemtype: 'Usage',
    lineitem_usagetype: '',
    lineitem_operation: '',
    resourcetags: '{}',
    costcategory: '{}',
    lineitem_usageamount: 0,
    lineitem_unblendedcost: 0,
    lineitem_blendedcost: 0,
    savingsplan_savingsplaneffectivecost: 0,
    ...rest,
  };
}

/** The §7.1 EC2 instance line: i-0abc, m5.xlarge, 24 Hrs, 2.40, tagged env=prod. */
export function ec2Line(overrides: Partial<AwsDailyLine> = {}): AwsDailyLine {
  return awsLine({
    lineitem_resourceid: 'i-0abc',
    product_instancetype: 'm5.xlarge',
    lineitem_usagetype: 'BoxUsage:m5.xlarge',
    lineitem_operation: 'RunInstances',
    lineitem_usageamount: 24,
    lineitem_unblendedcost: 2.4,
    lineitem_blendedcost: 2.4,
    resourcetags: '{"env": "prod"}',
    ...overrides,
  });
}

/** The §7.2 EBS volume line: vol-0123abcd, gp3 100 GiB at $0.08/GB-month for one day. */
export function ebsLine(overrides: Partial<AwsDailyLine> = {}): AwsDailyLine {
  return awsLine({
    lineitem_resourceid: 'vol-0123abcd',
    product_productfamily: 'Storage',
    pricing_unit: 'GB-Mo',
    lineitem_usagetype: 'EBS:VolumeUsage.gp3',
    lineitem_operation: 'CreateVolume-Gp3',
    lineitem_usageamount: 100 / 31,
    lineitem_unblendedcost: (100 * 0.08) / 31,
    lineitem_blendedcost: (100 * 0.08) / 31,
    ...overrides,
  });
}

/** Hourly raw lines of one resource for `DAY`: `hours` rows of cost rate × GiB / 744. */
export function hourlyDisk(resourceId: string, gib: number, rate: number, hours = 24, day = DAY): AwsRawLine[] {
  return Array.from({ length: hours }, (_, h) => ({
    lineitem_resourceid: resourceId,
    lineitem_usagestartdate: new Date(Date.parse(`${day}T00:00:00Z`) + h * 3_600_000),
    lineitem_unblendedcost: (rate * gib) / 744,
    lineitem_unblendedrate: rate,
  }));
}

function baseOcpRow(): OcpSummaryRow {
  return { ...blankSummaryRow(DAY, 'Pod'), infrastructure_usage_cost_zero: true };
}

export interface PodSpec {
  namespace: string | null;
  labels?: Record<string, string> | null;
  cpu: number;
  mem: number;
  node?: string;
  resourceId?: string;
  capCpu?: number;
  capMem?: number;
  costCategoryId?: number | null;
}

/** A Pod (or, with `labels: null`, unallocated) row on the §7.1 node ip-10-0-1-10 / i-0abc (96 core-h, 384 GiB-h). */
export function podRow(spec: PodSpec): OcpSummaryRow {
  const labels = spec.labels === undefined ? {} : spec.labels;
  return {
    ...baseOcpRow(),
    data_source: 'Pod',
    namespace: spec.namespace,
    node: spec.node ?? 'ip-10-0-1-10',
    resource_id: spec.resourceId ?? 'i-0abc',
    pod_labels: labels,
    pod_effective_usage_cpu_core_hours: spec.cpu,
    pod_effective_usage_memory_gigabyte_hours: spec.mem,
    node_capacity_cpu_core_hours: spec.capCpu ?? 96,
    node_capacity_memory_gigabyte_hours: spec.capMem ?? 384,
    all_labels: labels ?? {},
    infrastructure_usage_cost_zero: labels !== null,
    cost_category_id: spec.costCategoryId ?? null,
  };
}

export interface StorageSpec {
  namespace: string;
  pvc: string;
  pv: string;
  gib: number;
  csi?: string | null;
  storageclass?: string;
  labels?: Record<string, string>;
  node?: string;
  resourceId?: string;
}

/** A Storage row (spec §1.2: node and node resource id of the mounting pod, GiB capacity, CSI handle). */
export function storageRow(spec: StorageSpec): OcpSummaryRow {
  const labels = spec.labels ?? {};
  return {
    ...baseOcpRow(),
    data_source: 'Storage',
    namespace: spec.namespace,
    node: spec.node ?? 'ip-10-0-1-10',
    resource_id: spec.resourceId ?? 'i-0abc',
    persistentvolumeclaim: spec.pvc,
    persistentvolume: spec.pv,
    storageclass: spec.storageclass ?? 'gp3',
    csi_volume_handle: spec.csi === undefined ? 'vol-0123abcd' : spec.csi,
    volume_labels: labels,
    all_labels: labels,
    persistentvolumeclaim_capacity_gigabyte: spec.gib,
  };
}

/** The §7.1 node's day: frontend 24/96, backend 48/48, Worker unallocated 24/240. */
export function section71Rows(): OcpSummaryRow[] {
  return [
    podRow({ namespace: 'frontend', labels: { app: 'web' }, cpu: 24, mem: 96 }),
    podRow({ namespace: 'backend', labels: { app: 'api' }, cpu: 48, mem: 48 }),
    podRow({ namespace: 'Worker unallocated', labels: null, cpu: 24, mem: 240 }),
  ];
}

/** The output columns every row of the §7.1 instance's `ec2Line` carries. */
export const EC2_COLUMNS = { node: 'ip-10-0-1-10', resource_id: 'i-0abc', product_family: 'Compute Instance', instance_type: 'm5.xlarge', unit: 'Hrs' };

/**
 * What one `ec2Line` over `section71Rows` yields: a row per namespace, tagged with its pod labels and the line's env
 * tag, each with the cost columns given. Only the split differs between the examples that use it.
 */
export function section71Expected(cost: { frontend: Partial<OcpAwsSummaryRow>; backend: Partial<OcpAwsSummaryRow>; unallocated: Partial<OcpAwsSummaryRow> }): OcpAwsSummaryRow[] {
  return [
    expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...cost.frontend, usage_amount: 8, tags: { app: 'web', env: 'prod' }, pod_labels: { app: 'web', env: 'prod' } }),
    expectedRow({ ...EC2_COLUMNS, namespace: 'backend', ...cost.backend, usage_amount: 8, tags: { app: 'api', env: 'prod' }, pod_labels: { app: 'api', env: 'prod' } }),
    expectedRow({ ...EC2_COLUMNS, namespace: 'Worker unallocated', ...cost.unallocated, usage_amount: 8 }),
  ];
}

export function cluster(rows: OcpSummaryRow[], overrides: Partial<OcpClusterDay> = {}): OcpClusterDay {
  return { providerUuid: OCP_UUID, clusterId: 'c-123', clusterAlias: 'prod', rows, ...overrides };
}

export function config(overrides: Partial<OcpAwsConfig> = {}): OcpAwsConfig {
  return {
    pairedOcpSourceUuids: [OCP_UUID],
    enabledTagKeys: { aws: ['env'], ocp: ['app'] },
    markup: 0.1,
    billId: 7,
    reportPeriodIdByOcpSource: { [OCP_UUID]: 11, [OCP_UUID_B]: 12 },
    ...overrides,
  };
}

export function dayInput(overrides: Partial<OcpAwsDayInput>): OcpAwsDayInput {
  let n = 0;
  return {
    day: DAY,
    awsSourceUuid: AWS_UUID,
    awsDaily: [],
    awsHourlyForDiskCapacity: [],
    ocp: [],
    config: config(),
    newUuid: () => `out-${++n}`,
    ...overrides,
  };
}

/** An expected output row: the columns every §7 example shares, overridden per row. `uuid` is never compared. */
export function expectedRow(overrides: Partial<OcpAwsSummaryRow>): OcpAwsSummaryRow {
  return {
    uuid: '',
    report_period_id: 11,
    cluster_id: 'c-123',
    cluster_alias: 'prod',
    data_source: 'Pod',
    namespace: null,
    node: null,
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    pod_labels: null,
    resource_id: null,
    usage_start: DAY,
    usage_end: DAY,
    cost_entry_bill_id: 7,
    product_code: 'AmazonEC2',
    product_family: null,
    infrastructure_data_in_gigabytes: 0,
    infrastructure_data_out_gigabytes: 0,
    data_transfer_direction: null,
    instance_type: null,
    usage_account_id: '111111111111',
    account_alias_id: null,
    availability_zone: 'us-east-1a',
    region: 'us-east-1',
    unit: null,
    usage_amount: null,
    normalized_usage_amount: null,
    currency_code: 'USD',
    unblended_cost: null,
    markup_cost: null,
    blended_cost: null,
    markup_cost_blended: null,
    savingsplan_effective_cost: null,
    markup_cost_savingsplan: null,
    calculated_amortized_cost: null,
    markup_cost_amortized: null,
    tags: null,
    aws_cost_category: {},
    source_uuid: AWS_UUID,
    cost_category_id: null,
    ...overrides,
  };
}

/** The eight cost columns from one cost (unblended = blended = amortized, SP effective given) and markup m. */
export function costs(cost: number, m = 0.1, sp = 0): Partial<OcpAwsSummaryRow> {
  return {
    unblended_cost: cost,
    markup_cost: cost * m,
    blended_cost: cost,
    markup_cost_blended: cost * m,
    savingsplan_effective_cost: sp,
    markup_cost_savingsplan: sp * m,
    calculated_amortized_cost: cost,
    markup_cost_amortized: cost * m,
  };
}

function rowKey(r: OcpAwsSummaryRow): string {
  return JSON.stringify([r.cluster_id, r.resource_id, r.data_source, r.namespace, r.node, r.persistentvolumeclaim, r.tags, r.data_transfer_direction]);
}

/**
 * Asserts the two row multisets are equal, every column compared: numbers within `TOLERANCE` absolute, JSON
 * columns as values, `uuid` ignored. Rows are paired by their identifying columns.
 */
export function assertRows(actual: readonly OcpAwsSummaryRow[], expected: readonly OcpAwsSummaryRow[]): void {
  assert.equal(actual.length, expected.length, `row count: got ${actual.length} ${JSON.stringify(actual.map(rowKey))}`);
  const sortedActual = [...actual].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
  const sortedExpected = [...expected].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
  sortedExpected.forEach((exp, i) => {
    const act = sortedActual[i];
    const where = `row ${rowKey(exp)}`;
    for (const column of Object.keys(exp) as Array<keyof OcpAwsSummaryRow>) {
      if (column === 'uuid') continue;
      const a = act[column];
      const e = exp[column];
      if (typeof e === 'number' && typeof a === 'number') {
        assert.ok(Math.abs(a - e) <= TOLERANCE, `${where} ${column}: got ${a}, expected ${e}`);
      } else {
        assert.deepEqual(a, e, `${where} ${column}`);
      }
    }
    assert.deepEqual(Object.keys(act).sort(), Object.keys(exp).sort(), `${where}: column set`);
  });
}

/** Σ of a nullable column. */
export function total(rows: readonly OcpAwsSummaryRow[], column: keyof OcpAwsSummaryRow = 'unblended_cost'): number {
  return rows.reduce((s, r) => s + ((r[column] as number | null) ?? 0), 0);
}
