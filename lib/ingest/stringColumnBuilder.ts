import type { StringColumn } from './types.js';

/** Grows a dictionary-encoded string column one value at a time; equal strings share one code. */
export class StringColumnBuilder {
  private readonly index = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private codes: Int32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.codes = new Int32Array(Math.max(16, capacity));
  }

  /** The code `value` has (or gets) in this column's dictionary, without appending a row. */
  codeOf(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  push(value: string | null): void {
    this.pushCode(value === null ? -1 : this.codeOf(value));
  }

  pushCode(code: number): void {
    if (this.size === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = code;
  }

  get length(): number {
    return this.size;
  }

  build(): StringColumn {
    return { kind: 'string', dictionary: this.dictionary.slice(), codes: this.codes.slice(0, this.size) };
  }
}
