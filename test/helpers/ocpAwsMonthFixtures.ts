/**
 * Koku-layout Parquet for OCP-on-AWS integration tests: a few lines describe hourly CUR line items, which go through
 * Koku's CSV ingest (`convertToKokuParquet`: raw + daily objects, `row_uuid`, tag JSON) exactly as Koku stores a CUR;
 * and the spec's §7 worked example as an OCP day (`kokuFixtures`) plus its EC2 and EBS lines.
 */
import { convertToKokuParquet } from '../../lib/ingest/convertToKokuParquet.js';
import { MemoryObjectStore } from '../../lib/store/MemoryObjectStore.js';
import type { ObjectStore } from '../../lib/store/types.js';
import { csvText } from './ingestFixtures.js';
import type { FixtureDay, FixtureObject } from './kokuFixtures.js';

/** One CUR line item repeated every hour of `hours` on `day`; costs and usage are per hour. */
export interface CurLine {
  day: string;
  hours?: readonly number[];
  resourceId: string;
  productCode?: string;
  productFamily?: string;
  usageType?: string;
  operation?: string;
  lineItemType?: string;
  instanceType?: string;
  unit?: string;
  usageAmount: number;
  unblendedCost: number;
  unblendedRate: number;
  savingsPlanEffectiveCost?: number;
  tags?: Record<string, string>;
}

const BASE_HEADER = [
  'identity/LineItemId', 'identity/TimeInterval', 'bill/BillingEntity', 'bill/PayerAccountId', 'bill/InvoiceId',
  'bill/BillingPeriodStartDate', 'bill/BillingPeriodEndDate', 'lineItem/UsageAccountId', 'lineItem/LegalEntity',
  'lineItem/LineItemType', 'lineItem/UsageStartDate', 'lineItem/UsageEndDate', 'lineItem/ProductCode', 'lineItem/UsageType',
  'lineItem/Operation', 'lineItem/AvailabilityZone', 'lineItem/ResourceId', 'lineItem/UsageAmount', 'lineItem/CurrencyCode',
  'lineItem/UnblendedRate', 'lineItem/UnblendedCost', 'lineItem/BlendedRate', 'lineItem/BlendedCost',
  'lineItem/LineItemDescription', 'product/ProductName', 'product/productFamily', 'product/instanceType', 'product/region',
  'pricing/unit', 'savingsPlan/SavingsPlanEffectiveCost',
];

export const PAYER_ACCOUNT = '111111111111';

/** The CUR CSV text of `lines` (one record per line and hour), with a `resourceTags/user:*` column per tag key. */
export function curCsv(lines: readonly CurLine[]): string {
  const tagKeys = [...new Set(lines.flatMap((l) => Object.keys(l.tags ?? {})))].sort();
  const header = [...BASE_HEADER, ...tagKeys.map((k) => `resourceTags/user:${k}`)];
  let n = 0;
  const records = lines.flatMap((l) =>
    (l.hours ?? Array.from({ length: 24 }, (_, h) => h)).map((hour) => {
      const start = new Date(Date.parse(`${l.day}T00:00:00Z`) + hour * 3_600_000);
      const end = new Date(start.getTime() + 3_600_000);
      const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
      const month = l.day.slice(0, 7);
      const values: Record<string, string> = {
        'identity/LineItemId': `line-${n++}`,
        'identity/TimeInterval': `${iso(start)}/${iso(end)}`,
        'bill/BillingEntity': 'AWS',
        'bill/PayerAccountId': PAYER_ACCOUNT,
        'bill/InvoiceId': '',
        'bill/BillingPeriodStartDate': `${month}-01T00:00:00Z`,
        'bill/BillingPeriodEndDate': `${month}-01T00:00:00Z`,
        'lineItem/UsageAccountId': PAYER_ACCOUNT,
        'lineItem/LegalEntity': 'Amazon Web Services, Inc.',
        'lineItem/LineItemType': l.lineItemType ?? 'Usage',
        'lineItem/UsageStartDate': iso(start),
        'lineItem/UsageEndDate': iso(end),
        'lineItem/ProductCode': l.productCode ?? 'AmazonEC2',
        'lineItem/UsageType': l.usageType ?? 'BoxUsage:m5.xlarge',
        'lineItem/Operation': l.operation ?? 'RunInstances',
        'lineItem/AvailabilityZone': 'us-east-1a',
        'lineItem/ResourceId': l.resourceId,
        'lineItem/UsageAmount': String(l.usageAmount),
        'lineItem/CurrencyCode': 'USD',
        'lineItem/UnblendedRate': String(l.unblendedRate),
        'lineItem/UnblendedCost': String(l.unblendedCost),
        'lineItem/BlendedRate': String(l.unblendedRate),
        'lineItem/BlendedCost': String(l.unblendedCost),
        'lineItem/LineItemDescription': 'test line',
        'product/ProductName': 'Amazon Elastic Compute Cloud',
        'product/productFamily': l.productFamily ?? 'Compute Instance',
        'product/instanceType': l.instanceType ?? '',
        'product/region': 'us-east-1',
        'pricing/unit': l.unit ?? 'Hrs',
        'savingsPlan/SavingsPlanEffectiveCost': String(l.savingsPlanEffectiveCost ?? 0),
        ...Object.fromEntries(tagKeys.map((k) => [`resourceTags/user:${k}`, l.tags?.[k] ?? ''])),
      };
      return header.map((c) => values[c] ?? '');
    }),
  );
  return csvText(header, records);
}

/**
 * The raw and daily AWS Parquet objects Koku writes for `lines` (through the real CSV ingest), under `schema`'s
 * account, as key + bytes so a test can upload them anywhere.
 */
export async function awsObjects(schema: string, awsProviderUuid: string, lines: readonly CurLine[], manifestId = 1): Promise<FixtureObject[]> {
  const store = new MemoryObjectStore();
  await writeAwsLines(store, schema, awsProviderUuid, lines, manifestId);
  const objects = await store.list('data/');
  return Promise.all(objects.map(async (o) => ({ key: o.key, body: await store.get(o.key) })));
}

export async function writeAwsLines(store: ObjectStore, schema: string, awsProviderUuid: string, lines: readonly CurLine[], manifestId = 1): Promise<void> {
  await convertToKokuParquet({ inputs: [{ name: `cur-${manifestId}.csv`, text: curCsv(lines) }], store, schema, providerType: 'AWS', providerUuid: awsProviderUuid, manifestId });
}

/** Spec ocp-on-aws §7.1 (EC2 i-0abc, $0.10 an hour, tagged env=prod) and §7.2 (EBS vol-0123abcd, 100 GiB at $0.08/GB-month). */
export function section7AwsLines(day: string): CurLine[] {
  return [
    { day, resourceId: 'i-0abc', instanceType: 'm5.xlarge', usageAmount: 1, unblendedCost: 0.1, unblendedRate: 0.1, tags: { env: 'prod' } },
    {
      day,
      resourceId: 'vol-0123abcd',
      productFamily: 'Storage',
      usageType: 'EBS:VolumeUsage.gp3',
      operation: 'CreateVolume-Gp3',
      unit: 'GB-Mo',
      usageAmount: 100 / 744,
      unblendedCost: (0.08 * 100) / 744,
      unblendedRate: 0.08,
    },
  ];
}

/**
 * The §7 OCP side: node ip-10-0-1-10 (i-0abc, 4 cores, 16 GiB, worker) runs frontend (app=web, 1 core and 4 GiB all
 * day: 24 core-h, 96 GiB-h) and backend (app=api, 2 cores and 2 GiB: 48, 48), so Worker unallocated has 24 and 240;
 * node ip-10-0-1-11 (i-0def) runs the database pod whose 50 GiB PVC pg-data (PV pvc-1111, gp3) is the CSI volume
 * vol-0123abcd, namespace database labelled app=db.
 */
export function section7OcpDay(day: string): FixtureDay {
  const allDay = Array.from({ length: 24 }, (_, h) => h);
  return {
    day,
    nodes: [
      { node: 'ip-10-0-1-10', cores: 4, memGiB: 16, resourceId: 'i-0abc', role: 'worker' },
      { node: 'ip-10-0-1-11', cores: 4, memGiB: 16, resourceId: 'i-0def', role: 'worker' },
    ],
    pods: [
      { namespace: 'frontend', pod: 'web-1', node: 'ip-10-0-1-10', hours: allDay, cpuUsage: 1, cpuRequest: 1, memUsageGiB: 4, memRequestGiB: 4, labels: { app: 'web' } },
      { namespace: 'backend', pod: 'api-1', node: 'ip-10-0-1-10', hours: allDay, cpuUsage: 2, cpuRequest: 2, memUsageGiB: 2, memRequestGiB: 2, labels: { app: 'api' } },
      { namespace: 'database', pod: 'db-0', node: 'ip-10-0-1-11', hours: allDay, cpuUsage: 1, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 1 },
    ],
    volumes: [{ namespace: 'database', pod: 'db-0', pvc: 'pg-data', pv: 'pvc-1111', storageclass: 'gp3', capacityGiB: 50, requestGiB: 50, usageGiB: 10, hours: 24, csiVolumeHandle: 'vol-0123abcd' }],
    namespaceLabels: { database: { app: 'db' } },
  };
}
