import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RangeBlob } from '../../../lib/store/RangeBlob.js';

describe('RangeBlob', () => {
  it('reads only the ranges asked for, with Blob slice semantics', async () => {
    const data = Buffer.from('0123456789');
    const reads: Array<[number, number]> = [];
    const blob = new RangeBlob(data.length, async (start, end) => {
      reads.push([start, end]);
      return data.subarray(start, end);
    });
    assert.equal(blob.size, 10);
    const middle = blob.slice(2, 8);
    assert.equal(middle.size, 6);
    assert.equal(await middle.slice(1, -1).text(), '3456');
    assert.equal(await blob.slice(-3).text(), '789');
    assert.equal(await blob.slice(8, 100).text(), '89');
    assert.equal(blob.slice(5, 2).size, 0);
    assert.equal(await blob.slice(5, 2).text(), '');
    assert.deepEqual(reads, [[3, 7], [7, 10], [8, 10]]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString(), '0123456789');
  });

  it("hands on a reader's own whole buffer, and copies a view into a larger one", async () => {
    const data = Buffer.from('0123456789');
    const own = new Uint8Array(4);
    const blob = new RangeBlob(data.length, async (start, end) => (start === 0 ? own : data.subarray(start, end)));
    assert.equal(await blob.slice(0, 4).arrayBuffer(), own.buffer);
    const copied = await blob.slice(2, 5).arrayBuffer();
    assert.equal(copied.byteLength, 3);
    assert.equal(Buffer.from(copied).toString(), '234');
  });
});
