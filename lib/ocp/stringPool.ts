import { copyBytes } from '../common/copyBytes.js';
import { InvalidOcpInputError } from './errors.js';
import { previewText } from './previewText.js';

/** Id of SQL NULL in every pool: kept apart from "" because Koku's SQL treats them differently (spec §6, §10.5). */
export const NULL_ID = 0;

/** What `findUtf8` (and a lookup-only `ColumnAccess`) gives for a text that was never interned. */
export const NOT_FOUND = -1;

const EMPTY_SLOT = NOT_FOUND;
const SLOT_INTS = 4;
/** Texts per batch of `idsOfUtf8`: 64–512 measured alike. */
const BATCH = 256;
/** In a batch's hashes: the text equals the one before it. Real hashes are non-negative. */
const SAME_AS_PREVIOUS = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Interns strings to dense integer ids so accumulators key on small ints instead of strings.
 * Id 0 is NULL; every distinct string gets the next id.
 *
 * Strings can be interned from their UTF-8 bytes (`idOfUtf8`, what Arrow string and dictionary columns hold) without
 * ever becoming JS strings: the bytes go to an arena keyed by an open-addressing hash, and `value(id)` decodes them on
 * first use. Equal strings have equal UTF-8 bytes, and Arrow only hands out valid UTF-8 (arrow-rs validates on read),
 * so both ways of interning give a string the same id.
 *
 * @example
 * const pool = new StringPool();
 * pool.id('pod-a');                                  // 1
 * pool.idOfUtf8(new TextEncoder().encode('pod-a'));  // 1
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly values: Array<string | null | undefined> = [null];
  private arena = new Uint8Array(1 << 16);
  private arenaView = new DataView(this.arena.buffer);
  private arenaUsed = 0;
  // DataView over the last source array: hashing and comparing 4 bytes per (unaligned) read is ~5× a byte loop. Keyed
  // by the array itself: a column's rows all come from one array, and reading `.buffer` per value costs ~40 ns.
  private sourceBytes: Uint8Array | null = null;
  private sourceView: DataView = new DataView(new ArrayBuffer(0));
  private sourceOffset = 0;
  /** Per id: start and end of its bytes in the arena (id 0, NULL, has none). */
  private spans = new Int32Array(2 * 1024);
  private hashes = new Int32Array(1024);
  /**
   * The open-addressing table, SLOT_INTS ints per slot: id, hash, start and end in the arena. A lookup in a large pool
   * is bound by cache misses; with the hash and span beside the id, a hit costs one miss for the slot and one for the
   * bytes, where reading them by id cost two more.
   */
  private slots = new Int32Array(2048 * SLOT_INTS).fill(EMPTY_SLOT);
  private mask = 2047;
  private readonly encoder = new TextEncoder();
  // Fatal: our Parquet decoder does not validate UTF-8, and PostgreSQL (Koku's table) refuses what is not UTF-8.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly batchHashes = new Int32Array(BATCH);
  private touched = 0;
  private scratch = new Uint8Array(256);
  private scratchView = new DataView(this.scratch.buffer);

  id(value: string | null): number {
    if (value === null) return NULL_ID;
    let id = this.ids.get(value);
    if (id === undefined) {
      const length = this.encodeScratch(value);
      const hash = hashBytes(this.scratchView, 0, length);
      const found = this.lookup(this.scratchView, 0, length, hash);
      id = found !== EMPTY_SLOT ? found : this.add(this.scratch, 0, length, hash);
      if (this.values[id] === undefined) this.values[id] = value;
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a string interned before, or undefined; never adds. NULL is NULL_ID. */
  find(value: string | null): number | undefined {
    if (value === null) return NULL_ID;
    const known = this.ids.get(value);
    if (known !== undefined) return known;
    const length = this.encodeScratch(value);
    const id = this.lookup(this.scratchView, 0, length, hashBytes(this.scratchView, 0, length));
    return id === EMPTY_SLOT ? undefined : id;
  }

  /** The id of the UTF-8 text `bytes[start, end)`, adding it when new. */
  idOfUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
    const view = this.viewOf(bytes);
    const at = this.sourceOffset + start;
    const length = end - start;
    const hash = hashBytes(view, at, length);
    const found = this.lookup(view, at, length, hash);
    if (found !== EMPTY_SLOT) return found;
    return this.add(bytes, start, end, hash);
  }

  /** The id of the UTF-8 text `bytes[start, end)` if it was interned before, else NOT_FOUND; never adds. */
  findUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
    const view = this.viewOf(bytes);
    const at = this.sourceOffset + start;
    const length = end - start;
    return this.lookup(view, at, length, hashBytes(view, at, length));
  }

  /**
   * `idOfUtf8` of `count` texts at once (with `lookupOnly`, `findUtf8`): text `i` is `bytes[offsets[i], offsets[i + 1])`
   * and its id goes to `out[outAt + i]`. In a large pool each lookup waits for two cache misses, the slot and the
   * stored bytes. A batch at a time (hash every text, touch every text's slot and stored bytes, then compare), the
   * misses of a batch overlap instead of following one another: with label texts in random order, 1.1–1.6× faster at
   * 55k–300k distinct texts; no gain while the pool fits in the caches. A text equal to the one before it (sorted
   * files repeat values in runs) costs one comparison.
   */
  idsOfUtf8(bytes: Uint8Array, offsets: Int32Array, count: number, out: Int32Array, outAt: number, lookupOnly = false): void {
    const view = this.viewOf(bytes);
    const base = this.sourceOffset;
    const hashes = this.batchHashes;
    for (let first = 0; first < count; first += BATCH) {
      const n = Math.min(BATCH, count - first);
      for (let k = 0; k < n; k++) {
        const i = first + k;
        const start = offsets[i] as number;
        const length = (offsets[i + 1] as number) - start;
        const previous = i > 0 ? (offsets[i - 1] as number) : -1;
        hashes[k] = previous >= 0 && start - previous === length && sameBytesFromEnd(view, base + previous, base + start, length)
          ? SAME_AS_PREVIOUS
          : hashBytes(view, base + start, length);
      }
      this.touch(hashes, n);
      for (let k = 0; k < n; k++) {
        const i = first + k;
        const hash = hashes[k] as number;
        if (hash === SAME_AS_PREVIOUS) {
          out[outAt + i] = out[outAt + i - 1] as number;
          continue;
        }
        const start = offsets[i] as number;
        const end = offsets[i + 1] as number;
        const found = this.lookup(view, base + start, end - start, hash);
        out[outAt + i] = found !== EMPTY_SLOT || lookupOnly ? found : this.add(bytes, start, end, hash);
      }
    }
  }

  value(id: number): string | null {
    const value = this.values[id];
    if (value !== undefined) return value;
    if (id <= 0 || id >= this.values.length) return null;
    const text = this.decode(id);
    this.values[id] = text;
    return text;
  }

  /** Like `value`, without keeping the decoded string (for large texts read once, such as raw label JSON). */
  transientValue(id: number): string | null {
    const value = this.values[id];
    if (value !== undefined) return value;
    if (id <= 0 || id >= this.values.length) return null;
    return this.decode(id);
  }

  get size(): number {
    return this.values.length;
  }

  /** Every text that reaches a summary row comes through here: what PostgreSQL cannot store is refused here. */
  private decode(id: number): string {
    const bytes = this.arena.subarray(this.spans[2 * id] as number, this.spans[2 * id + 1] as number);
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch (cause) {
      throw new InvalidOcpInputError(`text ${previewText(new TextDecoder().decode(bytes))}`, 'is not valid UTF-8', { cause });
    }
    if (text.includes('\u0000')) throw new InvalidOcpInputError(`text ${previewText(text)}`, 'holds a NUL character, which PostgreSQL cannot store');
    return text;
  }

  /** Writes `value`'s UTF-8 bytes to the start of `scratch` and returns their length. */
  private encodeScratch(value: string): number {
    // A UTF-16 code unit becomes at most 3 UTF-8 bytes.
    if (this.scratch.length < value.length * 3) {
      this.scratch = new Uint8Array(value.length * 3);
      this.scratchView = new DataView(this.scratch.buffer);
    }
    return this.encoder.encodeInto(value, this.scratch).written;
  }

  /**
   * Reads each hash's first slot and the start of the text it holds, so that the lookups after find them in cache.
   * The sum is kept only so the reads are not optimised away.
   */
  private touch(hashes: Int32Array, n: number): void {
    const slots = this.slots;
    const arena = this.arena;
    const mask = this.mask;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const hash = hashes[k] as number;
      if (hash === SAME_AS_PREVIOUS) continue;
      const from = slots[(hash & mask) * SLOT_INTS + 2] as number;
      if (from >= 0) sum += arena[from] as number;
    }
    this.touched = sum;
  }

  /** A view over `bytes`'s whole buffer (positions are `sourceOffset` + index into `bytes`). */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.sourceBytes) {
      this.sourceBytes = bytes;
      this.sourceView = new DataView(bytes.buffer);
      this.sourceOffset = bytes.byteOffset;
    }
    return this.sourceView;
  }

  /** `view`/`at`/`length`: the text's bytes as absolute positions in its buffer. */
  private lookup(view: DataView, at: number, length: number, hash: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const s = slot * SLOT_INTS;
      const id = slots[s] as number;
      if (id === EMPTY_SLOT) return EMPTY_SLOT;
      if (slots[s + 1] === hash) {
        const from = slots[s + 2] as number;
        if ((slots[s + 3] as number) - from === length && sameBytes(this.arenaView, from, view, at, length)) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < this.arenaUsed + length) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
      this.arenaView = new DataView(grown.buffer);
    }
    copyBytes(bytes, start, end, this.arena, this.arenaUsed);
    const id = this.values.length;
    this.values.push(undefined);
    if (2 * id + 2 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
      const grownHashes = new Int32Array(this.hashes.length * 2);
      grownHashes.set(this.hashes);
      this.hashes = grownHashes;
    }
    this.spans[2 * id] = this.arenaUsed;
    this.spans[2 * id + 1] = this.arenaUsed + length;
    this.hashes[id] = hash;
    this.arenaUsed += length;
    this.place(id);
    if (id * 2 > this.mask) this.rehash();
    return id;
  }

  /** Puts `id` in the first free slot of its probe sequence. */
  private place(id: number): void {
    const hash = this.hashes[id] as number;
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT_INTS] !== EMPTY_SLOT) slot = (slot + 1) & this.mask;
    const s = slot * SLOT_INTS;
    this.slots[s] = id;
    this.slots[s + 1] = hash;
    this.slots[s + 2] = this.spans[2 * id] as number;
    this.slots[s + 3] = this.spans[2 * id + 1] as number;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * SLOT_INTS).fill(EMPTY_SLOT);
    this.mask = size - 1;
    for (let id = 1; id < this.values.length; id++) this.place(id);
  }
}

/**
 * FNV-1a over 32-bit little-endian words (then the tail bytes), with a final avalanche so the low bits (the slot)
 * depend on every byte. Words are read relative to the text's start, so the hash does not depend on alignment.
 */
function hashBytes(view: DataView, at: number, length: number): number {
  let h = FNV_OFFSET;
  const words = at + (length & ~3);
  let i = at;
  for (; i < words; i += 4) h = Math.imul(h ^ view.getInt32(i, true), FNV_PRIME);
  for (const end = at + length; i < end; i++) h = Math.imul(h ^ view.getUint8(i), FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & 0x7fffffff;
}

function sameBytes(a: DataView, aAt: number, b: DataView, bAt: number, length: number): boolean {
  const words = length & ~3;
  let i = 0;
  for (; i < words; i += 4) if (a.getInt32(aAt + i, true) !== b.getInt32(bAt + i, true)) return false;
  for (; i < length; i++) if (a.getUint8(aAt + i) !== b.getUint8(bAt + i)) return false;
  return true;
}

/**
 * Two texts of one buffer compared from the end, 4 bytes at a time: neighbouring texts that differ usually share a
 * long prefix (label JSON of one deployment's pods shares ~80 of ~120 bytes) and differ within their last few bytes.
 */
export function sameBytesFromEnd(view: DataView, a: number, b: number, length: number): boolean {
  let k = length;
  for (; k >= 4; k -= 4) if (view.getInt32(a + k - 4, true) !== view.getInt32(b + k - 4, true)) return false;
  for (; k > 0; k--) if (view.getUint8(a + k - 1) !== view.getUint8(b + k - 1)) return false;
  return true;
}
