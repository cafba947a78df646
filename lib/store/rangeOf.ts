/**
 * The half-open byte range `[start, end)` that `getRange(start, endInclusive)` means for an object of `size`
 * bytes, or null when S3 would answer 416. A negative `start` is a suffix (`-8` = the last 8 bytes), as in
 * HTTP `Range: bytes=-8`, and never fails (a suffix longer than the object is the whole object).
 */
export function rangeOf(size: number, start: number, endInclusive?: number): { start: number; end: number } | null {
  if (start < 0) return { start: Math.max(0, size + start), end: size };
  if (start >= size || (endInclusive !== undefined && endInclusive < start)) return null;
  const end = endInclusive === undefined ? size : Math.min(size, endInclusive + 1);
  return { start, end };
}
