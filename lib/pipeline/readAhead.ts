import { markHandled } from '../common/markHandled.js';
import { prefetchParquet } from '../parquet/index.js';
import type { PrefetchedParquet } from '../parquet/index.js';
import type { ObjectStore } from '../store/types.js';

/** An input object opened ahead of its turn: its footer and first row group are being read. */
export interface OpenedAhead {
  /** Settles when the footer and first row group are in; rejects with what `readParquetFooter` would throw. */
  prefetched: Promise<PrefetchedParquet>;
  /** Closes the object (after its reads have settled). */
  release: () => Promise<void>;
}

/** What to read of one object: its key and size (from the listing), columns and row groups. */
export interface ReadAheadObject {
  key: string;
  size?: number;
  columns: readonly string[];
  rowGroups?: readonly number[];
}

/**
 * Opens `object` and starts reading its footer and the first row group it will be read with (`prefetchParquet`).
 * Rejects when the store cannot open it.
 */
export async function openAhead(store: ObjectStore, object: ReadAheadObject): Promise<OpenedAhead> {
  const { blob, release } = await store.openBlob(object.key, object.size);
  const prefetched = markHandled(prefetchParquet(blob, { label: object.key, columns: object.columns, rowGroups: object.rowGroups }));
  return {
    prefetched,
    release: async () => {
      await prefetched.catch(() => undefined);
      await release();
    },
  };
}

/**
 * Calls `consume` for each item in order, having started `prepare` of the next item before the current one is
 * consumed, so the next object's round trips (an S3 GET costs tens of ms; a day reads some 25 objects) overlap the
 * decoding of this one. Only one item is prepared ahead, so memory holds one extra row group's compressed chunks.
 * `consume` owns what it is given (release it when done, also on failure); if `consume` throws, the loop stops
 * there and the item prepared ahead is disposed with `dispose`.
 *
 * @example
 * await eachReadAhead(inputs, (input) => openAhead(store, input), async (input, opened) => { … }, (o) => o.release());
 */
export async function eachReadAhead<T, P>(
  items: readonly T[],
  prepare: (item: T) => Promise<P>,
  consume: (item: T, prepared: Promise<P>) => Promise<void>,
  dispose: (prepared: P) => Promise<void>,
): Promise<void> {
  let next: Promise<P> | null = items.length > 0 ? markHandled(prepare(items[0] as T)) : null;
  try {
    for (let i = 0; i < items.length; i++) {
      const current = next as Promise<P>;
      next = i + 1 < items.length ? markHandled(prepare(items[i + 1] as T)) : null;
      await consume(items[i] as T, current);
    }
  } finally {
    const ahead = next === null ? undefined : await next.catch(() => undefined);
    if (ahead !== undefined) await dispose(ahead);
  }
}
