import { OcpDayAggregator } from './ocpDayAggregator.js';
import type { OcpDayInputs, OcpDaySummary, OcpSummaryConfig } from './types.js';

/**
 * One-shot form of `OcpDayAggregator` for inputs already in memory, fed in the day task's order: storage, then
 * `sealStorage()`, then the rest.
 *
 * @example
 * const summary = summarizeOcpDay('2024-03-15', config, { podDaily: [daily], podHourly: [hourly] });
 */
export function summarizeOcpDay(day: string, config: OcpSummaryConfig, inputs: OcpDayInputs): OcpDaySummary {
  const agg = new OcpDayAggregator({ day, config });
  for (const b of inputs.storageDaily ?? []) agg.addStorageDaily(b);
  agg.sealStorage();
  for (const b of inputs.podDaily) agg.addPodDaily(b);
  for (const b of inputs.podHourly) agg.addPodHourly(b);
  for (const b of inputs.nodeLabelsDaily ?? []) agg.addNodeLabelsDaily(b);
  for (const b of inputs.namespaceLabelsDaily ?? []) agg.addNamespaceLabelsDaily(b);
  return agg.finish();
}
