import { MS_PER_DAY } from './constants.js';
import { InvalidSummaryDayError } from './errors.js';

/** A UTC calendar day the summary is computed for. */
export interface SummaryDay {
  day: string;
  /** [startMs, endMs): UTC midnight to the next midnight; rows outside are ignored (files can span days). */
  startMs: number;
  endMs: number;
  /** D of spec §7: days in the month of the day (28–31). */
  daysInMonth: number;
}

/**
 * Parses `YYYY-MM-DD` (UTC, spec §10.14).
 *
 * @example
 * parseSummaryDay('2024-02-10').daysInMonth; // 29
 */
export function parseSummaryDay(day: string): SummaryDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const startMs = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(startMs).toISOString().slice(0, 10) !== day) {
    throw new InvalidSummaryDayError(`day ${JSON.stringify(day)}`, 'is not a YYYY-MM-DD calendar date');
  }
  const daysInMonth = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { day, startMs, endMs: startMs + MS_PER_DAY, daysInMonth };
}
