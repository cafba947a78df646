/**
 * Exact decimal arithmetic on PostgreSQL's numeric text, so a difference of 1e-9 is seen on values of any size
 * (numeric(33,15) holds 33 significant digits; a double only ~16).
 */

/** value = m × 10^e. */
export interface Decimal {
  m: bigint;
  e: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of numeric or float text, or null for text that is not a finite decimal (NaN, Infinity).
 *
 * @example parseDecimal('1.500000000000000') // { m: 1500000000000000n, e: -15 }
 */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  return { m: BigInt(`${sign}${whole}${fraction}`), e: Number(exponent) - fraction.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e), e];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { m: x + y, e };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { m: x - y, e };
}

/** The nearest double (one correctly rounded conversion). */
export function decimalToNumber(d: Decimal): number {
  return Number(`${d.m}e${d.e}`);
}

export const ZERO: Decimal = Object.freeze({ m: 0n, e: 0 });
