/**
 * Deterministic randomness for generated data: `mulberry32` for sequential draws (topology, nise-style random
 * filler) and a stateless `hash01` for per-cell values, so a (pod, hour) value does not depend on the order in
 * which rows are produced (the CSV and Arrow paths must agree row for row).
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Python's `random.uniform(a, b)`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Python's `random.randint(a, b)`: both ends included. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Lower-case hex of `length` characters (nise's `uuid4().hex[:n]`). */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A pronounceable filler word (stands in for Faker's `word()`). */
  word(): string {
    const consonants = 'bcdfghjklmnprstvz';
    const vowels = 'aeiou';
    let out = '';
    const syllables = this.int(2, 3);
    for (let i = 0; i < syllables; i++) out += this.pick([...consonants]) + this.pick([...vowels]);
    return out;
  }

  /** A digit string (Faker's `ean8()` / `ean(13)`). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A fresh generator whose stream is independent of this one's. */
  fork(salt: number): Prng {
    return new Prng(hash32(this.state, salt));
  }
}

/** A 32-bit mix of integers (murmur3's finaliser over a running combination). */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) h = mix(h, v);
  return h >>> 0;
}

/** Uniform in [0, 1) from four integers, without state (fixed arity: no array per call in hot loops). */
export function hash01(a: number, b: number, c: number, d: number): number {
  let h = mix(0x9e3779b9, a);
  h = mix(h, b);
  h = mix(h, c);
  h = mix(h, d);
  return (h >>> 0) / 4294967296;
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ (v >>> 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A stable 32-bit seed from text (cluster ids, manifest paths). */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
