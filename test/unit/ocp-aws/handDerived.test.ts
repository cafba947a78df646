/** Hand-derived cases of spec/ocp-on-aws.md §2–§5 and §8, row by row. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeOcpOnAwsDay } from '../../../lib/ocp-aws/summarizeOcpOnAwsDay.js';
import {
  EC2_COLUMNS,
  OCP_UUID,
  OCP_UUID_B,
  assertRows,
  awsLine,
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
} from '../../helpers/ocpAwsFactories.js';

const ebsCommon = { resource_id: 'vol-0123abcd', product_family: 'Storage', unit: 'GB-Mo', data_source: 'Storage' as const };
const EBS_COST = (100 * 0.08) / 31;
const EBS_USAGE = 100 / 31;

describe('matching precedence', () => {
  it('a line matched by resource id and by tag takes the compute path only', () => {
    const line = ec2Line({ resourcetags: '{"env": "prod", "openshift_project": "frontend"}' });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line], ocp: [cluster(section71Rows())] }));
    assertRows(rows, section71Expected({ frontend: costs(0.6), backend: costs(1.2), unallocated: costs(0.6) }));
  });

  it('a volume matched only by PV-name suffix (no CSI handle) produces nothing, tags or not', () => {
    const line = ebsLine({ lineitem_resourceid: 'vol-0999', resourcetags: '{"openshift_project": "database"}' });
    const ocpRows = [
      ...section71Rows(),
      podRow({ namespace: 'database', labels: {}, cpu: 0, mem: 0 }),
      storageRow({ namespace: 'database', pvc: 'static', pv: 'vol-0999', gib: 10, csi: null }),
    ];
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [line], awsHourlyForDiskCapacity: hourlyDisk('vol-0999', 10, 0.08), ocp: [cluster(ocpRows)] }),
    );
    assert.deepEqual(rows, []);
  });

  it('a resource-matched line whose node has no rows that day is dropped', () => {
    const other = section71Rows().map((r) => ({ ...r, usage_start: '2025-10-02' }));
    const inventory = { nodeResourceIds: ['i-0abc'], nodes: ['ip-10-0-1-10'], namespaces: [], volumes: [] };
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(other, { inventory })] }));
    assert.deepEqual(rows, []);
  });

  it('an unpaired cluster gets no rows', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [ec2Line()], ocp: [cluster(section71Rows())], config: config({ pairedOcpSourceUuids: [] }) }),
    );
    assert.deepEqual(rows, []);
  });
});

describe('tag path', () => {
  const bucket = (tags: string, cost = 6) =>
    awsLine({
      lineitem_resourceid: 'arn:aws:s3:::bucket',
      lineitem_productcode: 'AmazonS3',
      product_productfamily: 'Storage',
      pricing_unit: 'GB-Mo',
      lineitem_usageamount: 12,
      lineitem_unblendedcost: cost,
      lineitem_blendedcost: cost,
      resourcetags: tags,
    });
  const s3 = { resource_id: 'arn:aws:s3:::bucket', product_code: 'AmazonS3', product_family: 'Storage', unit: 'GB-Mo' };

  it('a cluster-only tag is spread equally over every (namespace, data_source) of the cluster, never to unallocated', () => {
    const ocpRows = [
      ...section71Rows(),
      storageRow({ namespace: 'database', pvc: 'pg', pv: 'pvc-1', gib: 5, labels: { app: 'db' } }),
    ];
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [bucket('{"openshift_cluster": "prod", "openshift_project": "frontend"}')], ocp: [cluster(ocpRows)] }));
    assertRows(rows, [
      expectedRow({ ...s3, namespace: 'frontend', node: 'ip-10-0-1-10', ...costs(2), usage_amount: 4, tags: { app: 'web' }, pod_labels: { app: 'web' } }),
      expectedRow({ ...s3, namespace: 'backend', node: 'ip-10-0-1-10', ...costs(2), usage_amount: 4, tags: { app: 'api' }, pod_labels: { app: 'api' } }),
      expectedRow({
        ...s3,
        data_source: 'Storage',
        namespace: 'database',
        node: 'ip-10-0-1-10',
        persistentvolumeclaim: 'pg',
        persistentvolume: 'pvc-1',
        storageclass: 'gp3',
        ...costs(2),
        usage_amount: 4,
        tags: { app: 'db' },
        pod_labels: { app: 'db' },
      }),
    ]);
  });

  it('the cluster id matches as well as the alias', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [bucket('{"openshift_cluster": "c-123"}')], ocp: [cluster(section71Rows())] }));
    assert.deepEqual(rows.map((r) => r.namespace).sort(), ['backend', 'frontend']);
    assert.ok(Math.abs(total(rows) - 6) < 1e-12);
  });

  it('a project tag matching two paired clusters is split by cluster_count, and sums to the line cost', () => {
    const a = cluster([podRow({ namespace: 'analytics', labels: {}, cpu: 1, mem: 1 })]);
    const b = cluster(
      [
        podRow({ namespace: 'analytics', labels: {}, cpu: 1, mem: 1, node: 'b1', resourceId: 'i-0b1' }),
        storageRow({ namespace: 'analytics', pvc: 'x', pv: 'pvc-x', gib: 1, csi: 'vol-x', node: 'b1', resourceId: 'i-0b1' }),
      ],
      { providerUuid: OCP_UUID_B, clusterId: 'c-456', clusterAlias: 'other' },
    );
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [bucket('{"openshift_project": "analytics"}')],
        ocp: [a, b],
        config: config({ pairedOcpSourceUuids: [OCP_UUID, OCP_UUID_B] }),
      }),
    );
    const bCommon = { ...s3, cluster_id: 'c-456', cluster_alias: 'other', report_period_id: 12, namespace: 'analytics', node: 'b1' };
    assertRows(rows, [
      expectedRow({ ...s3, namespace: 'analytics', node: 'ip-10-0-1-10', ...costs(3), usage_amount: 6, tags: {}, pod_labels: {} }),
      expectedRow({ ...bCommon, ...costs(1.5), usage_amount: 3, tags: {}, pod_labels: {} }),
      expectedRow({
        ...bCommon,
        data_source: 'Storage',
        persistentvolumeclaim: 'x',
        persistentvolume: 'pvc-x',
        storageclass: 'gp3',
        ...costs(1.5),
        usage_amount: 3,
        tags: {},
        pod_labels: {},
      }),
    ]);
    assert.ok(Math.abs(total(rows) - 6) < 1e-12);
  });

  it('a generic tag (key enabled for AWS and OCP) matches pod labels; an OCP-only key rides along (errata 1)', () => {
    const ocpRows = [
      podRow({ namespace: 'frontend', labels: { app: 'web', tier: 'gold' }, cpu: 1, mem: 1 }),
      podRow({ namespace: 'backend', labels: { app: 'api' }, cpu: 1, mem: 1 }),
      podRow({ namespace: 'batch', labels: { tier: 'gold' }, cpu: 1, mem: 1 }),
    ];
    const cfg = config({ enabledTagKeys: { aws: ['app', 'env'], ocp: ['app', 'tier'] } });
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [bucket('{"app": "web", "tier": "gold"}')], ocp: [cluster(ocpRows)], config: cfg }),
    );
    // T holds "app": "web" and "tier": "gold" (tier is OCP-only but sits on a line with a both-enabled key), so the
    // line reaches frontend and batch; batch gets the line's AWS-enabled tag app=web merged over its labels.
    assertRows(rows, [
      expectedRow({ ...s3, namespace: 'frontend', node: 'ip-10-0-1-10', ...costs(3), usage_amount: 6, tags: { app: 'web', tier: 'gold' }, pod_labels: { app: 'web', tier: 'gold' } }),
      expectedRow({ ...s3, namespace: 'batch', node: 'ip-10-0-1-10', ...costs(3), usage_amount: 6, tags: { app: 'web', tier: 'gold' }, pod_labels: { app: 'web', tier: 'gold' } }),
    ]);
  });

  it('a generic tag whose case differs between AWS and OCP passes step A but joins nothing', () => {
    const cfg = config({ enabledTagKeys: { aws: ['app'], ocp: ['app'] } });
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [bucket('{"app": "WEB"}')], ocp: [cluster([podRow({ namespace: 'frontend', labels: { app: 'web' }, cpu: 1, mem: 1 })])], config: cfg }),
    );
    assert.deepEqual(rows, []);
  });

  it('a tag-matched data transfer line takes the tag path and loses its direction', () => {
    const line = awsLine({
      lineitem_resourceid: 'nat-123',
      product_productfamily: 'Data Transfer',
      lineitem_usagetype: 'USE1-DataTransfer-Out-Bytes',
      pricing_unit: 'GB',
      lineitem_usageamount: 10,
      lineitem_unblendedcost: 0.9,
      lineitem_blendedcost: 0.9,
      resourcetags: '{"openshift_project": "frontend"}',
    });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line], ocp: [cluster(section71Rows())] }));
    assertRows(rows, [
      expectedRow({
        resource_id: 'nat-123',
        product_family: 'Data Transfer',
        unit: 'GB',
        namespace: 'frontend',
        node: 'ip-10-0-1-10',
        ...costs(0.9),
        usage_amount: 10,
        tags: { app: 'web' },
        pod_labels: { app: 'web' },
      }),
    ]);
  });
});

describe('storage path', () => {
  it('a PVC larger than the disk gives a negative Storage unattributed row; the two still sum to the line', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08),
        ocp: [cluster([storageRow({ namespace: 'database', pvc: 'big', pv: 'pvc-big', gib: 150 })])],
      }),
    );
    const pvc = { persistentvolumeclaim: 'big', persistentvolume: 'pvc-big', storageclass: 'gp3' };
    assertRows(rows, [
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'database', node: 'ip-10-0-1-10', ...costs(1.5 * EBS_COST), usage_amount: EBS_USAGE, tags: {}, pod_labels: {} }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'Storage unattributed', ...costs(-0.5 * EBS_COST), aws_cost_category: null }),
    ]);
    assert.ok(Math.abs(total(rows) - EBS_COST) < 1e-12);
  });

  it('a shared disk run for one paired cluster counts the other cluster in total_pv_capacity and cluster_count', () => {
    const b = cluster([storageRow({ namespace: 'cache', pvc: 'redis', pv: 'pvc-2', gib: 30, node: 'b', resourceId: 'i-0b' })], {
      providerUuid: OCP_UUID_B,
      clusterId: 'c-456',
      clusterAlias: 'other',
    });
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08),
        ocp: [cluster([storageRow({ namespace: 'database', pvc: 'pg', pv: 'pvc-1', gib: 50 })]), b],
      }),
    );
    const pvc = { persistentvolumeclaim: 'pg', persistentvolume: 'pvc-1', storageclass: 'gp3' };
    assertRows(rows, [
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'database', node: 'ip-10-0-1-10', ...costs(0.5 * EBS_COST), usage_amount: EBS_USAGE, tags: {}, pod_labels: {} }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'Storage unattributed', ...costs((0.2 * EBS_COST) / 2), aws_cost_category: null }),
    ]);
  });

  it('the same PVC on two nodes with different labels gets the full share twice (errata 2)', () => {
    const ocpRows = [
      storageRow({ namespace: 'db', pvc: 'pg', pv: 'pvc-1', gib: 10, labels: { zone: 'a' } }),
      storageRow({ namespace: 'db', pvc: 'pg', pv: 'pvc-1', gib: 10, labels: { zone: 'b' }, node: 'n2', resourceId: 'i-0n2' }),
    ];
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 15, 0.08),
        ocp: [cluster(ocpRows)],
        config: config({ enabledTagKeys: { aws: [], ocp: ['zone'] } }),
      }),
    );
    const pvc = { persistentvolumeclaim: 'pg', persistentvolume: 'pvc-1', storageclass: 'gp3' };
    assertRows(rows, [
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'db', node: 'ip-10-0-1-10', ...costs((10 / 15) * EBS_COST), usage_amount: EBS_USAGE, tags: { zone: 'a' }, pod_labels: { zone: 'a' } }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'db', node: 'n2', ...costs((10 / 15) * EBS_COST), usage_amount: EBS_USAGE, tags: { zone: 'b' }, pod_labels: { zone: 'b' } }),
      expectedRow({ ...ebsCommon, ...pvc, namespace: 'Storage unattributed', ...costs((5 / 15) * EBS_COST), aws_cost_category: null }),
    ]);
  });

  it('a disk without raw rows (no capacity) falls to the compute path and finds no node: nothing', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [ebsLine()], ocp: [cluster([storageRow({ namespace: 'database', pvc: 'pg', pv: 'pvc-1', gib: 50 })])] }),
    );
    assert.deepEqual(rows, []);
  });
});

describe('costs', () => {
  it('RI DiscountedUsage amortizes to the SP effective cost (0) while unblended is split', () => {
    const line = ec2Line({ lineitem_lineitemtype: 'DiscountedUsage', lineitem_unblendedcost: 0, lineitem_blendedcost: 0.96 });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line], ocp: [cluster(section71Rows())] }));
    const c = (share: number) => ({
      unblended_cost: 0,
      markup_cost: 0,
      blended_cost: 0.96 * share,
      markup_cost_blended: 0.096 * share,
      savingsplan_effective_cost: 0,
      markup_cost_savingsplan: 0,
      calculated_amortized_cost: 0,
      markup_cost_amortized: 0,
    });
    assertRows(rows, section71Expected({ frontend: c(0.25), backend: c(0.5), unallocated: c(0.25) }));
  });

  it('markup is cast to decimal(24,9) before multiplying', () => {
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [ec2Line()], ocp: [cluster(section71Rows())], config: config({ markup: 0.1234567896 }) }),
    );
    const frontend = rows.find((r) => r.namespace === 'frontend');
    assert.ok(frontend);
    assert.equal(frontend.markup_cost, 0.6 * 0.12345679);
    assert.equal(frontend.markup_cost_amortized, 0.6 * 0.12345679);
  });

  it('a zero node capacity gives NULL costs; no usage at all puts everything on the unallocated row', () => {
    const zeroCap = [podRow({ namespace: 'frontend', labels: {}, cpu: 0, mem: 0, capCpu: 0 })];
    const nullRows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(zeroCap)] }));
    assertRows(nullRows, [expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', usage_amount: 24, tags: { env: 'prod' }, pod_labels: { env: 'prod' } })]);

    const idle = [podRow({ namespace: 'frontend', labels: {}, cpu: 0, mem: 0 }), podRow({ namespace: 'Worker unallocated', labels: null, cpu: 96, mem: 384 })];
    const idleRows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(idle)] }));
    assertRows(idleRows, [
      expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...costs(0), usage_amount: 12, tags: { env: 'prod' }, pod_labels: { env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'Worker unallocated', ...costs(2.4), usage_amount: 12 }),
    ]);
  });

  it('AWS Marketplace lines take the product name as product code; account alias comes from the alias table', () => {
    const line = ec2Line({ bill_billingentity: 'AWS Marketplace', product_productname: 'Acme Firewall' });
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [line],
        ocp: [cluster([podRow({ namespace: 'frontend', labels: {}, cpu: 96, mem: 384 })])],
        config: config({ accountAliasIdByAccount: { '111111111111': 5 } }),
      }),
    );
    assertRows(rows, [
      expectedRow({ ...EC2_COLUMNS, product_code: 'Acme Firewall', account_alias_id: 5, namespace: 'frontend', ...costs(2.4), usage_amount: 24, tags: { env: 'prod' }, pod_labels: { env: 'prod' } }),
    ]);
  });
});

describe('network path', () => {
  const transfer = (usagetype: string, operation: string, extra = {}) =>
    awsLine({
      lineitem_resourceid: 'i-0abc',
      product_productfamily: 'Data Transfer',
      lineitem_usagetype: usagetype,
      lineitem_operation: operation,
      pricing_unit: 'GB',
      lineitem_usageamount: 50,
      lineitem_unblendedcost: 4.5,
      lineitem_blendedcost: 4.5,
      resourcetags: '{"env": "prod", "team": "x"}',
      ...extra,
    });
  const net = { resource_id: 'i-0abc', product_family: 'Data Transfer', unit: 'GB', namespace: 'Network unattributed', node: 'ip-10-0-1-10', aws_cost_category: null };

  it('IN-bytes and regional OUT lines go whole to Network unattributed per node, with data in/out gigabytes', () => {
    const lines = [transfer('USE1-DataTransfer-In-Bytes', 'RunInstances'), transfer('USE1-DataTransfer-Regional-Bytes', 'InterZone-Out')];
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: lines, ocp: [cluster(section71Rows())] }));
    assertRows(rows, [
      expectedRow({ ...net, ...costs(4.5), usage_amount: 50, data_transfer_direction: 'IN', infrastructure_data_in_gigabytes: 50, tags: { env: 'prod' }, pod_labels: { env: 'prod' } }),
      expectedRow({ ...net, ...costs(4.5), usage_amount: 50, data_transfer_direction: 'OUT', infrastructure_data_out_gigabytes: 50, tags: { env: 'prod' }, pod_labels: { env: 'prod' } }),
    ]);
  });

  it('an EC2 data transfer line with no direction rule is compute', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [transfer('USE1-DataTransfer-Regional-Bytes', 'InterZone')], ocp: [cluster(section71Rows())] }));
    assert.deepEqual(rows.map((r) => r.namespace).sort(), ['Worker unallocated', 'backend', 'frontend']);
    assert.ok(rows.every((r) => r.data_transfer_direction === null && r.infrastructure_data_in_gigabytes === 0));
  });
});

describe('enabled keys', () => {
  const line = (tags: string) => ec2Line({ resourcetags: tags });
  const only = (rows: ReturnType<typeof summarizeOcpOnAwsDay>) => rows.find((r) => r.namespace === 'frontend')?.tags;

  it('S1 keeps only AWS-enabled AWS tags, so an OCP-only key on the AWS line does not override the label', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line('{"app": "other", "env": "prod"}')], ocp: [cluster(section71Rows())] }));
    assert.deepEqual(only(rows), { app: 'web', env: 'prod' });
  });

  it('an AWS tag enabled for AWS wins over the label of the same key', () => {
    const cfg = config({ enabledTagKeys: { aws: ['env', 'app'], ocp: ['app'] } });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line('{"app": "other"}')], ocp: [cluster(section71Rows())], config: cfg }));
    assert.deepEqual(only(rows), { app: 'other' });
  });

  it('S3 drops keys enabled nowhere and the openshift_* keys, keeps vm_kubevirt_io_name', () => {
    const ocpRows = [podRow({ namespace: 'frontend', labels: { app: 'web', vm_kubevirt_io_name: 'vm1', stray: 's' }, cpu: 96, mem: 384 })];
    const rows = summarizeOcpOnAwsDay(
      dayInput({ awsDaily: [line('{"env": "prod", "openshift_project": "frontend", "team": "t"}')], ocp: [cluster(ocpRows)] }),
    );
    assert.deepEqual(only(rows), { app: 'web', env: 'prod', vm_kubevirt_io_name: 'vm1' });
  });

  it('with no key enabled at all the tags are {} (Trino array || NULL)', () => {
    const cfg = config({ enabledTagKeys: { aws: [], ocp: [] } });
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [line('{"env": "prod"}')], ocp: [cluster(section71Rows())], config: cfg }));
    assert.deepEqual(only(rows), {});
    assert.equal(rows.find((r) => r.namespace === 'Worker unallocated')?.tags, null);
  });

  it('rows whose enabled tags agree are summed into one output row', () => {
    const ocpRows = [
      podRow({ namespace: 'frontend', labels: { app: 'web', stray: '1' }, cpu: 24, mem: 0 }),
      podRow({ namespace: 'frontend', labels: { app: 'web', stray: '2' }, cpu: 24, mem: 0 }),
      podRow({ namespace: 'Worker unallocated', labels: null, cpu: 48, mem: 0 }),
    ];
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(ocpRows)] }));
    assertRows(rows, [
      expectedRow({ ...EC2_COLUMNS, namespace: 'frontend', ...costs(1.2), usage_amount: 16, tags: { app: 'web', env: 'prod' }, pod_labels: { app: 'web', env: 'prod' } }),
      expectedRow({ ...EC2_COLUMNS, namespace: 'Worker unallocated', ...costs(1.2), usage_amount: 8 }),
    ]);
  });
});

describe('input checks', () => {
  it('rejects a day that is not a calendar date', () => {
    assert.throws(() => summarizeOcpOnAwsDay(dayInput({ day: '2025-02-30' })), /not a YYYY-MM-DD calendar date/);
  });

  it('ignores lines and rows of other days', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line(), ec2Line({ lineitem_usagestartdate: new Date('2025-10-02T00:00:00Z') })], ocp: [cluster(section71Rows())] }));
    assert.ok(Math.abs(total(rows) - 2.4) < 1e-12);
    assert.equal(rows.length, 3);
  });

  it('uses the given uuid generator, one uuid per output row', () => {
    const rows = summarizeOcpOnAwsDay(dayInput({ awsDaily: [ec2Line()], ocp: [cluster(section71Rows())] }));
    assert.deepEqual(rows.map((r) => r.uuid).sort(), ['out-1', 'out-2', 'out-3']);
    assert.equal(OCP_UUID.length, 36);
  });
});
