import pg from 'pg';
import type { Logger } from '../common/logger.js';

/**
 * A `pg.Pool` that outlives the loss of an idle connection. pg reports an idle client's error (the server restarting
 * or failing over, an idle timeout, a proxy dropping the socket while a Lambda container is frozen) as an 'error'
 * event on the pool, and an 'error' event nobody listens to ends the process. The lost client has already left the
 * pool; the next query opens a new connection. Once the pool is ending, such errors are expected (the server may
 * stop while clients are still closing) and only logged at debug level.
 *
 * @example
 * const pool = createPool({ connectionString: url, max: 4 }, logger);
 */
export function createPool(config: pg.PoolConfig, logger: Logger): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (err: Error & { code?: string }) => {
    const extra = { error: err.message, code: err.code };
    if (pool.ending) logger.debug('PostgreSQL connection closed while the pool ends', extra);
    else logger.warn('idle PostgreSQL connection lost; the next query opens a new one', extra);
  });
  return pool;
}
