import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/db/embeddedPostgres.js';
import { EmbeddedPostgresError } from '../../lib/db/errors.js';
import { testDatabaseUrl } from '../helpers/database.js';

describe('startEmbeddedPostgres', () => {
  // Same contract as every integration file: no database configured is a failure, not a skip.
  testDatabaseUrl();
  const root = mkdtempSync(join(tmpdir(), 'koku-agg-embedded-'));
  // As root the server runs as "postgres", which must be able to reach the data directory.
  chmodSync(root, 0o755);
  after(() => rmSync(root, { recursive: true, force: true }));

  const query = async (url: string, sql: string): Promise<pg.QueryResult['rows']> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('initialises, starts, creates the database, stops; a restart reuses the data directory', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'nested', 'pg');
    const first = await startEmbeddedPostgres({ dataDir, database: 'koku_emb' });
    try {
      assert.match(first.url, /^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/koku_emb$/);
      await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
      const [enc] = await query(first.url, 'SHOW server_encoding');
      assert.equal(enc.server_encoding, 'UTF8');
    } finally {
      await first.stop();
    }
    await assert.rejects(query(first.url, 'SELECT 1'));

    const second = await startEmbeddedPostgres({ dataDir, database: 'koku_emb' });
    try {
      assert.deepEqual(await query(second.url, 'SELECT v FROM kept'), [{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('explains a data directory the postgres OS user cannot reach (when running as root)', { skip: process.getuid?.() !== 0 ? 'only meaningful as root' : false }, async () => {
    const locked = join(root, 'locked');
    mkdirSync(locked, { mode: 0o700 });
    await assert.rejects(startEmbeddedPostgres({ dataDir: join(locked, 'pg') }), (err: unknown) =>
      err instanceof EmbeddedPostgresError && /locked \(mode 700\) is not traversable/.test(String((err as Error).cause)));
  });

  it('refuses a non-empty directory that is not a PostgreSQL data directory', async () => {
    const dataDir = join(root, 'not-pg');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'something.txt'), 'x');
    await assert.rejects(startEmbeddedPostgres({ dataDir }), (err: unknown) =>
      err instanceof EmbeddedPostgresError && /not a PostgreSQL data directory/.test(String((err as Error).cause)));
  });
});
