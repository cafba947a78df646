/**
 * Orders strings by Unicode code point, as Trino orders varchar (UTF-8 byte order), so string `max()` picks the
 * same value. JS `<` compares UTF-16 code units, which differs for astral vs U+E000–U+FFFF characters.
 * NULL sorts first; `maxText` ignores it like SQL `max`.
 */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export function maxText(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareText(a, b) >= 0 ? a : b;
}
