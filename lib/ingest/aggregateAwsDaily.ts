import { aggregateDaily } from './aggregateDaily.js';
import { AWS_DAILY_AGGREGATES, AWS_DAILY_GROUP_BY, AWS_DAY_COLUMN, AWS_ROW_UUID_COLUMN } from './constants.js';
import type { ColumnarChunk, StringColumn } from './types.js';

/**
 * Koku's AWS daily frame (`AWSPostProcessor._generate_daily_data`, ocp-on-aws §1.1): group by resource, UTC day and
 * the descriptive columns (tags and cost categories included) with `dropna=False`, sum usage and costs, max rates
 * and descriptions, then give every daily row a fresh `row_uuid`. Key or aggregate columns the CUR lacks are
 * treated as empty strings rather than failing as pandas would.
 *
 * @example
 * const daily = aggregateAwsDaily(hourly, () => crypto.randomUUID());
 */
export function aggregateAwsDaily(chunk: ColumnarChunk, rowUuid: () => string): ColumnarChunk {
  const filled = withEmptyColumns(chunk, [...AWS_DAILY_GROUP_BY, ...AWS_DAILY_AGGREGATES.map(([name]) => name)]);
  const daily = aggregateDaily(filled, {
    groupBy: AWS_DAILY_GROUP_BY,
    dayColumn: AWS_DAY_COLUMN,
    aggregates: AWS_DAILY_AGGREGATES,
    nullColumns: [],
  });
  const uuids: string[] = Array.from({ length: daily.length }, () => rowUuid());
  const column: StringColumn = { kind: 'string', dictionary: uuids, codes: Int32Array.from(uuids, (_, i) => i) };
  return { length: daily.length, names: [...daily.names, AWS_ROW_UUID_COLUMN], columns: { ...daily.columns, [AWS_ROW_UUID_COLUMN]: column } };
}

function withEmptyColumns(chunk: ColumnarChunk, names: readonly string[]): ColumnarChunk {
  const missing = names.filter((name) => chunk.columns[name] === undefined);
  if (missing.length === 0) return chunk;
  const columns = { ...chunk.columns };
  for (const name of missing) columns[name] = { kind: 'string', dictionary: [''], codes: new Int32Array(chunk.length) };
  return { length: chunk.length, names: [...chunk.names, ...missing], columns };
}
