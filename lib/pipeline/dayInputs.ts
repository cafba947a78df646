import { dayRangeMs, daysBetweenMs } from '../common/days.js';
import { fileNameDate, monthPrefix } from '../layout/index.js';
import { pruneRowGroups, readParquetFooter } from '../parquet/index.js';
import type { ObjectInfo, ObjectStore } from '../store/types.js';
import { OCP_INPUTS } from './ocpInputs.js';
import type { DayInputObject, DayTask, OcpInputRole } from './types.js';

type SourceMonth = Omit<DayTask, 'day'>;

interface ListedObject extends ObjectInfo {
  role: OcpInputRole;
}

/**
 * The objects that can hold rows of `task.day`, per input role. A Koku file name carries a date only when the
 * operator's report was split by day (spec §1 step 3), so a dated object holds exactly that day; an undated object
 * (additive operators) is judged by its footer statistics of `interval_start`, and only overlapping row groups are kept.
 */
export async function listOcpDayInputs(store: ObjectStore, task: DayTask): Promise<DayInputObject[]> {
  const [from, to] = dayRangeMs(task.day);
  const out: DayInputObject[] = [];
  for (const obj of await listOcpMonthObjects(store, task)) {
    const date = fileNameDate(baseName(obj.key));
    if (date !== null) {
      if (date === task.day) out.push(toInput(obj));
      continue;
    }
    const footer = await readFooter(store, obj);
    const rowGroups = pruneRowGroups(footer, 'interval_start', from, to);
    if (rowGroups.length > 0) out.push({ ...toInput(obj), rowGroups });
  }
  return out;
}

/** The days of the month that have OCP pod or storage data (for replays without days and for the CLI). */
export async function listOcpDaysWithData(store: ObjectStore, sourceMonth: SourceMonth): Promise<string[]> {
  const days = new Set<string>();
  for (const obj of await listOcpMonthObjects(store, sourceMonth)) {
    if (obj.role !== 'podDaily' && obj.role !== 'storageDaily') continue;
    const date = fileNameDate(baseName(obj.key));
    if (date !== null) {
      days.add(date);
      continue;
    }
    const footer = await readFooter(store, obj);
    for (const rg of footer.rowGroups) {
      const stats = rg.stats.interval_start;
      if (!stats || typeof stats.min !== 'number' || typeof stats.max !== 'number') continue;
      for (const d of daysBetweenMs(stats.min, stats.max)) days.add(d);
    }
  }
  const monthTag = `${sourceMonth.year}-${String(sourceMonth.month).padStart(2, '0')}-`;
  return [...days].filter((d) => d.startsWith(monthTag)).sort();
}

/** Every input prefix of the month, listed at once (one round trip, not five, before a day task can start). */
async function listOcpMonthObjects(store: ObjectStore, sm: SourceMonth): Promise<ListedObject[]> {
  const listed = await Promise.all(
    OCP_INPUTS.map(async (input) => {
      const prefix = monthPrefix({
        daily: input.daily,
        account: sm.account,
        providerType: 'OCP',
        reportType: input.reportType,
        providerUuid: sm.providerUuid,
        year: sm.year,
        month: sm.month,
      });
      // The hourly prefix is not a prefix of the daily one, but a file in a nested folder is not Koku's.
      const isKokus = (key: string) => key.endsWith('.parquet') && !key.slice(prefix.length).includes('/');
      return (await store.list(prefix)).filter((obj) => isKokus(obj.key)).map((obj) => ({ ...obj, role: input.role }));
    }),
  );
  return listed.flat();
}

async function readFooter(store: ObjectStore, obj: ObjectInfo) {
  const { blob, release } = await store.openBlob(obj.key, obj.size);
  try {
    return await readParquetFooter(blob, obj.key);
  } finally {
    await release();
  }
}

function toInput(obj: ListedObject): DayInputObject {
  return { key: obj.key, etag: obj.etag, size: obj.size, role: obj.role };
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
