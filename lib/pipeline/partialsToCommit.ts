import { readLedger } from '../db/index.js';
import type { DbClient } from '../db/types.js';
import type { PartialManifest } from './types.js';

/** The current partials split by what the ledger already holds. */
export interface PartialsToCommit<M> {
  /** Days whose current partial is not what the database holds (or all of them, when forced). */
  changed: Array<[string, M]>;
  /** Days whose current partial is already what the database holds. */
  unchanged: string[];
}

/**
 * Which of the days' current partials to commit: those whose fingerprint the ledger does not hold for this source and
 * summary type, or every one when `force` (a replay). Order follows `current`.
 *
 * @example const { changed, unchanged } = await partialsToCommit(client, schema, { providerUuid, summaryType: 'ocp_daily_summary' }, current);
 */
export async function partialsToCommit<M extends Pick<PartialManifest, 'fingerprint'>>(
  client: DbClient,
  schema: string,
  what: { providerUuid: string; summaryType: string; force?: boolean },
  current: ReadonlyMap<string, M>,
): Promise<PartialsToCommit<M>> {
  const ledger = await readLedger(client, schema, what.providerUuid, what.summaryType, [...current.keys()]);
  const changed = [...current.entries()].filter(([day, m]) => what.force || ledger.get(day)?.fingerprint !== m.fingerprint);
  const unchanged = [...current.keys()].filter((day) => !changed.some(([d]) => d === day));
  return { changed, unchanged };
}
