import type { ObjectStore } from '../store/types.js';
import { listOcpDayInputs } from './dayInputs.js';
import { inputsFingerprint } from './fingerprint.js';
import { newestFirst } from './newestFirst.js';
import { listPartialManifests } from './partials.js';
import type { DayTask, PartialManifest } from './types.js';

/** Where one OCP source-day stands: the objects present now and the partial computed from exactly them. */
export interface OcpPartialState {
  providerUuid: string;
  /** `inputsFingerprint` of the OCP objects of the day present now. */
  inputsFingerprint: string;
  /** Whether any OCP object of the day is present. */
  hasInputs: boolean;
  /** The newest partial computed from exactly those objects; null while its day task has not (successfully) run. */
  manifest: PartialManifest | null;
}

/**
 * The current OCP day partial of a source, chosen as `finalizeOcp` chooses it: list the day's objects now, and take
 * the newest partial whose input set is exactly that listing. A partial of an older input set is never current.
 *
 * @example const state = await currentOcpPartial(dataStore, partialStore, 'partials/', ocpTask); state.manifest?.fingerprint
 */
export async function currentOcpPartial(
  dataStore: ObjectStore,
  partialStore: ObjectStore,
  partialsPrefix: string,
  task: DayTask,
): Promise<OcpPartialState> {
  const inputs = await listOcpDayInputs(dataStore, task);
  const fp = inputsFingerprint(inputs);
  const listed = inputs.length === 0 ? [] : await listPartialManifests(partialStore, partialsPrefix, task);
  const matching = newestFirst(listed.filter((m) => m.inputsFingerprint === fp));
  return { providerUuid: task.providerUuid, inputsFingerprint: fp, hasInputs: inputs.length > 0, manifest: matching[0] ?? null };
}
