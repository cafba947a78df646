import { ArrowColumnReader } from './arrowColumnReader.js';
import type { ArrowInput, AwsRawLine } from './types.js';

/** Every column `awsRawLinesFromArrow` reads: the projection for reading Koku's AWS raw Parquet. */
export const AWS_RAW_LINE_COLUMNS: readonly string[] = ['lineitem_resourceid', 'lineitem_usagestartdate', 'lineitem_unblendedcost', 'lineitem_unblendedrate'];

/**
 * Turns an Arrow Table or RecordBatch of Koku's **raw** AWS Parquet (`aws_line_items`, spec §1.1) into the
 * `AwsRawLine`s disk capacity needs (§4.1). With `resourceIds` (see `diskCapacityResourceIds`) only those
 * resources' rows are kept, so an hourly month stays small. Rows without a usable start date are dropped.
 *
 * @example awsRawLinesFromArrow(batch, key, diskCapacityResourceIds(awsDaily, clusters))
 */
export function awsRawLinesFromArrow(
  input: ArrowInput,
  subject = 'AWS raw table',
  resourceIds?: ReadonlySet<string>,
): AwsRawLine[] {
  const reader = new ArrowColumnReader(input, subject);
  const resourceId = reader.string('lineitem_resourceid', true);
  const start = reader.timestampMs('lineitem_usagestartdate');
  const cost = reader.number('lineitem_unblendedcost', true);
  const rate = reader.number('lineitem_unblendedrate', true);
  const out: AwsRawLine[] = [];
  for (let i = 0; i < reader.numRows; i++) {
    const id = resourceId(i);
    if (resourceIds !== undefined && !resourceIds.has(id)) continue;
    const ms = start(i);
    if (!Number.isFinite(ms)) continue;
    out.push({
      lineitem_resourceid: id,
      lineitem_usagestartdate: new Date(ms),
      lineitem_unblendedcost: cost(i),
      lineitem_unblendedrate: rate(i),
    });
  }
  return out;
}
