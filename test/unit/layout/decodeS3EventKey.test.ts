import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeS3EventKey } from '../../../lib/layout/decodeS3EventKey.js';
import { InvalidS3EventKeyError } from '../../../lib/layout/errors.js';

describe('decodeS3EventKey', () => {
  it('turns + into spaces and decodes %XX (so %2B stays a plus)', () => {
    assert.equal(decodeS3EventKey('data/parquet/org1/source%3Dabc/my+file%2Bx.parquet'), 'data/parquet/org1/source=abc/my file+x.parquet');
  });

  it('names the raw key when the encoding is broken', () => {
    assert.throws(() => decodeS3EventKey('bad%E0%A4%A.parquet'), (err: unknown) => {
      assert.ok(err instanceof InvalidS3EventKeyError);
      assert.match(err.message, /bad%E0%A4%A\.parquet/);
      assert.ok(err.cause instanceof URIError);
      return true;
    });
  });
});
