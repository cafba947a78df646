/** Each day's current partial, and the days that have none yet. */
export interface CurrentPartials<M> {
  current: Map<string, M>;
  /** Days with no partial for the objects present now (a newer day task is still running or has failed). */
  waiting: string[];
}

/**
 * Asks `choose` for the current partial of each day, one day at a time; `undefined` means the day is waiting.
 *
 * @example const { current, waiting } = await currentPartialsByDay(['2025-10-01'], async (day) => latestPartialOf(day));
 */
export async function currentPartialsByDay<M>(days: readonly string[], choose: (day: string) => Promise<M | undefined>): Promise<CurrentPartials<M>> {
  const current = new Map<string, M>();
  const waiting: string[] = [];
  for (const day of days) {
    const chosen = await choose(day);
    if (chosen === undefined) waiting.push(day);
    else current.set(day, chosen);
  }
  return { current, waiting };
}
