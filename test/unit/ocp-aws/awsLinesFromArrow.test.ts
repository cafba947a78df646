import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Float64, Int64, Table, TimestampMicrosecond, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { awsDailyLinesFromArrow } from '../../../lib/ocp-aws/awsDailyLinesFromArrow.js';
import { awsRawLinesFromArrow } from '../../../lib/ocp-aws/awsRawLinesFromArrow.js';
import { InvalidAwsLineTableError } from '../../../lib/ocp-aws/errors.js';

const day = new Date('2025-10-01T00:00:00Z');

describe('awsDailyLinesFromArrow', () => {
  it('reads Koku daily columns (dictionary and plain strings, ms timestamps) and defaults absent optional ones', () => {
    const table = new Table({
      row_uuid: vectorFromArray(['u1', 'u2']),
      lineitem_resourceid: vectorFromArray(['i-0abc', null], new Utf8()),
      lineitem_usagestartdate: vectorFromArray([day, day], new TimestampMillisecond()),
      lineitem_unblendedcost: vectorFromArray([2.4, null], new Float64()),
      lineitem_usageamount: vectorFromArray([24n, 1n], new Int64()),
      resourcetags: vectorFromArray(['{"env": "prod"}', '{}']),
      lineitem_lineitemtype: vectorFromArray(['Usage', 'Tax']),
    });
    const lines = awsDailyLinesFromArrow(table, 'daily.parquet');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[0], {
      row_uuid: 'u1',
      lineitem_resourceid: 'i-0abc',
      lineitem_usagestartdate: day,
      lineitem_unblendedcost: 2.4,
      bill_billingentity: '',
      bill_payeraccountid: '',
      lineitem_usageaccountid: '',
      lineitem_productcode: '',
      product_productname: '',
      lineitem_availabilityzone: '',
      product_productfamily: '',
      product_instancetype: '',
      product_region: '',
      pricing_unit: '',
      lineitem_currencycode: '',
      lineitem_lineitemtype: 'Usage',
      lineitem_usagetype: '',
      lineitem_operation: '',
      resourcetags: '{"env": "prod"}',
      costcategory: '',
      lineitem_usageamount: 24,
      lineitem_blendedcost: 0,
      savingsplan_savingsplaneffectivecost: 0,
    });
    assert.equal(lines[1].lineitem_resourceid, '');
    assert.equal(lines[1].lineitem_unblendedcost, 0);
  });

  it('reads a RecordBatch and microsecond timestamps; drops rows without a start date', () => {
    const table = new Table({
      row_uuid: vectorFromArray(['u1', 'u2']),
      lineitem_resourceid: vectorFromArray(['a', 'b']),
      lineitem_usagestartdate: vectorFromArray([day, null], new TimestampMicrosecond()),
      lineitem_unblendedcost: vectorFromArray([1, 2], new Float64()),
    });
    const lines = awsDailyLinesFromArrow(table.batches[0]);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].lineitem_usagestartdate.getTime(), day.getTime());
  });

  it('names the object and the column when a required column is missing', () => {
    const table = new Table({ row_uuid: vectorFromArray(['u1']) });
    assert.throws(
      () => awsDailyLinesFromArrow(table, 'data/parquet/daily/org1/AWS/raw/x.parquet'),
      (err: unknown) =>
        err instanceof InvalidAwsLineTableError &&
        /data\/parquet\/daily\/org1\/AWS\/raw\/x\.parquet: missing required column lineitem_resourceid/.test(err.message),
    );
  });
});

describe('awsRawLinesFromArrow', () => {
  it('keeps only the requested resources', () => {
    const table = new Table({
      lineitem_resourceid: vectorFromArray(['vol-1', 'i-2']),
      lineitem_usagestartdate: vectorFromArray([day, day], new TimestampMillisecond()),
      lineitem_unblendedcost: vectorFromArray([0.01, 0.5], new Float64()),
      lineitem_unblendedrate: vectorFromArray([0.08, 0.1], new Float64()),
    });
    assert.deepEqual(awsRawLinesFromArrow(table, 'raw', new Set(['vol-1'])), [
      { lineitem_resourceid: 'vol-1', lineitem_usagestartdate: day, lineitem_unblendedcost: 0.01, lineitem_unblendedrate: 0.08 },
    ]);
    assert.throws(() => awsRawLinesFromArrow(new Table({ lineitem_resourceid: vectorFromArray(['x']) })), InvalidAwsLineTableError);
  });
});
