/**
 * Koku's post-write dedup winner rule (`select_manifests_to_delete`, spec §1 step 5): among manifests with objects
 * for one day, the one with more `reportnumhours` wins, ties going to the higher manifest id (numerically when
 * both are integers). Returns the keys to delete: ours if we lost, every other manifest's if we won.
 *
 * @example
 * selectManifestsToDelete(new Map([['7', [{ key: 'a', reportNumHours: '24' }]], ['9', [{ key: 'b', reportNumHours: '12' }]]]), '9', 12);
 * // ['b']
 */
export function selectManifestsToDelete(
  groups: ReadonlyMap<string, ReadonlyArray<{ key: string; reportNumHours: string | undefined }>>,
  currentManifestId: string,
  currentHours: number,
): string[] {
  if (groups.size <= 1 || !groups.has(currentManifestId)) return [];
  const others = [...groups].filter(([id]) => id !== currentManifestId);
  for (const [id, objects] of others) {
    const hours = intOrNull(objects[0]?.reportNumHours);
    if (hours === null) continue;
    if (hours > currentHours || (hours === currentHours && idGreater(id, currentManifestId))) {
      return (groups.get(currentManifestId) ?? []).map((o) => o.key);
    }
  }
  return others.filter(([, objects]) => intOrNull(objects[0]?.reportNumHours) !== null).flatMap(([, objects]) => objects.map((o) => o.key));
}

function idGreater(other: string, current: string): boolean {
  const a = intOrNull(other);
  const b = intOrNull(current);
  return a !== null && b !== null ? a > b : other > current;
}

/** Koku's `safe_str_int_conversion`. */
export function intOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  return /^[+-]?\d+$/.test(text) ? Number(text) : null;
}
