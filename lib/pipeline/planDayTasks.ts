import { dayRangeMs, daysBetweenMs, isoDay } from '../common/days.js';
import type { Logger } from '../common/logger.js';
import { decodeS3EventKey, parseObjectKey } from '../layout/index.js';
import type { KokuObjectKey } from '../layout/types.js';
import { readParquetFooter } from '../parquet/index.js';
import type { ObjectStore } from '../store/types.js';
import { daysOfAwsObject, listAwsDaysWithData } from './awsDayInputs.js';
import { listOcpDaysWithData } from './dayInputs.js';
import { OCP_INPUTS } from './ocpInputs.js';
import type { IngestMessage } from './messages.js';
import type { DayTask } from './types.js';

/** Report types the summary reads; others (vm_usage, gpu_usage) are acknowledged without work (spec §2.3). */
const SUMMARISED_REPORT_TYPES = new Set(OCP_INPUTS.map((i) => i.reportType));

export interface PlannedTasks {
  tasks: DayTask[];
  /** Replays commit even when the ledger already holds the same result. */
  force: boolean;
}

/**
 * Turns one ingest message into the day tasks it asks for. A day task is a pure function of the objects present,
 * so duplicates (repeated or double S3 events) only cost work, never correctness.
 */
export async function planDayTasks(store: ObjectStore, message: IngestMessage, logger: Logger): Promise<PlannedTasks> {
  if (message.kind === 'test') return { tasks: [], force: false };
  if (message.kind === 'replay') {
    const { type: _type, days, ...sourceMonth } = message.replay;
    const listDays = sourceMonth.providerType === 'AWS' ? listAwsDaysWithData : listOcpDaysWithData;
    const replayDays = days ? days.map((d) => isoDay(sourceMonth.year, sourceMonth.month, d)) : await listDays(store, sourceMonth);
    return { tasks: replayDays.map((day) => ({ ...sourceMonth, day })), force: true };
  }
  const tasks: DayTask[] = [];
  for (const obj of message.objects) {
    const parsed = parseObjectKey(decodeS3EventKey(obj.rawKey));
    if (parsed.providerType === 'AWS') {
      // Daily and raw AWS objects both feed OCP on AWS (raw ones only the disk capacity, ocp-on-aws spec §4.1).
      for (const day of await daysOfAwsObject(store, parsed)) if (inMonth(day, parsed)) tasks.push(dayTask(parsed, day));
      continue;
    }
    if (parsed.reportType && !SUMMARISED_REPORT_TYPES.has(parsed.reportType)) {
      logger.info('object not used by the OCP daily summary; acknowledged', { key: parsed.key });
      continue;
    }
    for (const day of await daysOfObject(store, parsed)) tasks.push(dayTask(parsed, day));
  }
  return { tasks: dedupeTasks(tasks), force: false };
}

export function dayTaskId(t: DayTask): string {
  return `${t.account}/${t.providerType}/${t.providerUuid}/${t.day}`;
}

export function dedupeTasks(tasks: DayTask[]): DayTask[] {
  return [...new Map(tasks.map((t) => [dayTaskId(t), t])).values()];
}

/** The file-name date when the report was split by day, otherwise the span of the footer's `interval_start`. */
async function daysOfObject(store: ObjectStore, key: KokuObjectKey): Promise<string[]> {
  if (key.fileDate) return [key.fileDate];
  const { blob, release } = await store.openBlob(key.key);
  try {
    const footer = await readParquetFooter(blob, key.key);
    const days = new Set<string>();
    for (const rg of footer.rowGroups) {
      const s = rg.stats.interval_start;
      if (s && typeof s.min === 'number' && typeof s.max === 'number') for (const d of daysBetweenMs(s.min, s.max)) days.add(d);
    }
    const [monthStart] = dayRangeMs(isoDay(key.year, key.month, 1));
    const monthTag = new Date(monthStart).toISOString().slice(0, 8);
    return [...days].filter((d) => d.startsWith(monthTag)).sort();
  } finally {
    await release();
  }
}

function inMonth(day: string, key: KokuObjectKey): boolean {
  return day.startsWith(`${key.year}-${String(key.month).padStart(2, '0')}-`);
}

function dayTask(key: KokuObjectKey, day: string): DayTask {
  return { account: key.account, providerType: key.providerType, providerUuid: key.providerUuid, year: key.year, month: key.month, day };
}
