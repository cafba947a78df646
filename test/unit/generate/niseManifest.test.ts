import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidNiseManifestError } from '../../../lib/generate/errors.js';
import { loadNiseManifest } from '../../../lib/generate/loadNiseManifest.js';
import { generateNiseAwsRows } from '../../../lib/generate/niseAwsGenerator.js';
import { generateNiseOcpRows } from '../../../lib/generate/niseOcpGenerator.js';
import { renderPlaceholders } from '../../../lib/generate/renderPlaceholders.js';
import { writeNiseManifest } from '../../../lib/generate/writeNiseManifest.js';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { AWS_UUID, OCP_UUID, parquetRows } from '../../helpers/ingestFixtures.js';
import { SCENARIOS_DIR } from '../../helpers/scenarios.js';

const SCENARIOS = SCENARIOS_DIR;
const GIB = 2 ** 30;

function scenarioFiles(all = false): string[] {
  const out: string[] = [];
  for (const group of ['ocp-only', 'ocp-on-aws']) {
    for (const dir of readdirSync(join(SCENARIOS, group)).sort()) {
      for (const file of readdirSync(join(SCENARIOS, group, dir)).sort()) {
        if (file === 'manifest.yml' || (all && file.endsWith('.yml'))) out.push(join(SCENARIOS, group, dir, file));
      }
    }
  }
  return out;
}

function column(report: { header: string[]; rows: string[][] }, name: string): string[] {
  const i = report.header.indexOf(name);
  return report.rows.map((r) => r[i]);
}

describe('nise manifests', () => {
  it('all 43 scenario manifests load and yield rows (OCP for every one, AWS for ocp-on-aws)', () => {
    const files = scenarioFiles();
    assert.equal(files.length, 43);
    for (const file of files) {
      const manifest = loadNiseManifest(file);
      assert.ok(manifest.ocpClusters.length > 0, file);
      for (const cluster of manifest.ocpClusters) assert.ok(generateNiseOcpRows(cluster).pod_usage.rows.length > 0, file);
      if (file.includes('ocp-on-aws')) assert.ok(generateNiseAwsRows(manifest).rows.length > 0, file);
    }
  });

  it('the extra scenario files (variations, drafts) load too', () => {
    for (const file of scenarioFiles(true)) assert.doesNotThrow(() => loadNiseManifest(file), file);
  });

  it('scenario ocp-only/01 gives nise per-hour values: pod_seconds on every hourly row, capacity = cores × 3600', () => {
    const [cluster] = loadNiseManifest(join(SCENARIOS, 'ocp-only/01-basic-pod/manifest.yml')).ocpClusters;
    const pods = generateNiseOcpRows(cluster).pod_usage;
    assert.equal(pods.rows.length, 24);
    const one = (name: string) => [...new Set(column(pods, name))];
    assert.deepEqual(one('pod_usage_cpu_core_seconds').map(Number), [86400 * 0.3]);
    assert.deepEqual(one('pod_request_cpu_core_seconds').map(Number), [86400 * 0.5]);
    assert.deepEqual(one('pod_limit_cpu_core_seconds').map(Number), [86400 * 1.0]);
    assert.deepEqual(one('pod_usage_memory_byte_seconds').map(Number), [86400 * 0.8 * GIB]);
    assert.deepEqual(one('pod_request_memory_byte_seconds').map(Number), [86400 * 1 * GIB]);
    assert.deepEqual(one('node_capacity_cpu_core_seconds').map(Number), [4 * 3600]);
    assert.deepEqual(one('node_capacity_memory_byte_seconds').map(Number), [16 * GIB * 3600]);
    assert.deepEqual(one('resource_id'), ['i-i-worker001'], 'nise prefixes i- again');
    assert.deepEqual(one('pod_labels'), [''], 'pod_labels: is ignored, nise reads labels:');
    assert.equal(pods.rows[0][pods.header.indexOf('interval_start')], '2025-10-01 00:00:00 +0000 UTC');
    assert.equal(pods.rows[23][pods.header.indexOf('interval_end')], '2025-10-01 23:59:59 +0000 UTC');
    const cpuHours = column(pods, 'pod_usage_cpu_core_seconds').reduce((s, v) => s + Number(v), 0) / 3600;
    assert.ok(Math.abs(cpuHours - 172.8) < 1e-9);
  });

  it('reproduces nise pitfalls: a namespace on two nodes of one generator keeps only the later node (05)', () => {
    const [cluster] = loadNiseManifest(join(SCENARIOS, 'ocp-only/05-cluster-capacity/manifest.yml')).ocpClusters;
    const pods = generateNiseOcpRows(cluster).pod_usage;
    assert.equal(new Set(column(pods, 'pod')).size, 2);
  });

  it('treats zero usage as unset and draws a value (18)', () => {
    const [cluster] = loadNiseManifest(join(SCENARIOS, 'ocp-only/18-zero-usage/manifest.yml')).ocpClusters;
    assert.ok(column(generateNiseOcpRows(cluster).pod_usage, 'pod_usage_cpu_core_seconds').every((v) => Number(v) > 0));
  });

  it('refuses a value that is not a number (nise fails on it too) instead of drawing a random one', () => {
    const text = [
      'generators:',
      '  - OCPGenerator:',
      '      start_date: 2025-10-01',
      '      end_date: 2025-10-02',
      '      nodes:',
      '        - node_name: worker-1',
      '          cpu_cores: eight',
    ].join('\n');
    const [cluster] = loadNiseManifest({ name: 'bad.yml', text }).ocpClusters;
    assert.throws(() => generateNiseOcpRows(cluster), (e: unknown) => e instanceof InvalidNiseManifestError && e.message === 'field cpu_cores: "eight" is not a number');
  });

  it('is deterministic for a seed', () => {
    const [cluster] = loadNiseManifest(join(SCENARIOS, 'ocp-only/18-zero-usage/manifest.yml')).ocpClusters;
    assert.deepEqual(generateNiseOcpRows(cluster, { seed: 3 }), generateNiseOcpRows(cluster, { seed: 3 }));
  });

  it('renders correlated placeholders, prefixes EC2 i- and EBS vol-, and prices EBS by hours in the month (05)', () => {
    const manifest = loadNiseManifest(join(SCENARIOS, 'ocp-on-aws/05-storage-ebs/manifest.yml'));
    const node = new Set(column(generateNiseOcpRows(manifest.ocpClusters[0]).pod_usage, 'resource_id'));
    const cur = generateNiseAwsRows(manifest);
    const ids = new Set(column(cur, 'lineItem/ResourceId'));
    assert.deepEqual([...node], ['i-4100000005']);
    assert.ok(ids.has('i-4100000005') && ids.has('vol-test0001'));
    const ebsCost = cur.rows.filter((r) => r[cur.header.indexOf('lineItem/ResourceId')] === 'vol-test0001').map((r) => Number(r[cur.header.indexOf('lineItem/UnblendedCost')]));
    assert.equal(ebsCost.length, 24);
    assert.equal(ebsCost[0], Number((100 * (0.596 / 744)).toFixed(10)));
    assert.equal(renderPlaceholders('{{ resource_id_6a }}/{{resource_id_1}}'), 'i-prod0001/4100000001');
    assert.throws(() => renderPlaceholders('{{ cluster_name }}'), InvalidNiseManifestError);
  });

  it('writes static AWS tags as bare columns and SavingsPlan rows as covered usage and negation (14)', () => {
    const cur = generateNiseAwsRows(loadNiseManifest(join(SCENARIOS, 'ocp-on-aws/14-savingsplan-costs/manifest.yml')));
    assert.ok(cur.header.includes('openshift_cluster') && cur.header.includes('resourceTags/user:savings_plan'));
    assert.deepEqual(cur.header, [...cur.header].sort());
    const types = new Set(column(cur, 'lineItem/LineItemType'));
    assert.deepEqual([...types].sort(), ['SavingsPlanCoveredUsage', 'SavingsPlanNegation']);
  });

  it('reads ocp.clusters with their ids (18) and fails on a manifest without generators', () => {
    const manifest = loadNiseManifest(join(SCENARIOS, 'ocp-on-aws/18-multi-cluster-shared-disk/manifest.yml'));
    assert.deepEqual(manifest.ocpClusters.map((c) => c.clusterId), ['cluster-alpha', 'cluster-bravo']);
    assert.throws(() => loadNiseManifest({ name: 'empty.yml', text: 'start_date: 2025-10-01\n' }), InvalidNiseManifestError);
  });

  it('writeNiseManifest runs the rows through Koku’s ingest (ocp-only/01: 172.8 core-hours in the daily file)', async () => {
    const store = new MemoryObjectStore();
    const summary = await writeNiseManifest({ store, schema: 'org1234567', manifest: join(SCENARIOS, 'ocp-only/01-basic-pod/manifest.yml'), ocpProviderUuids: OCP_UUID });
    const daily = summary.written.find((w) => w.granularity === 'daily' && w.reportType === 'pod_usage')!;
    const rows = await parquetRows(store, daily.key);
    assert.equal(rows.length, 1);
    assert.ok(Math.abs((rows[0].pod_usage_cpu_core_seconds as number) / 3600 - 172.8) < 1e-9);
    assert.equal(rows[0].pod_labels, '{}');
  });

  it('writeNiseManifest writes the AWS source when given its uuid (01)', async () => {
    const store = new MemoryObjectStore();
    const summary = await writeNiseManifest({
      store, schema: 'org1234567', manifest: join(SCENARIOS, 'ocp-on-aws/01-resource-matching/manifest.yml'), ocpProviderUuids: OCP_UUID, awsProviderUuid: AWS_UUID,
    });
    assert.equal(summary.awsRows, 24);
    const daily = summary.written.find((w) => w.key.includes('/AWS/raw/'))!;
    const cost = (await parquetRows(store, daily.key)).reduce((s, r) => s + (r.lineitem_unblendedcost as number), 0);
    assert.ok(Math.abs(cost - 16.08) < 1e-9);
  });
});
