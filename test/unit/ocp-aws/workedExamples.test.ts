/** spec/ocp-on-aws.md §7: every worked example, row by row, all columns. */
import { describe, it } from 'node:test';
import { summarizeOcpOnAwsDay } from '../../../lib/ocp-aws/summarizeOcpOnAwsDay.js';
import {
  EC2_COLUMNS,
  OCP_UUID,
  OCP_UUID_B,
  assertRows,
  cluster,
  config,
  costs,
  dayInput,
  ebsLine,
  ec2Line,
  expectedRow,
  hourlyDisk,
  podRow,
  section71Expected,
  section71Rows,
  storageRow,
  total,
  awsLine,
} from '../../helpers/ocpAwsFactories.js';
import assert from 'node:assert/strict';

describe('§7.1 one EC2 instance', () => {
  it('splits by CPU effective usage over node capacity, unallocated share to Worker unallocated', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(section71Rows())] }));
    assertRows(rows, section71Expected({ frontend: costs(0.6), backend: costs(1.2), unallocated: costs(0.6) }));
    assert.ok(Math.abs(total(rows) - 2.4) < 1e-12);
  });

  it('with memory distribution gives 0.60 / 0.30 / 1.50', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ec2Line()],
        ocp: [cluster(section71Rows())],
        config: config({ distributionByOcpSource: { [OCP_UUID]: 'memory' } }),
      }),
    );
    assertRows(rows, section71Expected({ frontend: costs(0.6), backend: costs(0.3), unallocated: costs(1.5) }));
  });

  it('variant: a PVC of backend on the node adds a NULL-cost Pod group and dilutes usage to 6', () => {
    const ocpRows = [...section71Rows(), storageRow({ namespace: 'backend', pvc: 'data', pv: 'pvc-9', gib: 10, csi: null })];
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(ocpRows)] }));
    assertRows(rows, [
      expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...costs(0.6), usage_amount: 6, tags: { app: 'web', env: 'prod' }, pod_labels: { app: 'web', env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'backend', ...costs(1.2), usage_amount: 6, tags: { app: 'api', env: 'prod' }, pod_labels: { app: 'api', env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'backend', usage_amount: 6 }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'Worker unallocated', ...costs(0.6), usage_amount: 6 }),
    ]);
  });

  it('variant: two label sets of one namespace give two rows with their own ratio', () => {
    const ocpRows = [
      podRow({ namespace: 'frontend', labels: { app: 'web' }, cpu: 12, mem: 48 }),
      podRow({ namespace: 'frontend', labels: { app: 'web2' }, cpu: 12, mem: 48 }),
      podRow({ namespace: 'Worker unallocated', labels: null, cpu: 72, mem: 288 }),
    ];
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(ocpRows)] }));
    assertRows(rows, [
      expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...costs(0.3), usage_amount: 8, tags: { app: 'web', env: 'prod' }, pod_labels: { app: 'web', env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...costs(0.3), usage_amount: 8, tags: { app: 'web2', env: 'prod' }, pod_labels: { app: 'web2', env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'Worker unallocated', ...costs(1.8), usage_amount: 8 }),
    ]);
  });

  it('variant: SavingsPlanCoveredUsage zeroes unblended/blended and splits SP effective 0.42 / 0.84 / 0.42', () => {
    const line = ec2Line({ lineitem_lineitemtype: 'SavingsPlanCoveredUsage', savingsplan_savingsplaneffectivecost: 1.68 });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line], ocp: [cluster(section71Rows())] }));
    const sp = (x: number) => ({
      unblended_cost: 0,
      markup_cost: 0,
      blended_cost: 0,
      markup_cost_blended: 0,
      savingsplan_effective_cost: x,
      markup_cost_savingsplan: x * 0.1,
      calculated_amortized_cost: x,
      markup_cost_amortized: x * 0.1,
    });
    assertRows(rows, section71Expected({ frontend: sp(0.42), backend: sp(0.84), unallocated: sp(0.42) }));
  });
});

describe('§7.2 an EBS volume used by one PVC', () => {
  const dailyCost = 0.2580645161290323;
  const ebsCommon = { resource_id: 'vol-0123abcd', product_family: 'Storage', unit: 'GB-Mo', data_source: 'Storage' as const };
  const pvc = { persistentvolumeclaim: 'pg-data', persistentvolume: 'pvc-1111', storageclass: 'gp3' };
  const dbRow = () => storageRow({ namespace: 'database', pvc: 'pg-data', pv: 'pvc-1111', gib: 53687091200 * 2 ** -30, labels: { app: 'db' } });

  it('attributes 50/100 of the disk to the PVC and the rest to Storage unattributed', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08),
        ocp: [cluster([dbRow()])],
      }),
    );
    assertRows(rows, [
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'database', node: 'ip-10-0-1-10', ...costs(0.1290322581), usage_amount: 3.2258064516, tags: { app: 'db' }, pod_labels: { app: 'db' } }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'Storage unattributed', ...costs(0.1290322581), aws_cost_category: null }),
    ]);
    assert.ok(Math.abs(total(rows) - dailyCost) < 1e-12);
  });

  it('shared-disk variant: each cluster keeps its PVC share and half of the unused capacity', () => {
    const clusterB = cluster(
      [storageRow({ namespace: 'cache', pvc: 'redis', pv: 'pvc-2222', gib: 30, node: 'b-node', resourceId: 'i-0bbb', labels: {} })],
      { providerUuid: OCP_UUID_B, clusterId: 'c-456', clusterAlias: 'other' },
    );
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08),
        ocp: [cluster([dbRow()]), clusterB],
        config: config({ pairedOcpSourceUuids: [OCP_UUID, OCP_UUID_B] }),
      }),
    );
    const b = { cluster_id: 'c-456', cluster_alias: 'other', report_period_id: 12 };
    assertRows(rows, [
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'database', node: 'ip-10-0-1-10', ...costs(0.1290322581), usage_amount: 3.2258064516, tags: { app: 'db' }, pod_labels: { app: 'db' } }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'Storage unattributed', ...costs(0.0258064516), aws_cost_category: null }),
      expectedRow({ ...ebsCommon, ...b, persistentvolumeclaim: 'redis', persistentvolume: 'pvc-2222', storageclass: 'gp3', namespace: 'cache', node: 'b-node', ...costs(0.0774193548), usage_amount: 3.2258064516, tags: {}, pod_labels: {} }),
      expectedRow({ ...ebsCommon, ...b, persistentvolumeclaim: 'redis', persistentvolume: 'pvc-2222', storageclass: 'gp3', namespace: 'Storage unattributed', ...costs(0.0258064516), aws_cost_category: null }),
    ]);
    assert.ok(Math.abs(total(rows) - dailyCost) < 1e-12);
  });
});

describe('§7.3 tag example', () => {
  const s3Line = () =>
    awsLine({
      lineitem_resourceid: 'my-bucket',
      lineitem_productcode: 'AmazonS3',
      product_productfamily: 'Storage',
      pricing_unit: 'GB-Mo',
      lineitem_usageamount: 10,
      lineitem_unblendedcost: 5.75,
      lineitem_blendedcost: 5.75,
      resourcetags: '{"openshift_project": "analytics"}',
    });
  const analytics = () => [
    podRow({ namespace: 'analytics', labels: { app: 'etl' }, cpu: 10, mem: 10 }),
    storageRow({ namespace: 'analytics', pvc: 'scratch', pv: 'pvc-3', gib: 5, csi: 'vol-zzz', labels: { app: 'etl' } }),
  ];
  const s3Common = { resource_id: 'my-bucket', product_code: 'AmazonS3', product_family: 'Storage', unit: 'GB-Mo' };

  it('splits equally over the (namespace, data_source) groups: 2.875 each', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [s3Line()], ocp: [cluster(analytics())] }));
    assertRows(rows, [
      expectedRow({ ...s3Common, namespace: 'analytics', node: 'ip-10-0-1-10', ...costs(2.875), usage_amount: 5, tags: { app: 'etl' }, pod_labels: { app: 'etl' } }),
      expectedRow({
        ...s3Common,
        data_source: 'Storage',
        namespace: 'analytics',
        node: 'ip-10-0-1-10',
        persistentvolumeclaim: 'scratch',
        persistentvolume: 'pvc-3',
        storageclass: 'gp3',
        ...costs(2.875),
        usage_amount: 5,
        tags: { app: 'etl' },
        pod_labels: { app: 'etl' },
      }),
    ]);
  });

  it('with another cluster also running analytics, cluster_count = 2 gives 1.4375 each', () => {
    const other = cluster([podRow({ namespace: 'analytics', labels: {}, cpu: 1, mem: 1, node: 'x', resourceId: 'i-0x' })], {
      providerUuid: OCP_UUID_B,
      clusterId: 'c-456',
      clusterAlias: 'other',
    });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [s3Line()], ocp: [cluster(analytics()), other] }));
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.ok(Math.abs((row.unblended_cost as number) - 1.4375) < 1e-12);
      assert.ok(Math.abs((row.usage_amount as number) - 2.5) < 1e-12);
      assert.equal(row.cluster_id, 'c-123');
    }
  });
});
