import { describeError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { FinalizeResult } from './finalizeOcp.js';

/**
 * The in-process runners' commit: `days` in one finalize, and when that fails, each day again in a finalize of its
 * own, so one day PostgreSQL refuses does not cost the others. Adds what each finalize reports to `into`; returns
 * the days that failed on their own. `what` names the finalize in the log line.
 *
 * @example failures.push(...(await commitDaysApartOnFailure(days, (some) => finalizeOcp(deps, { ...req, days: some }), finalize, logger, 'finalize')));
 */
export async function commitDaysApartOnFailure(
  days: readonly string[],
  finalize: (days: string[]) => Promise<FinalizeResult>,
  into: FinalizeResult,
  logger: Logger,
  what: string,
): Promise<Array<{ day: string; error: unknown }>> {
  const commit = async (some: string[]) => {
    const r = await finalize(some);
    for (const k of ['committed', 'unchanged', 'waiting', 'skipped'] as const) into[k].push(...r[k]);
  };
  if (days.length === 0) return [];
  try {
    await commit([...days]);
    return [];
  } catch (err) {
    if (days.length === 1) return [{ day: days[0] as string, error: err }];
    logger.warn(`${what} of several days failed; committing them one by one`, { days, error: describeError(err) });
    const failures: Array<{ day: string; error: unknown }> = [];
    for (const day of days) await commit([day]).catch((error: unknown) => failures.push({ day, error }));
    return failures;
  }
}
