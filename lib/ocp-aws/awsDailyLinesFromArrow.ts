import { ArrowColumnReader } from './arrowColumnReader.js';
import type { ArrowInput, AwsDailyLine } from './types.js';

/** Without these a line has no identity, day or resource; everything else defaults like Koku's post-processor. */
const REQUIRED = ['row_uuid', 'lineitem_resourceid', 'lineitem_usagestartdate', 'lineitem_unblendedcost'] as const;

const STRING_COLUMNS = [
  'bill_billingentity',
  'bill_payeraccountid',
  'lineitem_usageaccountid',
  'lineitem_productcode',
  'product_productname',
  'lineitem_availabilityzone',
  'product_productfamily',
  'product_instancetype',
  'product_region',
  'pricing_unit',
  'lineitem_currencycode',
  'lineitem_lineitemtype',
  'lineitem_usagetype',
  'lineitem_operation',
  'resourcetags',
  'costcategory',
] as const;

const NUMBER_COLUMNS = [
  'lineitem_usageamount',
  'lineitem_blendedcost',
  'savingsplan_savingsplaneffectivecost',
] as const;

/** Every column `awsDailyLinesFromArrow` reads: the projection for reading Koku's AWS daily Parquet. */
export const AWS_DAILY_LINE_COLUMNS: readonly string[] = [...REQUIRED, ...STRING_COLUMNS, ...NUMBER_COLUMNS];

/**
 * Turns an Arrow Table or RecordBatch of Koku's AWS **daily** Parquet (spec §1.1) into `AwsDailyLine`s. Absent
 * optional columns read as `""` / `0.0`, as Koku's post-processor fills them; rows without a usable start date are
 * dropped (no day can select them). `subject` (e.g. the object key) names the input in errors.
 *
 * @example awsDailyLinesFromArrow(table, 'data/parquet/daily/org1/AWS/raw/source=…/x_daily_0.parquet')
 */
export function awsDailyLinesFromArrow(input: ArrowInput, subject = 'AWS daily table'): AwsDailyLine[] {
  const reader = new ArrowColumnReader(input, subject);
  for (const name of REQUIRED) reader.column(name, true);
  const rowUuid = reader.string('row_uuid', true);
  const resourceId = reader.string('lineitem_resourceid', true);
  const start = reader.timestampMs('lineitem_usagestartdate');
  const unblended = reader.number('lineitem_unblendedcost', true);
  const strings = STRING_COLUMNS.map((name) => [name, reader.string(name)] as const);
  const numbers = NUMBER_COLUMNS.map((name) => [name, reader.number(name)] as const);
  const out: AwsDailyLine[] = [];
  for (let i = 0; i < reader.numRows; i++) {
    const ms = start(i);
    if (!Number.isFinite(ms)) continue;
    const line: Record<string, unknown> = {
      row_uuid: rowUuid(i),
      lineitem_resourceid: resourceId(i),
      lineitem_usagestartdate: new Date(ms),
      lineitem_unblendedcost: unblended(i),
    };
    for (const [name, read] of strings) line[name] = read(i);
    for (const [name, read] of numbers) line[name] = read(i);
    out.push(line as unknown as AwsDailyLine);
  }
  return out;
}
