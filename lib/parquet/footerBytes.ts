import type { ParquetFooter } from './types.js';

/** The raw Thrift `FileMetaData` each decoded footer came from, so a reader can project without re-reading it. */
const rawFooters = new WeakMap<ParquetFooter, Uint8Array>();

export function rememberFooterBytes(footer: ParquetFooter, bytes: Uint8Array): void {
  rawFooters.set(footer, bytes);
}

/** The footer's Thrift bytes, when `footer` came from `readParquetFooter`. */
export function footerBytesOf(footer: ParquetFooter): Uint8Array | undefined {
  return rawFooters.get(footer);
}
