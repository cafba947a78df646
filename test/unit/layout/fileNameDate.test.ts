import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileNameDate } from '../../../lib/layout/fileNameDate.js';

describe('fileNameDate', () => {
  it('finds the date in Koku file names and keys', () => {
    assert.equal(fileNameDate('pod_usage.2024-03-15.4711.0_0.parquet'), '2024-03-15');
    assert.equal(fileNameDate('storage_usage.2024-02-29.1.3_daily_2.parquet'), '2024-02-29');
    assert.equal(fileNameDate('data/parquet/2023-01-01/x/pod_usage.2024-03-15.1.0_0.parquet'), '2024-03-15');
  });

  it('returns null when there is no real date', () => {
    assert.equal(fileNameDate('koku-1_daily_0.parquet'), null);
    assert.equal(fileNameDate('pod_usage.2023-02-29.1.0_0.parquet'), null);
    assert.equal(fileNameDate('x.12024-03-150.parquet'), null);
  });
});
