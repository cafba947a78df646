// Python float() syntax after whitespace stripping: digits may be grouped with single underscores.
const DIGITS = '\\d(?:_?\\d)*';
const PYTHON_DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const PYTHON_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;
// The cheap common case: what the operator and nise write.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Koku's `safe_float`: Python `float(x)`, or 0.0 when that raises (blank or invalid cell, spec §2.2).
 * Unlike `Number()`, hex (`0x10`), binary and empty strings are invalid, `1_000` is valid, `nan` gives NaN.
 *
 * @example
 * safeFloat('1e3'); // 1000
 * safeFloat(''); // 0
 * safeFloat('0x10'); // 0
 */
export function safeFloat(text: string): number {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const trimmed = text.trim();
  if (PYTHON_DECIMAL.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
  if (PYTHON_SPECIAL.test(trimmed)) {
    const lower = trimmed.toLowerCase();
    if (lower.endsWith('nan')) return Number.NaN;
    return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return 0;
}
