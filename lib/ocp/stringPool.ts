/** Id of SQL NULL in every pool: kept apart from "" because Koku's SQL treats them differently (spec §6, §10.5). */
export const NULL_ID = 0;

/**
 * Interns strings to dense integer ids so accumulators key on small ints instead of strings.
 * Id 0 is NULL; every distinct string gets the next id.
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly values: Array<string | null> = [null];

  id(value: string | null): number {
    if (value === null) return NULL_ID;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  value(id: number): string | null {
    return this.values[id] ?? null;
  }

  get size(): number {
    return this.values.length;
  }
}
