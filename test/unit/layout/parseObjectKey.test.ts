import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnknownKeyLayoutError } from '../../../lib/layout/errors.js';
import { parseObjectKey } from '../../../lib/layout/parseObjectKey.js';

const UUID = '0b9c3d4e-1f2a-4b5c-8d6e-7f8091a2b3c4';

function reasonOf(key: string): string {
  try {
    parseObjectKey(key);
  } catch (err) {
    assert.ok(err instanceof UnknownKeyLayoutError);
    assert.equal(err.key, key);
    assert.ok(err.message.includes(key), 'the message names the key');
    return err.reason;
  }
  assert.fail(`expected ${key} to be rejected`);
}

describe('parseObjectKey', () => {
  it('parses an OCP hourly key', () => {
    const key = `data/parquet/org1234567/OCP/pod_usage/source=${UUID}/year=2024/month=03/pod_usage.2024-03-15.4711.0_0.parquet`;
    assert.deepEqual(parseObjectKey(key), {
      key,
      account: 'org1234567',
      providerType: 'OCP',
      reportType: 'pod_usage',
      granularity: 'hourly',
      providerUuid: UUID,
      year: 2024,
      month: 3,
      fileName: 'pod_usage.2024-03-15.4711.0_0.parquet',
      fileDate: '2024-03-15',
    });
  });

  it('parses an OCP daily key of every report type', () => {
    for (const reportType of ['pod_usage', 'storage_usage', 'node_labels', 'namespace_labels', 'vm_usage', 'gpu_usage']) {
      const key = `data/parquet/daily/10001/OCP/${reportType}/source=${UUID}/year=2025/month=10/${reportType}.2025-10-01.1.0_daily_0.parquet`;
      const parsed = parseObjectKey(key);
      assert.equal(parsed.granularity, 'daily');
      assert.equal(parsed.reportType, reportType);
      assert.equal(parsed.account, '10001');
      assert.equal(parsed.month, 10);
      assert.equal(parsed.fileDate, '2025-10-01');
    }
  });

  it('parses AWS raw and daily keys (no report type, daily has "raw")', () => {
    const raw = parseObjectKey(`data/parquet/org1/AWS/source=${UUID}/year=2024/month=01/koku-1_0.parquet`);
    assert.equal(raw.providerType, 'AWS');
    assert.equal(raw.reportType, null);
    assert.equal(raw.granularity, 'hourly');
    assert.equal(raw.fileDate, null);
    const daily = parseObjectKey(`data/parquet/daily/org1/AWS/raw/source=${UUID}/year=2024/month=01/koku-1_daily_0.parquet`);
    assert.equal(daily.granularity, 'daily');
    assert.equal(daily.month, 1);
  });

  it('keeps spaces and "=" in the account and file name', () => {
    const key = `data/parquet/org 1=x/OCP/pod_usage/source=${UUID}/year=2024/month=03/my pod=usage.2024-03-15.1.0_0.parquet`;
    const parsed = parseObjectKey(key);
    assert.equal(parsed.account, 'org 1=x');
    assert.equal(parsed.fileName, 'my pod=usage.2024-03-15.1.0_0.parquet');
    assert.equal(parsed.fileDate, '2024-03-15');
  });

  it('says which segment is wrong', () => {
    const base = `source=${UUID}/year=2024/month=03/f.parquet`;
    assert.match(reasonOf(`data/csv/org1/OCP/pod_usage/${base}`), /must start with 'data\/parquet\/'/);
    assert.match(reasonOf(`data/parquet/org1/GCP/pod_usage/${base}`), /provider type segment 'GCP'/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pods/${base}`), /report type segment 'pods' is not one of pod_usage/);
    assert.match(reasonOf(`data/parquet/daily/org1/AWS/${base}`), /AWS daily keys have 'raw' after 'AWS', found 'source=/);
    assert.match(reasonOf(`data/parquet/org1/AWS/raw/${base}`), /'raw' only appears in daily AWS keys/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=abc/year=2024/month=03/f.parquet`), /does not hold a provider uuid/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=24/month=03/f.parquet`), /year segment 'year=24'/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=3/f.parquet`), /month segment 'month=3' .*zero-padded/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=13/f.parquet`), /month segment 'month=13'/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=03/f.csv`), /file name 'f.csv'/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=03/x/f.parquet`), /one file name after 'month=03', found 'x\/f.parquet'/);
    assert.match(reasonOf(`data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=03`), /file name missing/);
    assert.match(reasonOf(`data/parquet/org1/OCP`), /report type segment missing after 'data\/parquet\/org1\/OCP'/);
    assert.match(reasonOf(`data/parquet//OCP/pod_usage/${base}`), /account segment is empty/);
  });
});
