import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toNumeric15 } from '../../../lib/db/numeric.js';
import { InvalidNumericError } from '../../../lib/db/errors.js';

describe('toNumeric15', () => {
  const cases: Array<[number, string]> = [
    [1234.5678901234567, '1234.567890123456700'],
    [0.1 + 0.2, '0.300000000000000'],
    [1e-20, '0.000000000000000'],
    [-1e-20, '0.000000000000000'],
    [0, '0.000000000000000'],
    [-0, '0.000000000000000'],
    [5e-16, '0.000000000000001'],
    [4.9e-16, '0.000000000000000'],
    [-5e-16, '-0.000000000000001'],
    [-4e-16, '0.000000000000000'],
    [1.5e-15, '0.000000000000002'],
    [-1.5e-15, '-0.000000000000002'],
    [2.5e-15, '0.000000000000003'],
    [-2.5e-15, '-0.000000000000003'],
    [1e-15, '0.000000000000001'],
    [0.9999999999999999, '1.000000000000000'],
    [-0.9999999999999999, '-1.000000000000000'],
    [1, '1.000000000000000'],
    [-42, '-42.000000000000000'],
    [2.0, '2.000000000000000'],
    [0.026881720430107527, '0.026881720430108'],
    [0.013440860215053764, '0.013440860215054'],
    [0.000123456789012345678, '0.000123456789012'],
    [1.5e-7, '0.000000150000000'],
    [123456789.12345679, '123456789.123456790000000'],
    [1e17, '100000000000000000.000000000000000'],
    [123456789012345680, '123456789012345680.000000000000000'],
    [999999999999999900, '999999999999999900.000000000000000'],
    [Number.MIN_VALUE, '0.000000000000000'],
    [8.0, '8.000000000000000'],
    [28.000000000000004, '28.000000000000004'],
    [0.30000000000000004 * 10, '3.000000000000000'],
    [6.000000000000001, '6.000000000000001'],
    [1.0000000000000002, '1.000000000000000'],
    [0.12345678901234549, '0.123456789012345'],
    [0.1234567890123455, '0.123456789012346'],
  ];
  for (const [input, expected] of cases) {
    it(`${String(input)} -> ${expected}`, () => {
      assert.equal(toNumeric15(input), expected);
    });
  }

  it('always has exactly 15 decimals', () => {
    for (let i = 0; i < 2000; i++) {
      const x = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 30 - 15);
      const s = toNumeric15(x);
      assert.match(s, /^-?\d+\.\d{15}$/, `${x} -> ${s}`);
      assert.ok(Math.abs(Number(s) - x) <= 5e-16 + Math.abs(x) * 1e-15, `${x} -> ${s}`);
    }
  });

  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e18, -1e18, 1e21, 1.7976931348623157e308]) {
    it(`rejects ${bad}`, () => {
      assert.throws(() => toNumeric15(bad), (err: unknown) => err instanceof InvalidNumericError && err.message.includes(String(bad)));
    });
  }
});

/** HALF_UP of the shortest round-trip decimal, digit by digit with BigInt: the oracle for the string fast path. */
function referenceNumeric(x: number, scale: number): string {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)))!;
  const digits = m[1] + (m[2] ?? '');
  const exponent = Number(m[3] ?? 0) - (m[2] ?? '').length; // |x| = digits × 10^exponent
  const shift = exponent + scale;
  let scaled: bigint;
  if (shift >= 0) scaled = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const value = BigInt(digits);
    scaled = value / divisor + ((value % divisor) * 2n >= divisor ? 1n : 0n);
  }
  const text = scaled.toString().padStart(scale + 1, '0');
  const out = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
  return x < 0 && scaled !== 0n ? `-${out}` : out;
}

describe('toNumeric15 against a BigInt oracle', () => {
  it('agrees on random doubles of every magnitude, and on values one ulp around rounding ties', () => {
    for (let i = 0; i < 50_000; i++) {
      const x = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 32 - 16);
      assert.equal(toNumeric15(x), referenceNumeric(x, 15), String(x));
    }
    for (const base of [0.0000000000000005, 0.9999999999999995, 9.9999999999999995, 123.4567890123456789, 0.1234567890123455]) {
      for (const x of [base, base * (1 + Number.EPSILON), base * (1 - Number.EPSILON), -base]) {
        assert.equal(toNumeric15(x), referenceNumeric(x, 15), String(x));
      }
    }
  });

  it('agrees at 9 decimals (numeric(33,9) columns of OCP on AWS)', async () => {
    const { toNumeric } = await import('../../../lib/db/numeric.js');
    for (let i = 0; i < 20_000; i++) {
      const x = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 26 - 10);
      assert.equal(toNumeric(x, 9, 24), referenceNumeric(x, 9), String(x));
    }
  });
});
