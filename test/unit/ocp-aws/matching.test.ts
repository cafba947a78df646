import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diskCapacities } from '../../../lib/ocp-aws/diskCapacities.js';
import { diskCapacityResourceIds } from '../../../lib/ocp-aws/diskCapacityResourceIds.js';
import { findInfraMapCandidates } from '../../../lib/ocp-aws/findInfraMapCandidates.js';
import { findGenericMatchedTags } from '../../../lib/ocp-aws/genericMatchedTags.js';
import { buildMatchStrings, findMatchedTag } from '../../../lib/ocp-aws/matchStrings.js';
import { ocpClusterView } from '../../../lib/ocp-aws/ocpClusterView.js';
import { ocpInventoryFromRows } from '../../../lib/ocp-aws/ocpInventoryFromRows.js';
import { resourceMatcher } from '../../../lib/ocp-aws/resourceMatcher.js';
import { toMatchedLine } from '../../../lib/ocp-aws/toMatchedLine.js';
import { DAY, OCP_UUID_B, awsLine, cluster, ebsLine, hourlyDisk, podRow, section71Rows, storageRow } from '../../helpers/ocpAwsFactories.js';

describe('resourceMatcher (§2.1)', () => {
  const match = resourceMatcher({
    nodeResourceIds: ['i-0abc', '0def'],
    nodes: [],
    namespaces: [],
    volumes: [
      { persistentvolume: 'pvc-1111', csi_volume_handle: 'vol-0123' },
      { persistentvolume: 'pvc-2222', csi_volume_handle: '' },
    ],
  });

  it('is a suffix test on node ids, PV names and non-empty CSI handles', () => {
    assert.equal(match('i-0abc'), true);
    assert.equal(match('i-0def'), true);
    assert.equal(match('arn:aws:ec2:us-east-1:1:volume/vol-0123'), true);
    assert.equal(match('pvc-2222'), true);
    assert.equal(match('i-0abcd'), false);
    assert.equal(match(''), false);
    assert.equal(match('abc'), false);
  });
});

describe('match strings (§2.2)', () => {
  it('formats the cluster, node and namespace strings without escaping and dedups', () => {
    const inventory = ocpInventoryFromRows(section71Rows());
    assert.deepEqual([...inventory.namespaces].sort(), ['backend', 'frontend']);
    const t = buildMatchStrings({ clusterId: 'c-123', clusterAlias: 'prod', inventory }, ['"app": "web"', '"app": "web"']);
    assert.deepEqual(t.sort(), [
      '"app": "web"',
      '"openshift_cluster": "c-123"',
      '"openshift_cluster": "prod"',
      '"openshift_node": "ip-10-0-1-10"',
      '"openshift_project": "backend"',
      '"openshift_project": "frontend"',
    ]);
  });

  it('finds every string that occurs in the raw tag text, case- and space-sensitively', () => {
    const t = ['"openshift_cluster": "prod"', '"openshift_project": "db"', '"app": "web"'];
    assert.equal(findMatchedTag('{"openshift_cluster": "prod", "openshift_project": "db"}', t), '"openshift_cluster": "prod","openshift_project": "db"');
    assert.equal(findMatchedTag('{"openshift_cluster":"prod"}', t), null);
    assert.equal(findMatchedTag('{"app": "Web"}', t), null);
  });
});

describe('findGenericMatchedTags (§2.2 step A, errata 1)', () => {
  const rows = (labels: Record<string, string>) => ocpClusterView(cluster([podRow({ namespace: 'ns', labels, cpu: 1, mem: 1 })]), DAY).rows;

  it('needs a key enabled for both; keeps the AWS spelling as json.dumps text without braces', () => {
    const lines = [awsLine({ resourcetags: '{"App": "Web", "env": "caf\\u00e9{x}"}' })];
    const ocp = rows({ app: 'web', env: 'café{x}' });
    assert.deepEqual(findGenericMatchedTags(lines, ocp, { aws: ['app'], ocp: ['env'] }), []);
    // "app" is a substring of the raw text only in lower case: "App" does not select the line.
    assert.deepEqual(findGenericMatchedTags(lines, ocp, { aws: ['App', 'env'], ocp: ['App', 'env'] }).sort(), ['"App": "Web"', '"env": "caf\\u00e9x"']);
  });

  it('ignores lines and rows that mention no both-enabled key', () => {
    const lines = [awsLine({ resourcetags: '{"tier": "gold"}' })];
    assert.deepEqual(findGenericMatchedTags(lines, rows({ tier: 'gold', app: 'x' }), { aws: ['app'], ocp: ['app'] }), []);
  });
});

describe('disk capacity (§4.1)', () => {
  const view = ocpClusterView(cluster([storageRow({ namespace: 'db', pvc: 'pg', pv: 'pvc-1', gib: 50 })]), DAY);
  const matched = (line = ebsLine()) => [toMatchedLine(line, { resourceMatched: true, matchedTag: null, awsEnabledKeys: new Set() })];

  it('gives the volume size in GiB from hourly raw rows, 24 × that from daily ones', () => {
    assert.deepEqual([...diskCapacities(matched(), view.rows, hourlyDisk('vol-0123abcd', 100, 0.08), DAY)], [['vol-0123abcd', 100]]);
    const daily = [{ ...hourlyDisk('vol-0123abcd', 100, 0.08)[0], lineitem_unblendedcost: (0.08 * 100 * 24) / 744 }];
    assert.equal(diskCapacities(matched(), view.rows, daily, DAY).get('vol-0123abcd'), 2400);
  });

  it('takes the two maxima independently over every raw row of the resource and day', () => {
    const raw = [...hourlyDisk('vol-0123abcd', 100, 0.08), { ...hourlyDisk('vol-0123abcd', 1, 0.005)[0], lineitem_unblendedcost: 0.5 }];
    assert.equal(diskCapacities(matched(), view.rows, raw, DAY).get('vol-0123abcd'), Math.round(0.5 / (0.08 / 744)));
    const otherDay = hourlyDisk('vol-0123abcd', 100, 0.08, 24, '2025-10-02');
    assert.equal(diskCapacities(matched(), view.rows, otherDay, DAY).size, 0);
  });

  it('has no row for a zero rate or a resource without a CSI handle in the day', () => {
    assert.equal(diskCapacities(matched(), view.rows, hourlyDisk('vol-0123abcd', 100, 0), DAY).size, 0);
    const other = matched(ebsLine({ lineitem_resourceid: 'vol-9' }));
    assert.equal(diskCapacities(other, view.rows, hourlyDisk('vol-9', 100, 0.08), DAY).size, 0);
  });

  it('diskCapacityResourceIds lists the AWS ids containing any CSI handle', () => {
    const clusters = [cluster([storageRow({ namespace: 'db', pvc: 'pg', pv: 'pvc-1', gib: 5, csi: 'vol-0123abcd' })])];
    assert.deepEqual([...diskCapacityResourceIds([ebsLine(), awsLine({ lineitem_resourceid: 'i-0abc' })], clusters)], ['vol-0123abcd']);
  });
});

describe('findInfraMapCandidates (§2.4)', () => {
  it('pairs clusters whose pod resource id is a substring of an AWS resource id', () => {
    const a = cluster(section71Rows());
    const b = cluster([podRow({ namespace: 'x', cpu: 1, mem: 1, resourceId: 'i-0zzz' })], { providerUuid: OCP_UUID_B });
    assert.deepEqual(findInfraMapCandidates(['arn:aws:ec2:::instance/i-0abc', ''], [a, b]), [a.providerUuid]);
  });
});
