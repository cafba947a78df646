import type { ProviderType } from '../lib/layout/types.js';
import { accountForSchema } from '../lib/layout/index.js';
import type { DayTask } from '../lib/pipeline/types.js';
import type { ObjectStore } from '../lib/store/types.js';
import { openStore, parseStoreSpec, type StoreSpec } from './objectStores.js';
import { daysOfMonth } from './options.js';

/** What a summarise command is asked to read: whose Parquet, where, and which days of which month. */
export interface MonthSelection {
  source: string;
  schema: string;
  /** The account segment of the object keys, when it is not derived from the schema (e.g. a shadow schema). */
  account?: string;
  month: { year: number; month: number };
  days?: number[];
}

/** A kind of Parquet a summarise command starts from. */
export interface SourceData {
  providerType: ProviderType;
  /** Where its objects are under `data/parquet/daily/<account>/`, so "no data" says where we looked. */
  keyDir: string;
  listDaysWithData(store: ObjectStore, sourceMonth: Omit<DayTask, 'day'>): Promise<string[]>;
}

/** What `findMonthDays` found for one source, with what it resolved on the way (account, store). */
export interface MonthDays {
  data: SourceData;
  providerUuid: string;
  year: number;
  month: number;
  account: string;
  /** Serialisable, so worker threads open the same store. */
  storeSpec: StoreSpec;
  dataStore: ObjectStore;
  /** The days asked for with `--days`; undefined means the whole month. */
  wanted: string[] | undefined;
  /** The days asked for that have data (every day with data when none were asked for). */
  days: string[];
}

/** The days of the selected month that have `data` of one source. */
export async function findMonthDays(sel: MonthSelection, data: SourceData, providerUuid: string): Promise<MonthDays> {
  const { year, month } = sel.month;
  const account = sel.account ?? accountForSchema(sel.schema);
  const storeSpec = parseStoreSpec(sel.source);
  const dataStore = openStore(storeSpec);
  const wanted = daysOfMonth(year, month, sel.days);
  const present = await data.listDaysWithData(dataStore, { account, providerType: data.providerType, providerUuid, year, month });
  const days = wanted ? present.filter((d) => wanted.includes(d)) : present;
  return { data, providerUuid, year, month, account, storeSpec, dataStore, wanted, days };
}

/** What to tell the user when `findMonthDays` found no day to summarise. */
export function noDataMessage(found: MonthDays): string {
  const { data, providerUuid, year, month, wanted, dataStore, account } = found;
  const asked = wanted ? ' on the days asked for' : '';
  return `no ${data.providerType} data for source ${providerUuid} in ${year}-${String(month).padStart(2, '0')}${asked} under ${dataStore.location} (looked under data/parquet/daily/${account}/${data.keyDir}/...)`;
}
