import { Command } from 'commander';
import { ensureTenantSchema, withClient } from '../../lib/db/index.js';
import { consoleLogger } from '../consoleLogger.js';
import { openDatabase } from '../database.js';

export function dbCommand(): Command {
  const db = new Command('db').description('database set-up');
  db.command('init')
    .description("create (idempotently) the Koku tables this tool reads and writes in a tenant schema")
    .requiredOption('--schema <schema>', 'tenant schema (org1234567 or acct10001)')
    .option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else the embedded PostgreSQL)')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .action(async (o: { schema: string; db?: string; dataDir: string }) => {
      const database = await openDatabase({ db: o.db, dataDir: o.dataDir, logger: consoleLogger('warn') });
      try {
        await withClient(database.pool, (client) => ensureTenantSchema(client, o.schema));
        process.stdout.write(`schema ${o.schema} ready in ${database.where}\n`);
      } finally {
        await database.close();
      }
    });
  return db;
}
