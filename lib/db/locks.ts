import { createHash } from 'node:crypto';
import type { DbClient } from './types.js';

/**
 * Stable signed 64-bit key for a lock name (first 8 bytes of its SHA-256): the same name maps to the same
 * advisory lock in every process and version.
 *
 * @example advisoryLockKey('finalize:org1234567:OCP:<uuid>:2025-10')
 */
export function advisoryLockKey(key: string): bigint {
  return createHash('sha256').update(key, 'utf8').digest().readBigInt64BE(0);
}

/**
 * Waits for `pg_advisory_xact_lock` on `key`; released at COMMIT/ROLLBACK. Only meaningful inside a transaction
 * (outside one it is released as soon as the statement ends).
 *
 * @example await withTransaction(pool, async (c) => { await acquireXactLock(c, `finalize:${account}:${uuid}:${month}`); ... })
 */
export async function acquireXactLock(client: DbClient, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey(key).toString()]);
}

/**
 * `acquireXactLock` on each key, in sorted order: two transactions asking for overlapping sets then queue on the first
 * key they share instead of each holding what the other waits for (no deadlock).
 *
 * @example await acquireXactLocks(client, days.map((day) => `ocp:${schema}:${providerUuid}:${day}`))
 */
export async function acquireXactLocks(client: DbClient, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await acquireXactLock(client, key);
}

/** Like `acquireXactLock` but returns `false` at once instead of waiting when another transaction holds it. */
export async function tryAcquireXactLock(client: DbClient, key: string): Promise<boolean> {
  const r = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [
    advisoryLockKey(key).toString(),
  ]);
  return r.rows[0].locked;
}

/**
 * Held while a transaction creates what a month of a tenant schema needs before its rows: report periods, AWS bills
 * and monthly partitions. One such transaction per schema at a time, whatever its source or month: creating a
 * partition locks the whole table its foreign keys point to (the report-period or bill table) against inserts, so two
 * transactions each inserting a report period and then creating a partition deadlock. Take it before the first such
 * insert, and only when something is missing, so the usual commit never waits for it.
 *
 * @example if (await needsReportPeriod()) await acquireMonthSetupLock(client, 'org1234567')
 */
export async function acquireMonthSetupLock(client: DbClient, schema: string): Promise<void> {
  await acquireXactLock(client, `koku-agg:month-setup:${schema}`);
}
