/**
 * The standalone OCP-on-AWS pairing registry `koku_agg_ocp_aws_pairing` (spec §2.4: the role of Koku's
 * `api_providerinfrastructuremap`): which OCP sources run on which AWS source. Resource-id discovery
 * (`findInfraMapCandidates`) adds to it at run time; a cluster that matches only by tags must be registered here.
 */
import { qualifiedName, quoteIdentifier } from '../db/identifiers.js';
import { advisoryLockKey } from '../db/locks.js';
import { tableExists } from '../db/tableExists.js';
import { OCP_AWS_PAIRING_TABLE } from './constants.js';
import type { ClientBase } from 'pg';

export interface OcpAwsPairing {
  awsProviderUuid: string;
  ocpProviderUuid: string;
}

/**
 * Creates `koku_agg_ocp_aws_pairing` in the tenant schema if missing (idempotent, safe concurrently).
 *
 * @example await ensureOcpAwsPairingTable(client, 'org1234567')
 */
export async function ensureOcpAwsPairingTable(client: ClientBase, schema: string): Promise<void> {
  const lock = `SELECT pg_advisory_xact_lock('${advisoryLockKey(`koku-agg:ddl:ocp-aws-pairing:${schema}`).toString()}'::bigint)`;
  await client.query(
    [
      lock,
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema, 'schema name')}`,
      `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, OCP_AWS_PAIRING_TABLE)} (
        aws_provider_uuid uuid NOT NULL,
        ocp_provider_uuid uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (aws_provider_uuid, ocp_provider_uuid))`,
      `CREATE INDEX IF NOT EXISTS koku_agg_ocp_aws_pairing_ocp_idx ON ${qualifiedName(schema, OCP_AWS_PAIRING_TABLE)} (ocp_provider_uuid)`,
    ].join(';\n'),
  );
}

/**
 * Records that these OCP sources run on the AWS source (creates the table when missing); existing pairs are kept.
 *
 * @example await addOcpAwsPairings(client, 'org1234567', awsUuid, [ocpUuid])
 */
export async function addOcpAwsPairings(
  client: ClientBase,
  schema: string,
  awsProviderUuid: string,
  ocpProviderUuids: readonly string[],
): Promise<void> {
  await ensureOcpAwsPairingTable(client, schema);
  if (ocpProviderUuids.length === 0) return;
  await client.query(
    `INSERT INTO ${qualifiedName(schema, OCP_AWS_PAIRING_TABLE)} (aws_provider_uuid, ocp_provider_uuid)
     SELECT $1::uuid, u FROM unnest($2::uuid[]) AS u
     ON CONFLICT DO NOTHING`,
    [awsProviderUuid, [...ocpProviderUuids]],
  );
}

/**
 * The registered pairs, optionally only those of one AWS or one OCP source, ordered by (AWS, OCP) uuid. A schema
 * without the table has no pairs.
 *
 * @example (await listOcpAwsPairings(client, 'org1234567', { awsProviderUuid })).map((p) => p.ocpProviderUuid)
 */
export async function listOcpAwsPairings(
  client: ClientBase,
  schema: string,
  filter: { awsProviderUuid?: string; ocpProviderUuid?: string } = {},
): Promise<OcpAwsPairing[]> {
  const table = qualifiedName(schema, OCP_AWS_PAIRING_TABLE);
  if (!(await tableExists(client, table))) return [];
  const r = await client.query<{ aws: string; ocp: string }>(
    `SELECT aws_provider_uuid::text AS aws, ocp_provider_uuid::text AS ocp FROM ${table}
     WHERE ($1::uuid IS NULL OR aws_provider_uuid = $1::uuid) AND ($2::uuid IS NULL OR ocp_provider_uuid = $2::uuid)
     ORDER BY 1, 2`,
    [filter.awsProviderUuid ?? null, filter.ocpProviderUuid ?? null],
  );
  return r.rows.map((row) => ({ awsProviderUuid: row.aws, ocpProviderUuid: row.ocp }));
}
