import { createRequire } from 'node:module';

/** Raw Snappy block → bytes, as the native `snappy` package does it. */
export type NativeSnappyUncompress = (block: Uint8Array) => Uint8Array;

interface SnappyModule {
  uncompressSync(input: Uint8Array, options: { asBuffer: true }): Buffer;
}

/**
 * The `snappy` package's native decompressor (napi-rs; about 4× our JS decoder), or null where its binary does not
 * load (an unsupported platform, or a Lambda bundle built for another architecture). Loaded with `createRequire` so
 * bundlers leave it out and a missing binary only means the JS decoder runs.
 */
export const nativeSnappyUncompress: NativeSnappyUncompress | null = load();

function load(): NativeSnappyUncompress | null {
  try {
    const snappy = createRequire(import.meta.url)('snappy') as SnappyModule;
    return (block) => {
      const out = snappy.uncompressSync(block, { asBuffer: true });
      // A plain Uint8Array view: Buffer's own subarray (called per string value downstream) costs several times more.
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    };
  } catch {
    return null;
  }
}
