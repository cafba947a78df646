import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { convertToKokuParquet } from '../../../lib/ingest/convertToKokuParquet.js';
import { InvalidConvertOptionsError, UnknownReportTypeError } from '../../../lib/ingest/errors.js';
import { selectManifestsToDelete } from '../../../lib/ingest/selectManifestsToDelete.js';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { OCP_UUID, POD_HEADER, csvText, parquetRows, parquetSchema, podRecord } from '../../helpers/ingestFixtures.js';

const HOURLY = `data/parquet/org1234567/OCP/pod_usage/source=${OCP_UUID}/year=2025/month=10/`;
const DAILY = `data/parquet/daily/org1234567/OCP/pod_usage/source=${OCP_UUID}/year=2025/month=10/`;

function podCsv(records: string[][], name = 'pods.csv') {
  return { name, text: csvText(POD_HEADER, records) };
}

async function convert(store: MemoryObjectStore, records: string[][], extra: Partial<Parameters<typeof convertToKokuParquet>[0]> = {}) {
  return convertToKokuParquet({ inputs: [podCsv(records)], store, schema: 'org1234567', providerType: 'OCP', providerUuid: OCP_UUID, ...extra });
}

const keysUnder = async (store: MemoryObjectStore, prefix: string) => (await store.list(prefix)).map((o) => o.key.slice(prefix.length));

describe('convertToKokuParquet, OCP (spec §1 steps 3–5, §2.1)', () => {
  it('splits a daily-report payload by day into {type}.{day}.{manifest}.{counter} files with Koku metadata', async () => {
    const store = new MemoryObjectStore();
    const summary = await convert(store, [podRecord({ hour: 22 }), podRecord({ hour: 23 }), podRecord({ day: '2025-10-02', hour: 0 })], { manifestId: 7 });
    assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.7.0_0.parquet', 'pod_usage.2025-10-02.7.0_0.parquet']);
    assert.deepEqual(await keysUnder(store, DAILY), ['pod_usage.2025-10-01.7.0_daily_0.parquet', 'pod_usage.2025-10-02.7.0_daily_0.parquet']);
    const head = await store.head(`${HOURLY}pod_usage.2025-10-01.7.0_0.parquet`);
    assert.deepEqual(head.metadata, { manifestid: '7', reportdatestart: '2025-10-01', reportnumhours: '2' });
    assert.equal(summary.rowsRead, 3);
    assert.equal(summary.written.length, 4);
  });

  it('takes ReportNumHours from the manifest hours_per_day when given', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [podRecord({ hour: 0 })], { hoursPerDay: { '2025-10-01': 24 } });
    assert.equal((await store.head(`${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`)).metadata.reportnumhours, '24');
  });

  it('writes Koku column types: dictionary strings, TIMESTAMP(ms) without zone, DOUBLE metrics, JSON labels', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [podRecord({ hour: 3, namespace: 'a&b', pod_labels: 'label_app:web|label_x:1:2' })]);
    const schema = await parquetSchema(store, `${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`);
    assert.equal(schema.namespace, 'Dictionary<Int32, Utf8>');
    assert.equal(schema.interval_start, 'Timestamp<MILLISECOND>');
    assert.equal(schema.pod_usage_cpu_core_seconds, 'Float64');
    assert.equal(schema.pod_effective_usage_cpu_core_seconds, 'Float64');
    const [row] = await parquetRows(store, `${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`);
    assert.equal(row.namespace, 'a&amp;b');
    assert.equal(row.pod_labels, '{"app": "web"}');
    assert.equal(row.interval_start, Date.UTC(2025, 9, 1, 3));
    const dailySchema = await parquetSchema(store, `${DAILY}pod_usage.2025-10-01.1.0_daily_0.parquet`);
    assert.equal(dailySchema.interval_end, undefined);
    assert.equal(dailySchema.node_role, 'Dictionary<Int32, Utf8>');
  });

  it('cuts chunks of chunkSize raw rows: one hourly and one daily file per chunk, daily keys repeat across files', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [0, 1, 2, 3, 4].map((hour) => podRecord({ hour })), { chunkSize: 2 });
    assert.deepEqual(await keysUnder(store, DAILY), [0, 1, 2].map((i) => `pod_usage.2025-10-01.1.0_daily_${i}.parquet`));
    const dailyRows = (await Promise.all([0, 1, 2].map((i) => parquetRows(store, `${DAILY}pod_usage.2025-10-01.1.0_daily_${i}.parquet`)))).flat();
    assert.equal(dailyRows.length, 3, 'the same (pod, day) key in each daily file');
    assert.equal(dailyRows.reduce((s, r) => s + (r.pod_usage_cpu_core_seconds as number), 0), 5 * 1800);
  });

  it('replaces same-day objects with fewer hours and skips a payload that has no more hours (spec §1 step 5)', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [0, 1].map((hour) => podRecord({ hour })), { manifestId: 1 });
    const second = await convert(store, [0, 1, 2].map((hour) => podRecord({ hour })), { manifestId: 2 });
    assert.deepEqual(second.deleted.map((k) => k.slice(k.lastIndexOf('/') + 1)).sort(), ['pod_usage.2025-10-01.1.0_0.parquet', 'pod_usage.2025-10-01.1.0_daily_0.parquet']);
    assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.2.0_0.parquet']);
    const third = await convert(store, [0, 1, 2].map((hour) => podRecord({ hour })), { manifestId: 3 });
    assert.equal(third.written.length, 0);
    assert.equal(third.skipped.length, 1);
    assert.match(third.skipped[0].reason, /ReportsAlreadyProcessed/);
    assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.2.0_0.parquet']);
  });

  it('numbers a second file of the same type, day and manifest with the next counter and keeps both', async () => {
    const store = new MemoryObjectStore();
    await convertToKokuParquet({
      inputs: [podCsv([podRecord({ hour: 0 })], 'a.csv'), podCsv([podRecord({ hour: 1, pod: 'web-2' })], 'b.csv')],
      store, schema: 'org1234567', providerType: 'OCP', providerUuid: OCP_UUID, manifestId: 5,
    });
    assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.5.0_0.parquet', 'pod_usage.2025-10-01.5.1_0.parquet']);
  });

  it('writes additive payloads unsplit under the CSV name with ReportNumHours 0 and never deletes', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [podRecord({ hour: 0 })], { manifestId: 1 });
    const summary = await convertToKokuParquet({
      inputs: [podCsv([podRecord({ hour: 5 }), podRecord({ day: '2025-10-02', hour: 1 })], 'abc_openshift_report.0.csv')],
      store, schema: 'org1234567', providerType: 'OCP', providerUuid: OCP_UUID, manifestId: 9, dailyReports: false,
    });
    assert.equal(summary.deleted.length, 0);
    assert.deepEqual(await keysUnder(store, HOURLY), ['abc_openshift_report.0_0.parquet', 'pod_usage.2025-10-01.1.0_0.parquet']);
    const head = await store.head(`${HOURLY}abc_openshift_report.0_0.parquet`);
    assert.deepEqual(head.metadata, { manifestid: '9', reportdatestart: '2025-10-01', reportnumhours: '0' });
    assert.equal((await parquetRows(store, `${DAILY}abc_openshift_report.0_daily_0.parquet`)).length, 2);
  });

  it('names the file when the header matches no report type, and rejects bad options', async () => {
    const store = new MemoryObjectStore();
    await assert.rejects(
      convertToKokuParquet({ inputs: [{ name: 'odd.csv', text: 'a,b\n1,2\n' }], store, schema: 's', providerType: 'OCP', providerUuid: OCP_UUID }),
      (err: unknown) => err instanceof UnknownReportTypeError && /odd\.csv/.test((err as Error).message),
    );
    await assert.rejects(convert(store, [], { providerUuid: 'nope' }), InvalidConvertOptionsError);
    await assert.rejects(convert(store, [], { chunkSize: 0 }), InvalidConvertOptionsError);
  });

  it('reads quoted cells, a BOM and blank lines like pandas', async () => {
    const store = new MemoryObjectStore();
    const text = `\uFEFF${csvText(POD_HEADER, [podRecord({ pod_labels: 'label_a:x,y' })])}\n\n`;
    await convertToKokuParquet({ inputs: [{ name: 'q.csv', text }], store, schema: 'org1234567', providerType: 'OCP', providerUuid: OCP_UUID });
    const [row] = await parquetRows(store, `${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`);
    assert.equal(row.pod_labels, '{"a": "x,y"}');
  });
});

describe('superseded objects: post-write dedup and explicit replacement', () => {
  it('selectManifestsToDelete keeps the manifest with more hours, ties to the higher id', () => {
    const groups = (a: string, b: string) => new Map([['7', [{ key: 'k7', reportNumHours: a }]], ['9', [{ key: 'k9', reportNumHours: b }]]]);
    assert.deepEqual(selectManifestsToDelete(groups('24', '12'), '9', 12), ['k9']);
    assert.deepEqual(selectManifestsToDelete(groups('12', '24'), '9', 24), ['k7']);
    assert.deepEqual(selectManifestsToDelete(groups('24', '24'), '9', 24), ['k7'], 'tie: higher id wins');
    assert.deepEqual(selectManifestsToDelete(groups('24', '24'), '7', 24), ['k7'], 'tie: lower id loses');
    assert.deepEqual(selectManifestsToDelete(new Map([['9', [{ key: 'k9', reportNumHours: '1' }]]]), '9', 1), []);
  });

  it('replaceExisting lets a re-run replace a day that Koku would skip', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [podRecord({ hour: 0 })], { manifestId: 1 });
    const rerun = await convert(store, [podRecord({ hour: 0, pod: 'web-2' })], { manifestId: 1, replaceExisting: true });
    assert.equal(rerun.skipped.length, 0);
    assert.equal(rerun.deleted.length, 2);
    const [row] = await parquetRows(store, `${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`);
    assert.equal(row.pod, 'web-2');
  });

  it('post-write dedup removes our own files when a same-day manifest with more hours remains', async () => {
    const store = new MemoryObjectStore();
    await convert(store, [podRecord({ hour: 0 })], { manifestId: 1, hoursPerDay: { '2025-10-01': 10 } });
    // A concurrent payload (manifest 2, 30 hours) landed meanwhile.
    const bytes = await store.get(`${HOURLY}pod_usage.2025-10-01.1.0_0.parquet`);
    await store.put(`${HOURLY}pod_usage.2025-10-01.2.0_0.parquet`, bytes, { metadata: { ManifestId: '2', ReportDateStart: '2025-10-01', ReportNumHours: '30' } });
    const third = await convert(store, [podRecord({ hour: 0 })], { manifestId: 3, hoursPerDay: { '2025-10-01': 20 }, postWriteDedup: true });
    const names = third.deleted.map((k) => k.slice(k.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(names, [
      'pod_usage.2025-10-01.1.0_0.parquet', 'pod_usage.2025-10-01.1.0_daily_0.parquet',
      'pod_usage.2025-10-01.3.0_0.parquet', 'pod_usage.2025-10-01.3.0_daily_0.parquet',
    ]);
    assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.2.0_0.parquet']);
  });
});


describe('CSV files on disk', () => {
  it('reads plain and gzipped report files by path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
    try {
      writeFileSync(join(dir, 'a.csv'), csvText(POD_HEADER, [podRecord({ hour: 0 })]));
      writeFileSync(join(dir, 'b.csv.gz'), gzipSync(csvText(POD_HEADER, [podRecord({ hour: 1, pod: 'web-2' })])));
      const store = new MemoryObjectStore();
      const summary = await convertToKokuParquet({ inputs: [join(dir, 'a.csv'), join(dir, 'b.csv.gz')], store, schema: 'org1234567', providerType: 'OCP', providerUuid: OCP_UUID });
      assert.equal(summary.rowsRead, 2);
      assert.deepEqual(await keysUnder(store, HOURLY), ['pod_usage.2025-10-01.1.0_0.parquet', 'pod_usage.2025-10-01.1.1_0.parquet']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
