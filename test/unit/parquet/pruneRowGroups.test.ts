import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Table, TimestampMicrosecond, vectorFromArray } from 'apache-arrow';
import { pruneRowGroups } from '../../../lib/parquet/pruneRowGroups.js';
import { readParquetFooter } from '../../../lib/parquet/readParquetFooter.js';
import { writeParquet } from '../../../lib/parquet/writeParquet.js';
import type { ParquetFooter } from '../../../lib/parquet/types.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MAR15 = Date.UTC(2024, 2, 15);

describe('pruneRowGroups', () => {
  it('keeps the row groups whose interval_start range overlaps the day (footer of a real file)', async () => {
    // 72 hourly rows over Mar 15-17, row groups of 20 rows: [0h-19h] [20h-39h] [40h-59h] [60h-71h].
    const times = Array.from({ length: 72 }, (_, i) => MAR15 + i * HOUR);
    const table = new Table({ interval_start: vectorFromArray(times, new TimestampMicrosecond()) });
    const footer = await readParquetFooter(new Blob([writeParquet(table, { rowGroupSize: 20 }) as Uint8Array<ArrayBuffer>]), 'f');
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15, MAR15 + DAY), [0, 1]);
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15 + DAY, MAR15 + 2 * DAY), [1, 2]);
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15 + 2 * DAY, MAR15 + 3 * DAY), [2, 3]);
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15 + 3 * DAY, MAR15 + 4 * DAY), []);
    // The end is exclusive: a group starting exactly at toMsExclusive is out.
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15 - DAY, MAR15), []);
  });

  it('keeps groups it cannot judge and drops empty or all-NULL ones', () => {
    const footer: ParquetFooter = {
      numRows: 30,
      columns: ['interval_start'],
      keyValueMetadata: {},
      createdBy: null,
      rowGroups: [
        { index: 0, numRows: 10, stats: {} },
        { index: 1, numRows: 0, stats: {} },
        { index: 2, numRows: 10, stats: { interval_start: { min: null, max: null, nullCount: 10 } } },
        { index: 3, numRows: 10, stats: { interval_start: { min: 'a', max: 'b', nullCount: 0 } } },
        { index: 4, numRows: 10, stats: { interval_start: { min: MAR15, max: null, nullCount: 0 } } },
      ],
    };
    assert.deepEqual(pruneRowGroups(footer, 'interval_start', MAR15 + DAY, MAR15 + 2 * DAY), [0, 3, 4]);
  });
});
