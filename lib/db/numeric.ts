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
  // Fast path (nearly every value, and this runs ~20 times per summary row): plain notation, rounded by editing the
  // string. Plain notation means |x| >= 1e-6, so with scale >= 6 a rounded value is never zero (no "-0.000…").
  if (scale >= 6 && plain.indexOf('e') < 0) {
    const fast = roundPlain(plain, scale, integerDigits);
    if (fast !== null) return x < 0 ? `-${fast}` : fast;
  }
  const { integer, fraction } = roundHalfUp(splitDecimal(plain), scale);
  if (integer.length > integerDigits) {
    throw new InvalidNumericError(String(x), `needs ${integer.length} integer digits, numeric(${scale + integerDigits},${scale}) allows ${integerDigits}`);
  }
  const isZero = /^0*$/.test(integer + fraction);
  return `${x < 0 && !isZero ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}

const ZEROS = '0'.repeat(64);

/**
 * `plain` (a non-negative JS number in plain notation) HALF_UP at `scale` decimals, or null when the slow path must
 * decide (too many integer digits, or a carry that ripples into the integer part).
 */
function roundPlain(plain: string, scale: number, integerDigits: number): string | null {
  const dot = plain.indexOf('.');
  const integerLength = dot < 0 ? plain.length : dot;
  if (integerLength > integerDigits || scale > ZEROS.length) return null;
  if (dot < 0) return `${plain}.${ZEROS.slice(0, scale)}`;
  const fractionLength = plain.length - dot - 1;
  if (fractionLength <= scale) return plain + ZEROS.slice(0, scale - fractionLength);
  const cut = dot + 1 + scale;
  if (plain.charCodeAt(cut) < 53 /* '5' */) return plain.slice(0, cut);
  // Round up: add one at the last kept digit; trailing 9s become 0s. A carry past the point is left to the slow path.
  let at = cut - 1;
  while (at > dot && plain.charCodeAt(at) === 57 /* '9' */) at--;
  if (at === dot) return null;
  return `${plain.slice(0, at)}${String.fromCharCode(plain.charCodeAt(at) + 1)}${ZEROS.slice(0, cut - 1 - at)}`;
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
