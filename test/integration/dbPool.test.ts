/**
 * createPool against a real PostgreSQL: an idle connection the server ends (a restart, a failover, an idle timeout)
 * is logged and replaced; without the pool's error listener the process would end on pg's 'error' event.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createPool } from '../../lib/db/index.js';
import { testDatabaseUrl } from '../helpers/database.js';
import { capturingLogger, type LogLine } from '../helpers/pipelineHarness.js';

describe('createPool', () => {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  after(() => admin.end());

  it('logs an idle connection the server ends, and the next query opens a new one', async () => {
    await admin.connect();
    const lines: LogLine[] = [];
    const pool = createPool({ connectionString: testDatabaseUrl(), max: 1 }, capturingLogger(lines));
    try {
      const first = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await admin.query('SELECT pg_terminate_backend($1)', [first]);
      for (let i = 0; i < 500 && !lines.some((l) => l.level === 'warn'); i++) await new Promise((r) => setTimeout(r, 10));
      const warn = lines.find((l) => l.level === 'warn');
      assert.ok(warn, 'the lost connection is reported');
      assert.equal(warn.message, 'idle PostgreSQL connection lost; the next query opens a new one');
      assert.equal(warn.extra?.code, '57P01');
      const second = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      assert.notEqual(second, first);
    } finally {
      await pool.end();
    }
  });
});
