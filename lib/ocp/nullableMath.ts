/** SQL aggregate steps over nullable doubles: NULL inputs are skipped; all-NULL stays NULL. */

export function sumNullable(acc: number | null, value: number | null): number | null {
  if (value === null) return acc;
  return acc === null ? value : acc + value;
}

export function maxNullable(acc: number | null, value: number | null): number | null {
  if (value === null) return acc;
  return acc === null || value > acc ? value : acc;
}

/** Scalar arithmetic: any NULL operand gives NULL. */
export function scaleNullable(value: number | null, factor: number): number | null {
  return value === null ? null : value * factor;
}
