import { parseTagMap } from './labelsJson.js';
import { pythonJsonDumps } from './pythonJsonDumps.js';
import type { AwsDailyLine, EnabledTagKeys, Labels, OcpRowView } from './types.js';

/**
 * The generic matched tags of one (AWS source, OCP source) day, Trino-fallback semantics
 * (`reporting_ocpaws_matched_tags.sql`, spec §2.2 step A with errata 1): the both-enabled keys only select which AWS
 * lines and OCP rows take part (raw substring tests); then **every** (key, value) pair of those lines and rows is
 * compared case-insensitively, and the AWS spelling of each match is kept. Each result is Python's
 * `json.dumps({key: value})` with the braces stripped, as `_get_matched_tags_strings` makes it.
 *
 * @example findGenericMatchedTags(lines, rows, { aws: ['app'], ocp: ['app'] }) // ['"app": "web"']
 */
export function findGenericMatchedTags(
  awsLines: readonly AwsDailyLine[],
  ocpRows: readonly OcpRowView[],
  enabled: EnabledTagKeys,
): string[] {
  const ocpKeys = new Set(enabled.ocp);
  const bothEnabled = [...new Set(enabled.aws)].filter((k) => ocpKeys.has(k));
  if (bothEnabled.length === 0) return [];
  const mentionsKey = (text: string | null): boolean => text !== null && bothEnabled.some((k) => text.includes(k));

  const ocpPairs = new Set<string>();
  for (const view of ocpRows) {
    if (!mentionsKey(view.podLabelsJson) && !mentionsKey(view.volumeLabelsJson)) continue;
    addLowerPairs(ocpPairs, view.row.pod_labels);
    addLowerPairs(ocpPairs, view.row.volume_labels);
  }

  const out = new Set<string>();
  for (const line of awsLines) {
    if (!mentionsKey(line.resourcetags)) continue;
    for (const [key, value] of Object.entries(parseTagMap(line.resourcetags))) {
      if (!ocpPairs.has(pairKey(key.toLowerCase(), value.toLowerCase()))) continue;
      const tag = matchString(key, value);
      if (tag !== null) out.add(tag);
    }
  }
  return [...out];
}

function addLowerPairs(into: Set<string>, labels: Labels | null): void {
  if (labels === null) return;
  for (const [k, v] of Object.entries(labels)) into.add(pairKey(k.toLowerCase(), v.toLowerCase()));
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/**
 * Trino concatenates `'{"' || key || '": "' || value || '"}'` without escaping and Python `json.loads` it, then
 * `json.dumps(...).replace("{", "").replace("}", "")`. A pair whose text is not valid JSON makes Koku's run fail; it
 * is skipped here instead.
 */
function matchString(key: string, value: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(`{"${key}": "${value}"}`);
  } catch {
    return null;
  }
  return pythonJsonDumps(parsed as Labels).replace(/[{}]/g, '');
}
