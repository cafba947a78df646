/**
 * Round trips through the data tooling, each summarised end to end (`summarize()`) into its own schema:
 * - `writeGenerated` via operator CSV → Koku's CSV ingest and via the Arrow fast path give the same summary rows;
 * - nise scenario CSVs written as files (nise's names, gzipped, inputs in another order, tiny chunks so the daily
 *   Parquet holds several rows per key, spec §1 step 4) and converted with `convertToKokuParquet` give the same
 *   summary as `writeNiseManifest`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { generateNiseOcpRows, loadNiseManifest, niseReportCsv, writeGenerated, writeNiseManifest } from '../../lib/generate/index.js';
import { convertToKokuParquet } from '../../lib/ingest/index.js';
import { summarizeFreshStore, type SummarizedRun } from '../helpers/scenarioRuns.js';
import { SCENARIOS_DIR } from '../helpers/scenarios.js';

const PROVIDER = '5b7e2c1d-8a9f-4b3c-9d2e-1f0a3b4c5d6e';
const CLUSTER = 'round-trip';
const OCTOBER = { year: 2025, month: 10 };
const SCENARIOS = join(SCENARIOS_DIR, 'ocp-only');
/** nise's OCP report file suffixes (`{Month}-{Year}-{cluster}-ocp_pod_usage.csv`, poc-lessons §6.2). */
const NISE_FILE = { pod_usage: 'ocp_pod_usage', storage_usage: 'ocp_storage_usage', node_labels: 'ocp_node_label', namespace_labels: 'ocp_namespace_label' } as const;

async function withRuns(runs: SummarizedRun[], check: () => Promise<void> | void): Promise<void> {
  try {
    for (const run of runs) assert.equal(run.code, 0, run.output.join('\n'));
    await check();
  } finally {
    for (const run of runs) await run.db.cleanup();
  }
}

/** Columns holding numbers (numeric(33,15) strings); everything else must be equal as is. */
function isNumericColumn(value: unknown): value is string {
  return typeof value === 'string' && /^-?\d+\.\d{15}$/.test(value);
}

/**
 * Row sets equal up to 1e-9 on numeric columns (summation order can move the last ulp, spec §12); the other
 * columns and the row count exactly.
 */
function assertSameRowsNumerically(actual: Array<Record<string, unknown>>, expected: Array<Record<string, unknown>>): void {
  const shape = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, isNumericColumn(v) ? 'n' : v]));
  assert.equal(actual.length, expected.length);
  const pool = [...actual];
  for (const e of expected) {
    const i = pool.findIndex((a) => shape(a) === shape(e) && Object.keys(e).every((k) => !isNumericColumn(e[k]) || Math.abs(Number(a[k]) - Number(e[k])) <= 1e-9));
    assert.ok(i >= 0, `no stored row matches ${JSON.stringify(e)}`);
    pool.splice(i, 1);
  }
}

describe('data tooling round trips, summarised', () => {
  it('writeGenerated via operator CSV and via the Arrow fast path summarise to the same rows (2 days)', async () => {
    const base = { providerUuid: PROVIDER, clusterId: CLUSTER, days: ['2025-10-01', '2025-10-02'], cluster: { pods: 24, seed: 11 }, chunkSize: 300 };
    const keys = ['app', 'env', 'team'];
    const runs: SummarizedRun[] = [];
    try {
      for (const via of ['csv', 'arrow'] as const) {
        runs.push(await summarizeFreshStore({ providerUuid: PROVIDER, clusterId: CLUSTER, month: OCTOBER, enableKeys: keys }, (store, schema) => writeGenerated({ ...base, store, schema, via })));
      }
    } catch (err) {
      for (const run of runs) await run.db.cleanup();
      throw err;
    }
    await withRuns(runs, async () => {
      const [csv, arrow] = runs;
      assert.ok(csv.rows.length > 20, `rows: ${csv.rows.length}`);
      assert.deepEqual([...new Set(csv.rows.map((r) => r.data_source))].sort(), ['Pod', 'Storage']);
      const { rows: days } = await csv.db.pool.query(`SELECT DISTINCT usage_start::text AS day FROM "${csv.db.schema}".reporting_ocpusagelineitem_daily_summary ORDER BY 1`);
      assert.deepEqual(days.map((d) => d.day), ['2025-10-01', '2025-10-02']);
      assert.deepEqual(arrow.rows, csv.rows);
    });
  });

  for (const scenario of ['08-shared-pv-nodes', '11-pvc-capacity-gb', '15-effective-usage']) {
    it(`${scenario}: nise CSV files → convertToKokuParquet (tiny chunks, gzipped) equals writeNiseManifest`, async () => {
      const manifestPath = join(SCENARIOS, scenario, 'manifest.yml');
      const keys = ['app', 'storage', 'size'];
      const direct = await summarizeFreshStore({ providerUuid: PROVIDER, clusterId: CLUSTER, month: OCTOBER, enableKeys: keys }, (store, schema) =>
        writeNiseManifest({ store, schema, manifest: manifestPath, ocpProviderUuids: PROVIDER }),
      );
      const files = mkdtempSync(join(tmpdir(), 'koku-agg-nise-csv-'));
      try {
        const viaFiles = await summarizeFreshStore({ providerUuid: PROVIDER, clusterId: CLUSTER, month: OCTOBER, enableKeys: keys }, async (store, schema) => {
          const [cluster] = loadNiseManifest(manifestPath).ocpClusters;
          const reports = generateNiseOcpRows(cluster);
          const inputs: string[] = [];
          // labels first, pods last: the order of the inputs must not matter
          for (const type of ['namespace_labels', 'node_labels', 'storage_usage', 'pod_usage'] as const) {
            if (reports[type].rows.length === 0) continue;
            const path = join(files, `October-2025-${cluster.clusterId}-${NISE_FILE[type]}.csv.gz`);
            writeFileSync(path, gzipSync(niseReportCsv(reports[type])));
            inputs.push(path);
          }
          const summary = await convertToKokuParquet({ inputs, store, schema, providerType: 'OCP', providerUuid: PROVIDER, chunkSize: 5, manifestId: 7 });
          const podDaily = summary.written.filter((w) => w.reportType === 'pod_usage' && w.granularity === 'daily');
          assert.ok(podDaily.length > 1, 'several pod chunks, so the summary sums several daily rows per key');
          return summary;
        }).catch(async (err: unknown) => {
          await direct.db.cleanup();
          throw err;
        });
        await withRuns([direct, viaFiles], () => {
          assert.ok(direct.rows.length >= 2);
          assertSameRowsNumerically(viaFiles.rows, direct.rows);
        });
      } finally {
        rmSync(files, { recursive: true, force: true });
      }
    });
  }
});
