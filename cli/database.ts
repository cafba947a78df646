import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type pg from 'pg';
import type { Logger } from '../lib/common/logger.js';
import { startEmbeddedPostgres } from '../lib/db/embeddedPostgres.js';
import { createPool } from '../lib/db/index.js';

export interface OpenDatabase {
  pool: pg.Pool;
  /** Where the data is, for the user (the URL without its password, or the embedded data directory). */
  where: string;
  /** True for the embedded PostgreSQL, which shares this machine's cores with the day tasks. */
  embedded: boolean;
  close(): Promise<void>;
}

/** `--db URL`, else `KOKU_AGG_DATABASE_URL`, else an embedded PostgreSQL under `<dataDir>/pg` that persists between runs. */
export async function openDatabase(opts: { db?: string; dataDir: string; logger: Logger }): Promise<OpenDatabase> {
  const url = opts.db ?? process.env.KOKU_AGG_DATABASE_URL;
  if (url) {
    const pool = createPool({ connectionString: url, max: 4 }, opts.logger);
    return { pool, where: redact(url), embedded: false, close: () => pool.end() };
  }
  const dataDir = embeddedDataDir(resolve(join(opts.dataDir, 'pg')));
  const server = await startEmbeddedPostgres({ dataDir, log: opts.logger });
  const pool = createPool({ connectionString: server.url, max: 4 }, opts.logger);
  return {
    pool,
    where: `embedded PostgreSQL, data in ${dataDir}`,
    embedded: true,
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, who must be able to traverse every parent of its data
 * directory; under e.g. /root it cannot, so the data moves to a per-directory folder under /var/tmp (and we say so).
 */
function embeddedDataDir(wanted: string): string {
  if (process.getuid?.() !== 0) return wanted;
  for (let dir = dirname(wanted); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      return join('/var/tmp/koku-agg-pg', createHash('sha256').update(wanted).digest('hex').slice(0, 12));
    }
  }
  return wanted;
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
