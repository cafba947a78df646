import { MARKUP_SCALE } from './constants.js';
import { InvalidOcpAwsInputError } from './errors.js';

/**
 * The markup fraction as the SQL uses it: `cast({{markup}} as decimal(24,9))`, i.e. the decimal value rounded half
 * up to 9 places, then multiplied in double (spec §4, §5 "Numerics"). The rounding works on the number's shortest
 * decimal text, so `0.1234567895` rounds up as Koku's Python `Decimal` does, free of binary noise.
 *
 * @example effectiveMarkup(0.1234567891234) // 0.123456789
 */
export function effectiveMarkup(markup: number): number {
  if (!Number.isFinite(markup)) throw new InvalidOcpAwsInputError('markup', `not a finite number: ${markup}`);
  if (markup === 0) return 0;
  const [mantissa, exponent] = Math.abs(markup).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const shift = Number(exponent) - (digits.length - 1) + MARKUP_SCALE;
  const scaled = shiftRoundHalfUp(BigInt(digits), shift);
  return (Math.sign(markup) * Number(scaled)) / 10 ** MARKUP_SCALE;
}

/** `round(n × 10^shift)` for a non-negative integer n, halves up. */
function shiftRoundHalfUp(n: bigint, shift: number): bigint {
  if (shift >= 0) return n * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = n / divisor;
  return (n % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}
