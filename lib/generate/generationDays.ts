import { InvalidGenerateOptionsError } from './errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The `YYYY-MM-DD` days a generation covers: every day of `month` (`YYYY-MM`), or the given `days`, sorted.
 *
 * @example
 * generationDays({ month: '2025-02' }).length; // 28
 */
export function generationDays(options: { month?: string; days?: string[] }): string[] {
  if (options.days !== undefined && options.days.length > 0) {
    for (const day of options.days) {
      if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
        throw new InvalidGenerateOptionsError('days', `not a YYYY-MM-DD day: ${day}`);
      }
    }
    return [...new Set(options.days)].sort();
  }
  const m = options.month === undefined ? null : MONTH.exec(options.month);
  if (m === null) throw new InvalidGenerateOptionsError('month', `give month (YYYY-MM) or days, got ${options.month ?? 'neither'}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new InvalidGenerateOptionsError('month', `month ${month} is not 1-12`);
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${m[1]}-${m[2]}-${String(i + 1).padStart(2, '0')}`);
}
