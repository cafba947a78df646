import { Command } from 'commander';
import { ensureTenantSchema, listProviders, upsertProvider, withClient } from '../../lib/db/index.js';
import { addOcpAwsPairings } from '../../lib/ocp-aws/pairings.js';
import { consoleLogger } from '../consoleLogger.js';
import { openDatabase } from '../database.js';
import { parseUuid } from '../options.js';

/** The standalone provider registry the Lambdas read cluster id and alias from. */
export function providerCommand(): Command {
  const provider = new Command('provider').description('standalone provider registry (koku_agg_provider)');
  provider
    .command('add')
    .description('register (or update) a source so the pipeline can write its rows')
    .requiredOption('--schema <schema>', 'tenant schema')
    .requiredOption('--provider-uuid <uuid>', 'source UUID', parseUuid)
    .option('--provider-type <type>', 'OCP or AWS', 'OCP')
    .option('--cluster-id <id>', 'OpenShift cluster id (OCP sources)')
    .option('--cluster-alias <alias>', 'cluster alias (default: the cluster id)')
    .option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else the embedded PostgreSQL)')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .action(async (o) => {
      if (o.providerType === 'OCP' && !o.clusterId) throw new Error('--cluster-id is required for an OCP source');
      await withDatabaseClient(o, async (client) => {
        await ensureTenantSchema(client, o.schema);
        await upsertProvider(client, o.schema, { providerUuid: o.providerUuid, providerType: o.providerType, clusterId: o.clusterId ?? null, clusterAlias: o.clusterAlias ?? o.clusterId ?? null });
        process.stdout.write(`provider ${o.providerUuid} registered in ${o.schema}\n`);
      });
    });
  provider
    .command('pair')
    .description('record that OCP sources run on an AWS source (standalone OCP-on-AWS pairing)')
    .requiredOption('--schema <schema>', 'tenant schema')
    .requiredOption('--aws-provider-uuid <uuid>', 'the AWS source UUID', parseUuid)
    .requiredOption('--ocp-provider-uuid <uuid...>', 'the OCP source UUID(s)')
    .option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else the embedded PostgreSQL)')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .action(async (o) => {
      const ocp = (o.ocpProviderUuid as string[]).flatMap((v) => v.split(',')).map((v) => parseUuid(v.trim()));
      await withDatabaseClient(o, async (client) => {
        await ensureTenantSchema(client, o.schema);
        await upsertProvider(client, o.schema, { providerUuid: o.awsProviderUuid, providerType: 'AWS' });
        await addOcpAwsPairings(client, o.schema, o.awsProviderUuid, ocp);
        process.stdout.write(`AWS source ${o.awsProviderUuid} paired with ${ocp.join(', ')} in ${o.schema}\n`);
      });
    });
  provider
    .command('list')
    .requiredOption('--schema <schema>', 'tenant schema')
    .option('--db <url>', 'PostgreSQL URL')
    .option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.koku-agg')
    .action(async (o) => {
      await withDatabaseClient(o, async (client) => {
        for (const p of await listProviders(client, o.schema)) process.stdout.write(`${p.providerUuid}\t${p.providerType}\t${p.clusterId ?? ''}\t${p.clusterAlias ?? ''}\n`);
      });
    });
  return provider;
}

async function withDatabaseClient(o: { db?: string; dataDir: string }, fn: (c: import('pg').PoolClient) => Promise<void>) {
  const database = await openDatabase({ db: o.db, dataDir: o.dataDir, logger: consoleLogger('warn') });
  try {
    await withClient(database.pool, fn);
  } finally {
    await database.close();
  }
}
