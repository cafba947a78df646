import { assertIdentifier, qualifiedName } from '../db/identifiers.js';
import { accountForSchema } from '../layout/accountForSchema.js';
import {
  API_CUSTOMER_TABLE,
  KOKU_PUBLIC_SCHEMA,
  OCP_PROVIDER_TYPE,
  API_PROVIDER_AUTHENTICATION_TABLE,
  API_PROVIDER_INFRASTRUCTURE_MAP_TABLE,
  API_PROVIDER_TABLE,
} from './constants.js';
import { ProviderNotFoundError } from './errors.js';
import { readCostModelSettings } from './readCostModelSettings.js';
import { tenantSchemaForAccount } from './tenantSchemaForAccount.js';
import type {
  KokuProviderMetadataOptions,
  LookupProviderOptions,
  ProviderLookup,
  ProviderMetadata,
  ProviderMetadataSource,
  Queryable,
} from './types.js';

interface ProviderRow {
  uuid: string;
  name: string;
  type: string;
  active: boolean;
  paused: boolean;
  setup_complete: boolean;
  schema_name: string | null;
  cluster_id: string | null;
  cluster_alias: string | null;
  infrastructure_type: string | null;
  infrastructure_provider_uuid: string | null;
}

/**
 * Koku mode: provider metadata read from a Koku database, the way Koku's own code derives it.
 * - tenant schema: `api_customer.schema_name` of the provider's customer;
 * - cluster id: `api_providerauthentication.credentials->>'cluster_id'` (`get_cluster_id_from_provider`);
 * - cluster alias: the name of the first provider (by name, across all tenants, as Koku's query has no tenant
 *   filter) whose credentials equal `{"cluster_id": <id>}` (`get_cluster_alias_from_cluster_id`);
 * - OCP-on-cloud pairing: `api_provider.infrastructure_id` → `api_providerinfrastructuremap`;
 * - cost models: the tenant's `cost_model` / `cost_model_map`.
 * Only reads; never writes to Koku's tables.
 *
 * @example
 * const metadata = kokuProviderMetadata(kokuPool);
 * const lookup = await metadata.lookupProvider(providerUuid, { schema: 'org1234567' });
 * if (!lookup.found) logger.warn('skipping source', { reason: lookup.error.message });
 */
export function kokuProviderMetadata(db: Queryable, options: KokuProviderMetadataOptions = {}): ProviderMetadataSource {
  const pub = assertIdentifier(options.publicSchema ?? KOKU_PUBLIC_SCHEMA, 'schema name');
  const t = (table: string): string => qualifiedName(pub, table);
  const select = `
    SELECT p.uuid::text AS uuid, p.name, p.type, p.active, p.paused, p.setup_complete,
           c.schema_name,
           CASE WHEN p.type = $1 THEN a.credentials ->> 'cluster_id' END AS cluster_id,
           CASE WHEN p.type = $1 AND a.credentials ? 'cluster_id' THEN (
             SELECT p2.name FROM ${t(API_PROVIDER_TABLE)} p2
             JOIN ${t(API_PROVIDER_AUTHENTICATION_TABLE)} a2 ON a2.id = p2.authentication_id
             WHERE a2.credentials = jsonb_build_object('cluster_id', a.credentials -> 'cluster_id')
             ORDER BY p2.name, p2.uuid LIMIT 1) END AS cluster_alias,
           m.infrastructure_type,
           m.infrastructure_provider_id::text AS infrastructure_provider_uuid
    FROM ${t(API_PROVIDER_TABLE)} p
    LEFT JOIN ${t(API_PROVIDER_AUTHENTICATION_TABLE)} a ON a.id = p.authentication_id
    LEFT JOIN ${t(API_CUSTOMER_TABLE)} c ON c.id = p.customer_id
    LEFT JOIN ${t(API_PROVIDER_INFRASTRUCTURE_MAP_TABLE)} m ON m.id = p.infrastructure_id`;

  return {
    mode: 'koku',

    async tenantSchema(account) {
      const schema = tenantSchemaForAccount(account);
      const r = await db.query<{ schema_name: string }>(`SELECT schema_name FROM ${t(API_CUSTOMER_TABLE)} WHERE schema_name = $1`, [schema]);
      return r.rows.length ? r.rows[0].schema_name : null;
    },

    async lookupProvider(providerUuid: string, lookup: LookupProviderOptions = {}): Promise<ProviderLookup> {
      const subject = `provider ${providerUuid}`;
      const r = await db.query<ProviderRow>(`${select} WHERE p.uuid = $2::uuid`, [OCP_PROVIDER_TYPE, providerUuid]);
      if (r.rows.length === 0) {
        return notFound(subject, `not in ${pub}.${API_PROVIDER_TABLE} (deleted, or never created in Koku)`);
      }
      const row = r.rows[0];
      if (row.schema_name === null) return notFound(subject, 'has no customer, so no tenant schema');
      if (lookup.schema !== undefined && lookup.schema !== row.schema_name) {
        return notFound(subject, `belongs to tenant ${row.schema_name}, not ${lookup.schema}`);
      }
      return { found: true, provider: toMetadata(row, row.schema_name) };
    },

    costModelSettings(schema, providerUuid) {
      return readCostModelSettings(db, schema, providerUuid);
    },

    async ocpSourcesOn(infrastructureProviderUuid) {
      const r = await db.query<ProviderRow>(
        `${select} WHERE p.type = $1 AND m.infrastructure_provider_id = $2::uuid AND c.schema_name IS NOT NULL ORDER BY p.uuid`,
        [OCP_PROVIDER_TYPE, infrastructureProviderUuid],
      );
      return r.rows.map((row) => toMetadata(row, row.schema_name as string));
    },
  };
}

function notFound(subject: string, reason: string): ProviderLookup {
  return { found: false, error: new ProviderNotFoundError(subject, reason) };
}

function toMetadata(row: ProviderRow, schema: string): ProviderMetadata {
  return {
    providerUuid: row.uuid,
    providerType: row.type,
    name: row.name,
    schema,
    account: accountForSchema(schema),
    clusterId: row.cluster_id,
    clusterAlias: row.cluster_alias,
    active: row.active,
    paused: row.paused,
    setupComplete: row.setup_complete,
    infrastructure:
      row.infrastructure_provider_uuid === null
        ? null
        : { providerUuid: row.infrastructure_provider_uuid, providerType: row.infrastructure_type ?? '' },
  };
}
