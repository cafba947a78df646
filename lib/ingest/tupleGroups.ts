/**
 * Dense ids for fixed-arity tuples of int32 codes (open addressing, linear probing), so group-by loops over
 * millions of rows allocate nothing and hash small ints instead of strings or composite doubles.
 * Write the tuple into `key`, then call `intern()`: ids are 0, 1, … in first-seen order.
 */
export class TupleGroups {
  readonly key: Int32Array;
  private tuples: Int32Array;
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(readonly arity: number) {
    this.key = new Int32Array(arity);
    this.slots = new Int32Array(1024).fill(-1);
    this.mask = 1023;
    this.tuples = new Int32Array(Math.max(1, arity) * 512);
  }

  get size(): number {
    return this.count;
  }

  intern(): number {
    let slot = hashOf(this.key, 0, this.arity) & this.mask;
    for (;;) {
      const id = this.slots[slot];
      if (id === -1) break;
      if (this.matches(id)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    if (this.tuples.length < this.count * this.arity) {
      const grown = new Int32Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    this.tuples.set(this.key, id * this.arity);
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.grow();
    return id;
  }

  private matches(id: number): boolean {
    const base = id * this.arity;
    for (let j = 0; j < this.arity; j++) if (this.tuples[base + j] !== this.key[j]) return false;
    return true;
  }

  private grow(): void {
    const n = this.slots.length * 2;
    this.slots = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = hashOf(this.tuples, id * this.arity, this.arity) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}

function hashOf(values: Int32Array, base: number, arity: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = 0; j < arity; j++) {
    h = Math.imul(h ^ values[base + j], 0x01000193);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
