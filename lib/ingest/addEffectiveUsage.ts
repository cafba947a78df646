import { EFFECTIVE_USAGE_COLUMNS } from './constants.js';
import type { ColumnarChunk, Float64Column } from './types.js';

/**
 * Adds Koku's per-hour effective usage to a pod chunk (spec §2.2): `max(usage, request)` per row, the max and
 * not the min, computed before any aggregation. Like pandas `max(axis=1)`, a NaN side is ignored.
 */
export function addEffectiveUsage(chunk: ColumnarChunk): ColumnarChunk {
  const columns = { ...chunk.columns };
  const names = [...chunk.names];
  for (const [effective, usage, request] of EFFECTIVE_USAGE_COLUMNS) {
    const u = (columns[usage] as Float64Column).values;
    const r = (columns[request] as Float64Column).values;
    const out = new Float64Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) out[i] = nanMax(u[i], r[i]);
    columns[effective] = { kind: 'float64', values: out };
    if (!names.includes(effective)) names.push(effective);
  }
  return { length: chunk.length, names, columns };
}

function nanMax(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return a >= b ? a : b;
}
