import { NUMERIC_INTEGER_DIGITS, NUMERIC_SCALE } from './constants.js';
import { InvalidNumericError } from './errors.js';

const DECIMAL_FORM = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * SaaS conversion of a double to `numeric(33,15)` text (spec §12): Trino casts through
 * `BigDecimal.valueOf(double)`, i.e. the shortest round-trip decimal (what JS `String(x)` gives), then rounds
 * HALF_UP (ties away from zero) at 15 decimals. Throws `InvalidNumericError` for NaN, ±Infinity and values that
 * need more than 18 integer digits.
 *
 * @example toNumeric15(1234.5678901234567) // '1234.567890123456700'
 */
export function toNumeric15(x: number): string {
  return toNumeric(x, NUMERIC_SCALE, NUMERIC_INTEGER_DIGITS);
}

/**
 * `toNumeric15` for any `numeric(precision, scale)`: the shortest round-trip decimal of `x` rounded HALF_UP once, at
 * `scale` decimals (so `numeric(33,9)` columns are not rounded twice), with at most `integerDigits` before the point.
 *
 * @example toNumeric(0.1290322580645161, 9, 24) // '0.129032258'
 */
export function toNumeric(x: number, scale: number, integerDigits: number): string {
  if (!Number.isFinite(x)) throw new InvalidNumericError(String(x), `not a finite number, cannot be numeric(${scale + integerDigits},${scale})`);
  const plain = String(Math.abs(x));
  // Fast path (most values): plain notation with at most `scale` decimals needs only padding.
  if (plain.indexOf('e') < 0) {
    const dot = plain.indexOf('.');
    const fraction = dot < 0 ? '' : plain.slice(dot + 1);
    const integer = dot < 0 ? plain : plain.slice(0, dot);
    if (fraction.length <= scale && integer.length <= integerDigits) {
      return `${x < 0 ? '-' : ''}${integer}${scale > 0 ? `.${fraction.padEnd(scale, '0')}` : ''}`;
    }
  }
  const { integer, fraction } = roundHalfUp(splitDecimal(plain), scale);
  if (integer.length > integerDigits) {
    throw new InvalidNumericError(String(x), `needs ${integer.length} integer digits, numeric(${scale + integerDigits},${scale}) allows ${integerDigits}`);
  }
  const isZero = /^0*$/.test(integer + fraction);
  return `${x < 0 && !isZero ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Integer and fraction digit strings of a non-negative JS number literal (plain or exponent form). */
function splitDecimal(text: string): { integer: string; fraction: string } {
  const m = DECIMAL_FORM.exec(text);
  if (!m) throw new InvalidNumericError(text, 'unexpected number format');
  const digits = m[1] + (m[2] ?? '');
  const point = m[1].length + Number(m[3] ?? 0);
  if (point <= 0) return { integer: '0', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { integer: digits + '0'.repeat(point - digits.length), fraction: '' };
  return { integer: digits.slice(0, point), fraction: digits.slice(point) };
}

/** Exact decimal → `scale` fraction digits, HALF_UP (only the first dropped digit decides). */
function roundHalfUp(value: { integer: string; fraction: string }, scale: number): { integer: string; fraction: string } {
  const integer = value.integer.replace(/^0+(?=\d)/, '');
  if (value.fraction.length <= scale) return { integer, fraction: value.fraction.padEnd(scale, '0') };
  const kept = integer + value.fraction.slice(0, scale);
  const digits = value.fraction.charCodeAt(scale) >= 53 /* '5' */ ? incrementDigits(kept) : kept;
  return { integer: digits.slice(0, digits.length - scale), fraction: digits.slice(digits.length - scale) };
}

/** Adds one to a decimal digit string, growing it on carry-out ('999' → '1000'). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String.fromCharCode(out[i].charCodeAt(0) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return '1' + out.join('');
}
