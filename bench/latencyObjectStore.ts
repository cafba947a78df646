import { setTimeout as sleep } from 'node:timers/promises';
import type { ObjectStore } from '../lib/store/types.js';

/**
 * An object store that waits `latencyMs` before every listing and every ranged read of another store: the round trip
 * an S3 GET costs from Lambda (tens of ms), which a local directory does not have. Reads in flight at once wait at
 * once, as concurrent GETs do. Only what the day task uses is delayed; everything else passes through.
 */
export function withReadLatency(store: ObjectStore, latencyMs: number): ObjectStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'list') {
        return async (prefix: string) => {
          await sleep(latencyMs);
          return target.list(prefix);
        };
      }
      if (property === 'openBlob') {
        return async (key: string, size?: number) => {
          const { blob, release } = await target.openBlob(key, size);
          return { blob: new LatencyBlob(blob, latencyMs), release };
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A Blob whose reads (`arrayBuffer`, `bytes`, `text`) each wait `latencyMs` first. */
class LatencyBlob implements Blob {
  readonly size: number;
  readonly type: string;

  constructor(
    private readonly base: Blob,
    private readonly latencyMs: number,
  ) {
    this.size = base.size;
    this.type = base.type;
  }

  slice(start?: number, end?: number, contentType?: string): Blob {
    return new LatencyBlob(this.base.slice(start, end, contentType), this.latencyMs);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    await sleep(this.latencyMs);
    return this.base.arrayBuffer();
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async text(): Promise<string> {
    await sleep(this.latencyMs);
    return this.base.text();
  }

  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return this.base.stream() as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
}
