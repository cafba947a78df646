import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` in one transaction on a client from `pool`: COMMIT when it resolves, ROLLBACK when it throws (the
 * original error is rethrown). A client whose ROLLBACK failed is destroyed rather than returned to the pool.
 *
 * @example
 * const result = await withTransaction(pool, async (client) => {
 *   await acquireXactLock(client, lockName);
 *   return replaceOcpDays(client, input);
 * });
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `fn` on a client from `pool` (no transaction) and always returns the client.
 *
 * @example const config = await withClient(pool, (client) => readOcpSummaryConfig(client, 'org1234567'));
 */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
