import { daysInMonth } from '../common/days.js';
import { HOURS_PER_DAY } from './constants.js';
import { dayOfDate } from './dayOfDate.js';
import { roundHalfAwayFromZero } from './roundHalfAwayFromZero.js';
import type { AwsRawLine, MatchedAwsLine, OcpRowView } from './types.js';

/**
 * Koku's `managed_aws_openshift_disk_capacities_temp` for one (OCP source, day) (spec §4.1 "Disk capacity"):
 * for each matched line's resource that contains a non-empty CSI handle of the source's rows that day,
 * `ROUND(max(unblended cost) / (max(unblended rate) / hours in month))` over **all** raw rows of that resource and
 * day, the two maxima taken independently. Only finite capacities > 0 are kept (a zero rate gives none).
 *
 * @example diskCapacities(matched, cluster.rows, raw, '2025-10-01').get('vol-0123abcd') // 100
 */
export function diskCapacities(
  lines: readonly MatchedAwsLine[],
  rows: readonly OcpRowView[],
  raw: readonly AwsRawLine[],
  day: string,
): Map<string, number> {
  const handles = [...new Set(rows.map((v) => v.row.csi_volume_handle).filter((h): h is string => !!h))];
  const candidates = new Set<string>();
  for (const line of lines) {
    const id = line.resource_id;
    if (id !== null && handles.some((h) => id.includes(h))) candidates.add(id);
  }
  const maxima = new Map<string, { cost: number; rate: number }>();
  for (const r of raw) {
    if (!candidates.has(r.lineitem_resourceid) || dayOfDate(r.lineitem_usagestartdate) !== day) continue;
    const m = maxima.get(r.lineitem_resourceid);
    if (m === undefined) maxima.set(r.lineitem_resourceid, { cost: r.lineitem_unblendedcost, rate: r.lineitem_unblendedrate });
    else {
      m.cost = Math.max(m.cost, r.lineitem_unblendedcost);
      m.rate = Math.max(m.rate, r.lineitem_unblendedrate);
    }
  }
  const hoursInMonth = daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7))) * HOURS_PER_DAY;
  const out = new Map<string, number>();
  for (const [id, m] of maxima) {
    const capacity = roundHalfAwayFromZero(m.cost / (m.rate / hoursInMonth));
    if (Number.isFinite(capacity) && capacity > 0) out.set(id, capacity);
  }
  return out;
}
