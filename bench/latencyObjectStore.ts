import { setTimeout as sleep } from 'node:timers/promises';
import { RangeBlob } from '../lib/store/RangeBlob.js';
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
          return { blob: latencyBlob(blob, latencyMs), release };
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `base`, with every read waiting `latencyMs` first. */
function latencyBlob(base: Blob, latencyMs: number): Blob {
  return new RangeBlob(base.size, async (start, end) => {
    await sleep(latencyMs);
    return new Uint8Array(await base.slice(start, end).arrayBuffer());
  });
}
