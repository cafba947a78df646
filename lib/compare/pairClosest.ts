export interface Pairing<T> {
  pairs: Array<[T, T]>;
  leftOnly: T[];
  rightOnly: T[];
}

/**
 * Pairs two small multisets of rows that share a grain key, closest first (greedy on `distance`, ties by position),
 * so Koku's duplicate-looking rows (Storage rows that differ only by CSI handle) meet their own counterparts;
 * whatever is left over on a side has no counterpart.
 *
 * @example pairClosest([a1, a2], [b1], distance) // { pairs: [[a2, b1]], leftOnly: [a1], rightOnly: [] }
 */
export function pairClosest<T>(left: readonly T[], right: readonly T[], distance: (l: T, r: T) => number): Pairing<T> {
  if (left.length === 1 && right.length === 1) return { pairs: [[left[0], right[0]]], leftOnly: [], rightOnly: [] };
  const candidates: Array<{ i: number; j: number; d: number }> = [];
  for (let i = 0; i < left.length; i++) {
    for (let j = 0; j < right.length; j++) candidates.push({ i, j, d: distance(left[i], right[j]) });
  }
  candidates.sort((x, y) => x.d - y.d || x.i - y.i || x.j - y.j);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: Array<[T, T]> = [];
  for (const c of candidates) {
    if (usedLeft.has(c.i) || usedRight.has(c.j)) continue;
    usedLeft.add(c.i);
    usedRight.add(c.j);
    pairs.push([left[c.i], right[c.j]]);
  }
  return {
    pairs,
    leftOnly: left.filter((_, i) => !usedLeft.has(i)),
    rightOnly: right.filter((_, j) => !usedRight.has(j)),
  };
}
