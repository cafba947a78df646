import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertToKokuParquet } from '../../../lib/ingest/convertToKokuParquet.js';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { AWS_UUID, csvText, parquetRows, parquetSchema } from '../../helpers/ingestFixtures.js';

const RAW = `data/parquet/org1234567/AWS/source=${AWS_UUID}/year=2025/month=10/`;
const DAILY = `data/parquet/daily/org1234567/AWS/raw/source=${AWS_UUID}/year=2025/month=10/`;

const HEADER = [
  'identity/LineItemId', 'identity/TimeInterval', 'bill/BillingEntity', 'bill/PayerAccountId', 'bill/InvoiceId',
  'bill/BillingPeriodStartDate', 'bill/BillingPeriodEndDate', 'lineItem/UsageAccountId', 'lineItem/LegalEntity',
  'lineItem/LineItemType', 'lineItem/UsageStartDate', 'lineItem/UsageEndDate', 'lineItem/ProductCode', 'lineItem/UsageType',
  'lineItem/Operation', 'lineItem/AvailabilityZone', 'lineItem/ResourceId', 'lineItem/UsageAmount', 'lineItem/CurrencyCode',
  'lineItem/UnblendedRate', 'lineItem/UnblendedCost', 'lineItem/BlendedRate', 'lineItem/BlendedCost',
  'lineItem/LineItemDescription', 'product/ProductName', 'product/productFamily', 'product/instanceType', 'product/region',
  'product/vcpu', 'pricing/unit', 'savingsPlan/SavingsPlanEffectiveCost', 'openshift_cluster',
  'resourceTags/user:openshift_project', 'resourceTags/user:app', 'resourceTags/aws:createdBy', 'costCategory/Team',
];

function curRecord(hour: number, over: Record<string, string> = {}): string[] {
  const start = new Date(Date.UTC(2025, 9, 1, hour));
  const end = new Date(start.getTime() + 3_600_000);
  const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
  const py = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
  const values: Record<string, string> = {
    'identity/LineItemId': `line-${hour}`,
    'identity/TimeInterval': `${iso(start)}/${iso(end)}`,
    'bill/BillingEntity': 'AWS',
    'bill/PayerAccountId': '111122223333',
    'bill/InvoiceId': '',
    'bill/BillingPeriodStartDate': '2025-10-01T00:00:00Z',
    'bill/BillingPeriodEndDate': '2025-11-01T00:00:00Z',
    'lineItem/UsageAccountId': '111122223333',
    'lineItem/LegalEntity': 'Amazon Web Services, Inc.',
    'lineItem/LineItemType': 'Usage',
    'lineItem/UsageStartDate': py(start),
    'lineItem/UsageEndDate': py(end),
    'lineItem/ProductCode': 'AmazonEC2',
    'lineItem/UsageType': 'BoxUsage:m5.large',
    'lineItem/Operation': 'RunInstances',
    'lineItem/AvailabilityZone': 'us-east-1a',
    'lineItem/ResourceId': 'i-0abc',
    'lineItem/UsageAmount': '1',
    'lineItem/CurrencyCode': 'USD',
    'lineItem/UnblendedRate': '0.1',
    'lineItem/UnblendedCost': '0.1',
    'lineItem/BlendedRate': '0.1',
    'lineItem/BlendedCost': '0.1',
    'lineItem/LineItemDescription': '$0.1 per hour',
    'product/ProductName': 'Amazon Elastic Compute Cloud',
    'product/productFamily': 'Compute Instance',
    'product/instanceType': 'm5.large',
    'product/region': 'us-east-1',
    'product/vcpu': '2',
    'pricing/unit': 'Hrs',
    'savingsPlan/SavingsPlanEffectiveCost': '',
    openshift_cluster: 'bare-column-is-dropped',
    'resourceTags/user:openshift_project': 'shop',
    'resourceTags/user:app': 'wébapp',
    'resourceTags/aws:createdBy': 'someone',
    'costCategory/Team': '',
    ...over,
  };
  return HEADER.map((c) => values[c]);
}

async function convert(store: MemoryObjectStore, text: string, manifestId = 4) {
  let n = 0;
  return convertToKokuParquet({
    inputs: [{ name: 'October-2025-cur.csv', text }], store, schema: 'org1234567', providerType: 'AWS', providerUuid: AWS_UUID,
    manifestId, rowUuid: () => `uuid-${n++}`,
  });
}

describe('convertToKokuParquet, AWS (ocp-on-aws §1.1)', () => {
  it('splits by TimeInterval date into {date}_manifestid-{id}_basefile-{base}_batch-{i} raw and daily objects', async () => {
    const store = new MemoryObjectStore();
    await convert(store, csvText(HEADER, [curRecord(0), curRecord(1)]));
    const base = '2025-10-01_manifestid-4_basefile-October-2025-cur_batch-0';
    assert.deepEqual((await store.list(RAW)).map((o) => o.key), [`${RAW}${base}_0.parquet`]);
    assert.deepEqual((await store.list(DAILY)).map((o) => o.key), [`${DAILY}${base}_daily_0.parquet`]);
    assert.deepEqual((await store.head(`${RAW}${base}_0.parquet`)).metadata, { manifestid: '4' });
  });

  it('normalises column names, folds user tags and cost categories into JSON, drops aws: tags and unknown columns', async () => {
    const store = new MemoryObjectStore();
    await convert(store, csvText(HEADER, [curRecord(0, { 'costCategory/Team': 'platform' })]));
    const [key] = (await store.list(RAW)).map((o) => o.key);
    const schema = await parquetSchema(store, key);
    assert.equal(schema.lineitem_unblendedcost, 'Float64');
    assert.equal(schema.lineitem_usagestartdate, 'Timestamp<MILLISECOND, UTC>');
    assert.equal(schema.bill_billingperiodstartdate, 'Timestamp<MILLISECOND, UTC>');
    assert.equal(schema.lineitem_resourceid, 'Dictionary<Int32, Utf8>');
    assert.equal(schema.identity_timeinterval, 'Dictionary<Int32, Utf8>');
    for (const dropped of ['identity_lineitemid', 'openshift_cluster', 'resourcetags_user_app', 'resourcetags_aws_createdby']) assert.equal(schema[dropped], undefined, dropped);
    const [row] = await parquetRows(store, key);
    assert.equal(row.resourcetags, '{"app": "w\\u00e9bapp", "openshift_project": "shop"}');
    assert.equal(row.costcategory, '{"Team": "platform"}');
    assert.equal(row.savingsplan_savingsplaneffectivecost, 0, 'blank numeric cell is 0.0');
    assert.equal(row.lineitem_normalizationfactor, 0, 'missing required numeric column added as 0.0');
    assert.equal(row.product_operatingsystem, '', 'missing required string column added as ""');
    assert.equal(row.lineitem_usagestartdate, Date.UTC(2025, 9, 1, 0));
  });

  it('groups the daily frame by resource, day and tags, summing costs and giving each row a row_uuid', async () => {
    const store = new MemoryObjectStore();
    await convert(store, csvText(HEADER, [curRecord(0), curRecord(1), curRecord(2, { 'resourceTags/user:app': '' })]));
    const [key] = (await store.list(DAILY)).map((o) => o.key);
    const rows = await parquetRows(store, key);
    assert.deepEqual(
      rows.map((r) => [r.resourcetags, r.lineitem_unblendedcost, r.lineitem_usageamount, r.lineitem_unblendedrate, r.lineitem_usagestartdate, r.row_uuid]),
      [
        ['{"app": "w\\u00e9bapp", "openshift_project": "shop"}', 0.2, 2, 0.1, Date.UTC(2025, 9, 1), 'uuid-0'],
        ['{"openshift_project": "shop"}', 0.1, 1, 0.1, Date.UTC(2025, 9, 1), 'uuid-1'],
      ],
    );
    assert.equal(rows[0].lineitem_lineitemdescription, '$0.1 per hour');
    assert.equal(rows[0].product_vcpu, '2');
  });

  it('reads underscore-style CUR names through Koku’s translation table', async () => {
    const store = new MemoryObjectStore();
    const header = ['identity_time_interval', 'line_item_usage_start_date', 'line_item_resource_id', 'line_item_unblended_cost', 'bill_payer_account_id'];
    await convert(store, csvText(header, [['2025-10-03T00:00:00Z/2025-10-03T01:00:00Z', '2025-10-03T00:00:00Z', 'i-9', '2.5', '1']]));
    const [key] = (await store.list(DAILY)).map((o) => o.key);
    assert.match(key, /2025-10-03_manifestid-4_basefile-October-2025-cur_batch-0_daily_0\.parquet$/);
    const [row] = await parquetRows(store, key);
    assert.equal(row.lineitem_resourceid, 'i-9');
    assert.equal(row.lineitem_unblendedcost, 2.5);
  });

  it('a new manifest replaces the month’s objects of other manifests', async () => {
    const store = new MemoryObjectStore();
    await convert(store, csvText(HEADER, [curRecord(0)]), 4);
    const summary = await convert(store, csvText(HEADER, [curRecord(0)]), 5);
    assert.equal(summary.deleted.length, 2);
    assert.ok((await store.list('data/')).every((o) => o.key.includes('manifestid-5')));
  });
});
