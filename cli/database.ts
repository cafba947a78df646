import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/common/logger.js';
import { startEmbeddedPostgres } from '../lib/db/embeddedPostgres.js';

export interface OpenDatabase {
  pool: pg.Pool;
  /** Where the data is, for the user (the URL without its password, or the embedded data directory). */
  where: string;
  close(): Promise<void>;
}

/** `--db URL`, else `KOKU_AGG_DATABASE_URL`, else an embedded PostgreSQL under `<dataDir>/pg` that persists between runs. */
export async function openDatabase(opts: { db?: string; dataDir: string; logger: Logger }): Promise<OpenDatabase> {
  const url = opts.db ?? process.env.KOKU_AGG_DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    return { pool, where: redact(url), close: () => pool.end() };
  }
  const dataDir = resolve(join(opts.dataDir, 'pg'));
  const server = await startEmbeddedPostgres({ dataDir, log: opts.logger });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  return {
    pool,
    where: `embedded PostgreSQL, data in ${dataDir}`,
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(database URL)';
  }
}
