/**
 * Python's `round(x, digits)` for the magnitudes generators use: correctly rounded from the exact binary value
 * (JavaScript's `toFixed` does the same; the two differ only on exact binary ties, which these values never hit).
 */
export function pythonRound(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}
