/**
 * Maps fixed-arity tuples of small ints (interned ids) to dense group ids with an open-addressing hash, so the
 * per-row hot loops allocate nothing. Write the tuple into `key`, then call `intern()` or `find()`.
 *
 * @example
 * const idx = new TupleIndex(2);
 * idx.key[0] = nsId; idx.key[1] = nodeId;
 * const group = idx.intern(); // dense id, 0.. in first-seen order
 */
export class TupleIndex {
  readonly key: Int32Array;
  private tuples: Int32Array;
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** Id returned by the last `intern()`, or -1. */
  private last = -1;

  constructor(readonly arity: number, initialSlots = 1024) {
    this.key = new Int32Array(arity);
    let n = 16;
    while (n < initialSlots) n <<= 1;
    this.slots = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    this.tuples = new Int32Array(arity * (n >> 1));
  }

  get size(): number {
    return this.count;
  }

  /** Component `j` of the tuple with id `id`. */
  get(id: number, j: number): number {
    return this.tuples[id * this.arity + j];
  }

  /** The id of `key`, or -1. */
  find(): number {
    let slot = this.hash() & this.mask;
    for (;;) {
      const id = this.slots[slot];
      if (id === -1) return -1;
      if (this.equals(id)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * The id of `key`, adding it when new. Input rows come in runs, and files of one day list their groups in much the
   * same order, so the previous answer and the id after it are checked before hashing.
   */
  intern(): number {
    const last = this.last;
    if (last >= 0 && this.equals(last)) return last;
    if (last + 1 < this.count && this.equals(last + 1)) return (this.last = last + 1);
    let slot = this.hash() & this.mask;
    for (;;) {
      const id = this.slots[slot];
      if (id === -1) break;
      if (this.equals(id)) return (this.last = id);
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    this.last = id;
    if (this.tuples.length < this.count * this.arity) {
      const grown = new Int32Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    this.tuples.set(this.key, id * this.arity);
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private equals(id: number): boolean {
    const base = id * this.arity;
    for (let j = 0; j < this.arity; j++) if (this.tuples[base + j] !== this.key[j]) return false;
    return true;
  }

  private hash(): number {
    return this.hashAt(this.key, 0);
  }

  private hashAt(src: Int32Array, base: number): number {
    let h = 0x811c9dc5 | 0;
    for (let j = 0; j < this.arity; j++) {
      h = Math.imul(h ^ src[base + j], 0x01000193);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) >>> 0;
  }

  private rehash(): void {
    const n = this.slots.length * 2;
    this.slots = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashAt(this.tuples, id * this.arity) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}
