/**
 * Trino's `ROUND(double)`: halves round away from zero, unlike `Math.round` (spec §4.1 step 3).
 *
 * @example roundHalfAwayFromZero(-2.5) // -3
 */
export function roundHalfAwayFromZero(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.sign(x) * Math.round(Math.abs(x)) || 0;
}
