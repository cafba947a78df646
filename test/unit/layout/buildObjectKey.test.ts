import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildObjectKey } from '../../../lib/layout/buildObjectKey.js';
import { InvalidKeyPartsError } from '../../../lib/layout/errors.js';
import { monthPrefix } from '../../../lib/layout/monthPrefix.js';
import { parseObjectKey } from '../../../lib/layout/parseObjectKey.js';
import type { ObjectKeyParts } from '../../../lib/layout/types.js';

const UUID = '0b9c3d4e-1f2a-4b5c-8d6e-7f8091a2b3c4';

describe('monthPrefix', () => {
  it('builds the four Koku prefixes with a zero-padded month', () => {
    const common = { account: 'org1', providerUuid: UUID, year: 2024, month: 3 };
    assert.equal(
      monthPrefix({ ...common, daily: false, providerType: 'OCP', reportType: 'pod_usage' }),
      `data/parquet/org1/OCP/pod_usage/source=${UUID}/year=2024/month=03/`,
    );
    assert.equal(
      monthPrefix({ ...common, daily: true, providerType: 'OCP', reportType: 'storage_usage' }),
      `data/parquet/daily/org1/OCP/storage_usage/source=${UUID}/year=2024/month=03/`,
    );
    assert.equal(monthPrefix({ ...common, daily: false, providerType: 'AWS' }), `data/parquet/org1/AWS/source=${UUID}/year=2024/month=03/`);
    assert.equal(
      monthPrefix({ ...common, daily: true, providerType: 'AWS', reportType: null }),
      `data/parquet/daily/org1/AWS/raw/source=${UUID}/year=2024/month=03/`,
    );
  });

  it('rejects parts that cannot form a key', () => {
    const ok = { daily: true, account: 'org1', providerType: 'OCP' as const, reportType: 'pod_usage' as const, providerUuid: UUID, year: 2024, month: 3 };
    assert.throws(() => monthPrefix({ ...ok, month: 13 }), InvalidKeyPartsError);
    assert.throws(() => monthPrefix({ ...ok, year: 24 }), /not a 4-digit year/);
    assert.throws(() => monthPrefix({ ...ok, account: '' }), /account segment is empty/);
    assert.throws(() => monthPrefix({ ...ok, providerUuid: 'abc' }), /is not a uuid/);
    assert.throws(() => monthPrefix({ ...ok, reportType: undefined }), /OCP needs a report type/);
    assert.throws(() => monthPrefix({ ...ok, providerType: 'AWS' }), /AWS keys have no report type/);
  });
});

describe('buildObjectKey', () => {
  it('is the inverse of parseObjectKey', () => {
    const cases: ObjectKeyParts[] = [
      { granularity: 'daily', account: 'org1', providerType: 'OCP', reportType: 'pod_usage', providerUuid: UUID, year: 2024, month: 3, fileName: 'pod_usage.2024-03-15.4711.0_daily_0.parquet' },
      { granularity: 'hourly', account: '10001', providerType: 'OCP', reportType: 'node_labels', providerUuid: UUID, year: 2025, month: 12, fileName: 'a b=c.parquet' },
      { granularity: 'daily', account: 'org1', providerType: 'AWS', reportType: null, providerUuid: UUID, year: 2024, month: 1, fileName: 'koku-1_daily_0.parquet' },
      { granularity: 'hourly', account: 'org1', providerType: 'AWS', reportType: null, providerUuid: UUID, year: 2024, month: 1, fileName: 'koku-1_0.parquet' },
    ];
    for (const parts of cases) {
      const key = buildObjectKey(parts);
      const { key: parsedKey, fileDate: _fileDate, ...parsed } = parseObjectKey(key);
      assert.equal(parsedKey, key);
      assert.deepEqual(parsed, parts);
    }
  });

  it('rejects file names with "/" or without .parquet', () => {
    const parts: ObjectKeyParts = { granularity: 'daily', account: 'org1', providerType: 'AWS', reportType: null, providerUuid: UUID, year: 2024, month: 1, fileName: 'x/y.parquet' };
    assert.throws(() => buildObjectKey(parts), InvalidKeyPartsError);
    assert.throws(() => buildObjectKey({ ...parts, fileName: 'y.csv' }), InvalidKeyPartsError);
  });
});
