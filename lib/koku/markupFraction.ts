import { InvalidCostModelError } from './errors.js';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Koku's `Decimal(markup.get("value", 0)) / 100` as a double: the percent's decimal text is divided by 100 exactly
 * (by moving the exponent) and only then rounded once to a double, so `"10.1"` gives the double nearest 0.101.
 * `null` (no markup) is 0. `subject` names the cost model in the error for text that is not a number.
 *
 * @example markupFraction('10', 'cost model 7c…') // 0.1
 */
export function markupFraction(percent: string | null, subject: string): number {
  if (percent === null) return 0;
  const m = DECIMAL.exec(percent.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    throw new InvalidCostModelError(subject, `markup value ${JSON.stringify(percent)} is not a decimal number`);
  }
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const value = Number(`${sign}${whole || '0'}.${fraction || '0'}e${Number(exponent) - 2}`);
  if (!Number.isFinite(value)) throw new InvalidCostModelError(subject, `markup value ${JSON.stringify(percent)} is out of range`);
  return value === 0 ? 0 : value;
}
