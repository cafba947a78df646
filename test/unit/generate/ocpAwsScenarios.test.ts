/**
 * The 23 OCP-on-AWS scenario manifests (`test/fixtures/scenarios/ocp-on-aws/<n>/manifest.yml`) convert through
 * `writeNiseManifest` (OCP per cluster and the AWS CUR) into a MemoryObjectStore, in Koku's layout: OCP hourly and
 * daily Parquet per cluster source, AWS raw (hourly) and non-empty daily Parquet (ocp-on-aws spec §1.1), the daily
 * rows summing the hourly costs and each carrying its own row_uuid.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadNiseManifest } from '../../../lib/generate/loadNiseManifest.js';
import { writeNiseManifest } from '../../../lib/generate/writeNiseManifest.js';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { AWS_UUID, parquetRows } from '../../helpers/ingestFixtures.js';
import { SCENARIOS_DIR } from '../../helpers/scenarios.js';

const SCENARIOS = join(SCENARIOS_DIR, 'ocp-on-aws');
const SCHEMA = 'org1234567';
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const manifests = readdirSync(SCENARIOS).sort().map((dir) => ({ dir, path: join(SCENARIOS, dir, 'manifest.yml') }));

function ocpUuid(i: number): string {
  return `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
}

function sum(rows: Array<Record<string, unknown>>, column: string): number {
  return rows.reduce((s, r) => s + (r[column] as number), 0);
}

describe('ocp-on-aws scenario manifests convert to Koku-layout Parquet', () => {
  it('there are 23', () => assert.equal(manifests.length, 23));

  for (const { dir, path } of manifests) {
    it(dir, async () => {
      const manifest = loadNiseManifest(path);
      const uuids = Object.fromEntries(manifest.ocpClusters.map((c, i) => [c.clusterId, ocpUuid(i)]));
      const store = new MemoryObjectStore();
      const summary = await writeNiseManifest({ store, schema: SCHEMA, manifest, ocpProviderUuids: uuids, awsProviderUuid: AWS_UUID });
      assert.deepEqual(summary.clusters, manifest.ocpClusters.map((c) => ({ clusterId: c.clusterId, providerUuid: uuids[c.clusterId] })));
      assert.deepEqual(summary.skipped, []);
      assert.equal(summary.rowsDropped, 0);

      // OCP: every cluster source has hourly and daily pod_usage objects with rows
      for (const uuid of Object.values(uuids)) {
        for (const granularity of ['hourly', 'daily'] as const) {
          const pods = summary.written.filter((w) => w.reportType === 'pod_usage' && w.granularity === granularity && w.key.includes(`/source=${uuid}/`));
          assert.ok(pods.length > 0 && pods.every((w) => w.rows > 0), `${dir}: ${granularity} pod_usage of ${uuid}`);
          const prefix = granularity === 'daily' ? `data/parquet/daily/${SCHEMA}/OCP/pod_usage/` : `data/parquet/${SCHEMA}/OCP/pod_usage/`;
          assert.ok(pods.every((w) => w.key.startsWith(prefix)), `${dir}: ${pods.map((w) => w.key).join(', ')}`);
        }
      }

      // AWS: raw (hourly) and daily objects in Koku's two datasets
      const aws = summary.written.filter((w) => w.reportType === 'aws');
      const hourly = aws.filter((w) => w.granularity === 'hourly');
      const daily = aws.filter((w) => w.granularity === 'daily');
      assert.ok(hourly.length > 0 && daily.length > 0, `${dir}: AWS objects ${aws.map((w) => w.key).join(', ')}`);
      const monthPart = /\/year=\d{4}\/month=\d{2}\//;
      for (const w of hourly) assert.ok(w.key.startsWith(`data/parquet/${SCHEMA}/AWS/source=${AWS_UUID}/`) && monthPart.test(w.key) && !w.key.includes('_daily_'), w.key);
      for (const w of daily) assert.ok(w.key.startsWith(`data/parquet/daily/${SCHEMA}/AWS/raw/source=${AWS_UUID}/`) && monthPart.test(w.key) && /_daily_\d+\.parquet$/.test(w.key), w.key);

      const hourlyRows = (await Promise.all(hourly.map((w) => parquetRows(store, w.key)))).flat();
      const dailyRows = (await Promise.all(daily.map((w) => parquetRows(store, w.key)))).flat();
      assert.equal(hourlyRows.length, summary.awsRows, `${dir}: every CUR row is in the raw dataset`);
      assert.ok(dailyRows.length > 0, `${dir}: non-empty AWS daily Parquet`);
      assert.equal(dailyRows.length, daily.reduce((s, w) => s + w.rows, 0));
      assert.ok(dailyRows.length <= hourlyRows.length);
      // daily = group-by sum of the raw rows (spec §1.1): the summed columns keep their totals
      for (const column of ['lineitem_unblendedcost', 'lineitem_blendedcost', 'lineitem_usageamount', 'savingsplan_savingsplaneffectivecost']) {
        const [h, d] = [sum(hourlyRows, column), sum(dailyRows, column)];
        assert.ok(Math.abs(h - d) <= 1e-9 * Math.max(1, Math.abs(h)), `${dir}: Σ ${column} hourly ${h} vs daily ${d}`);
      }
      const uuidsOfRows = dailyRows.map((r) => r.row_uuid as string);
      assert.ok(uuidsOfRows.every((u) => UUID4.test(u)), `${dir}: row_uuid is a uuid4`);
      assert.equal(new Set(uuidsOfRows).size, uuidsOfRows.length, `${dir}: one row_uuid per daily row`);
    });
  }
});
