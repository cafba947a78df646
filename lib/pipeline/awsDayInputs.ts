import { dayRangeMs, daysBetweenMs } from '../common/days.js';
import { fileNameDate, monthPrefix } from '../layout/index.js';
import { pruneRowGroups, readParquetFooter } from '../parquet/index.js';
import type { ParquetFooter } from '../parquet/types.js';
import type { ObjectInfo, ObjectStore } from '../store/types.js';
import { AWS_USAGE_START_COLUMN } from './constants.js';
import type { DayTask } from './types.js';

type SourceMonth = Omit<DayTask, 'day'>;

/** One AWS object that can hold rows of a day; `rowGroups` undefined means all row groups. */
export interface AwsDayInputObject {
  key: string;
  etag: string;
  size: number;
  /** `awsDaily`: `aws_line_items_daily` (everything); `awsRaw`: `aws_line_items` (disk capacity only, spec §4.1). */
  role: 'awsDaily' | 'awsRaw';
  rowGroups?: number[];
}

interface ListedObject extends ObjectInfo {
  role: AwsDayInputObject['role'];
}

/**
 * The AWS daily and raw objects of an AWS source-month that can hold rows of `task.day` (ocp-on-aws spec §1.1).
 * Koku cuts a CUR into one file per day (`{YYYY-MM-DD}_manifestid-…`), so a dated object holds exactly its day; an
 * undated one is judged by its footer statistics of `lineitem_usagestartdate`, keeping only overlapping row groups.
 *
 * @example await listAwsDayInputs(store, { account: 'org1', providerType: 'AWS', providerUuid, year: 2025, month: 10, day: '2025-10-01' })
 */
export async function listAwsDayInputs(store: ObjectStore, task: DayTask): Promise<AwsDayInputObject[]> {
  const [from, to] = dayRangeMs(task.day);
  const out: AwsDayInputObject[] = [];
  for (const obj of await listAwsMonthObjects(store, task)) {
    const date = fileNameDate(obj.key);
    if (date !== null) {
      if (date === task.day) out.push(toInput(obj));
      continue;
    }
    const rowGroups = pruneRowGroups(await readFooter(store, obj), AWS_USAGE_START_COLUMN, from, to);
    if (rowGroups.length > 0) out.push({ ...toInput(obj), rowGroups });
  }
  return out;
}

/** The days of the month the AWS source's daily objects have rows for (replays without days, the CLI). */
export async function listAwsDaysWithData(store: ObjectStore, sourceMonth: SourceMonth): Promise<string[]> {
  const days = new Set<string>();
  for (const obj of await listAwsMonthObjects(store, sourceMonth)) {
    if (obj.role !== 'awsDaily') continue;
    for (const day of await daysOfAwsObject(store, obj)) days.add(day);
  }
  const monthTag = `${sourceMonth.year}-${String(sourceMonth.month).padStart(2, '0')}-`;
  return [...days].filter((d) => d.startsWith(monthTag)).sort();
}

/** The days one AWS object holds: its file-name date, else the span of its footer's `lineitem_usagestartdate`. */
export async function daysOfAwsObject(store: ObjectStore, obj: { key: string; size?: number }): Promise<string[]> {
  const date = fileNameDate(obj.key);
  if (date !== null) return [date];
  const days = new Set<string>();
  for (const rg of (await readFooter(store, obj)).rowGroups) {
    const s = rg.stats[AWS_USAGE_START_COLUMN];
    if (s && typeof s.min === 'number' && typeof s.max === 'number') for (const d of daysBetweenMs(s.min, s.max)) days.add(d);
  }
  return [...days].sort();
}

/** The daily and raw prefixes of the month, listed at once. */
async function listAwsMonthObjects(store: ObjectStore, sm: SourceMonth): Promise<ListedObject[]> {
  const listed = await Promise.all(
    [true, false].map(async (daily) => {
      const prefix = monthPrefix({ daily, account: sm.account, providerType: 'AWS', providerUuid: sm.providerUuid, year: sm.year, month: sm.month });
      // A file in a nested folder is not Koku's.
      const isKokus = (key: string) => key.endsWith('.parquet') && !key.slice(prefix.length).includes('/');
      const role: ListedObject['role'] = daily ? 'awsDaily' : 'awsRaw';
      return (await store.list(prefix)).filter((obj) => isKokus(obj.key)).map((obj) => ({ ...obj, role }));
    }),
  );
  return listed.flat();
}

async function readFooter(store: ObjectStore, obj: { key: string; size?: number }): Promise<ParquetFooter> {
  const { blob, release } = await store.openBlob(obj.key, obj.size);
  try {
    return await readParquetFooter(blob, obj.key);
  } finally {
    await release();
  }
}

function toInput(obj: ListedObject): AwsDayInputObject {
  return { key: obj.key, etag: obj.etag, size: obj.size, role: obj.role };
}
