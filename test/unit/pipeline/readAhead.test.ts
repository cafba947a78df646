// One item prepared ahead of a loop (eachReadAhead), and the OCP day task that uses it: it must open the next object
// before the current one is done, and close every object it opened, whatever happens to the task.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { silentLogger } from '../../../lib/common/logger.js';
import { accountForSchema } from '../../../lib/layout/index.js';
import { DayTaskError } from '../../../lib/pipeline/errors.js';
import { runOcpDayTask } from '../../../lib/pipeline/ocpDayTask.js';
import { eachReadAhead } from '../../../lib/pipeline/readAhead.js';
import type { DayTask } from '../../../lib/pipeline/types.js';
import { MemoryObjectStore, ObjectStoreError } from '../../../lib/store/index.js';
import { dayObjects, putObjects, sampleDay } from '../../helpers/kokuFixtures.js';

const DAY = '2025-09-10';
const PROVIDER = '3c1a2b4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const account = accountForSchema('org1234567');
const task: DayTask = { account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 9, day: DAY };

/** A store that logs opens and releases, and can refuse to open one key. */
class LoggingStore extends MemoryObjectStore {
  readonly log: string[] = [];
  refuse: string | null = null;

  override async openBlob(key: string): Promise<{ blob: Blob; release: () => Promise<void> }> {
    const name = key.slice(key.lastIndexOf('/') + 1);
    if (name === this.refuse) throw new ObjectStoreError(key, 'connection reset');
    const { blob, release } = await super.openBlob(key);
    this.log.push(`open ${name}`);
    return {
      blob,
      release: async () => {
        this.log.push(`release ${name}`);
        await release();
      },
    };
  }

  balanced(): boolean {
    const opened = this.log.filter((line) => line.startsWith('open ')).map((line) => line.slice(5));
    const released = this.log.filter((line) => line.startsWith('release ')).map((line) => line.slice(8));
    return opened.length > 0 && [...opened].sort().join() === [...released].sort().join();
  }
}

async function storeWithDay(): Promise<LoggingStore> {
  const store = new LoggingStore();
  await putObjects(store, dayObjects({ account, providerUuid: PROVIDER }, sampleDay(DAY)));
  return store;
}

const run = (store: LoggingStore) =>
  runOcpDayTask(
    { dataStore: store, partialStore: new MemoryObjectStore(), partialsPrefix: 'partials/', config: { enabledKeys: ['app'], costCategories: [] }, logger: silentLogger },
    task,
  );

describe('OCP day task: reading ahead', () => {
  it('opens the next object before it has finished with the current one, and closes every object', async () => {
    const store = await storeWithDay();
    await run(store);
    const [first] = store.log;
    const firstName = first?.slice(5);
    const secondOpen = store.log.findIndex((line, i) => i > 0 && line.startsWith('open '));
    assert.ok(secondOpen > 0 && secondOpen < store.log.indexOf(`release ${firstName}`), store.log.join(', '));
    assert.ok(store.balanced(), store.log.join(', '));
  });

  it('closes every object when one is not Parquet (the task fails naming it)', async () => {
    const store = await storeWithDay();
    const hourly = (await store.list('')).find((o) => o.key.includes('/pod_usage/') && !o.key.includes('daily'));
    assert.ok(hourly);
    await store.put(hourly.key, 'interval_start,pod\n');
    await assert.rejects(run(store), (err: unknown) => err instanceof DayTaskError && err.message.includes(hourly.key));
    assert.ok(store.balanced(), store.log.join(', '));
  });

  it('closes the object opened ahead when the store fails (the task fails with the store error)', async () => {
    const store = await storeWithDay();
    await run(store);
    // The first object read fails to open; the second is open by then.
    store.refuse = (store.log[0] as string).slice(5);
    store.log.length = 0;
    await assert.rejects(run(store), (err: unknown) => err instanceof ObjectStoreError && /connection reset/.test(err.message));
    assert.ok(store.log.length > 0 && store.balanced(), store.log.join(', '));
  });
});

describe('eachReadAhead', () => {
  it('prepares the next item before the current one is consumed, and consumes in order', async () => {
    const events: string[] = [];
    await eachReadAhead(
      ['a', 'b', 'c'],
      async (item) => {
        events.push(`prepare ${item}`);
        return item.toUpperCase();
      },
      async (item, prepared) => {
        events.push(`consume ${item} ${await prepared}`);
      },
      async () => assert.fail('nothing is left to dispose after a full pass'),
    );
    assert.deepEqual(events, ['prepare a', 'prepare b', 'consume a A', 'prepare c', 'consume b B', 'consume c C']);
  });

  it('stops at a failing consume and disposes the item prepared ahead, whose own failure stays handled', async () => {
    const disposed: string[] = [];
    await assert.rejects(
      eachReadAhead(
        ['a', 'b', 'c'],
        async (item) => item,
        async (item) => {
          if (item === 'a') throw new Error('store outage');
        },
        async (prepared) => void disposed.push(prepared),
      ),
      /store outage/,
    );
    assert.deepEqual(disposed, ['b']);

    // A prepare that rejects and is never consumed must not surface as an unhandled rejection.
    await assert.rejects(
      eachReadAhead(
        ['a', 'b'],
        async (item) => (item === 'b' ? Promise.reject(new Error('cannot open b')) : item),
        async () => {
          throw new Error('stop at a');
        },
        async () => assert.fail('a failed prepare has nothing to dispose'),
      ),
      /stop at a/,
    );
  });
});
