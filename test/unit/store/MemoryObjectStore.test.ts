import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { objectStoreContract } from '../../helpers/objectStoreContract.js';

describe('MemoryObjectStore', () => {
  objectStoreContract(async () => new MemoryObjectStore());

  it('keeps its own copy of what was put', async () => {
    const store = new MemoryObjectStore();
    const body = new Uint8Array([1, 2, 3]);
    await store.put('a', body);
    body[0] = 9;
    assert.deepEqual([...(await store.get('a'))], [1, 2, 3]);
  });
});
