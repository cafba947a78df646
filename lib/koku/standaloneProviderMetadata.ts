import { PROVIDER_TABLE } from '../db/constants.js';
import { qualifiedName } from '../db/identifiers.js';
import { accountForSchema } from '../layout/accountForSchema.js';
import { COST_MODEL_MAP_TABLE, COST_MODEL_TABLE, OCP_PROVIDER_TYPE } from './constants.js';
import { ProviderNotFoundError } from './errors.js';
import { NO_COST_MODEL, readCostModelSettings } from './readCostModelSettings.js';
import type {
  LookupProviderOptions,
  ProviderLookup,
  ProviderMetadataSource,
  Queryable,
  StandaloneProviderMetadataOptions,
} from './types.js';

interface RegistryRow {
  provider_uuid: string;
  provider_type: string;
  cluster_id: string | null;
  cluster_alias: string | null;
}

/**
 * Standalone mode: one tenant schema, sources registered with `koku-agg provider add` in its `koku_agg_provider`.
 * Registered sources are active and unpaused; there is no stored OCP-on-cloud pairing (`ocpSourcesOn` is empty, so
 * pairing comes from resource-id discovery). Cost-model settings are read from the schema's `cost_model` tables
 * when they exist (a copy of a Koku tenant), else the no-cost-model defaults.
 *
 * @example
 * const metadata = standaloneProviderMetadata(pool, 'org1234567');
 * const lookup = await metadata.lookupProvider(providerUuid);
 */
export function standaloneProviderMetadata(
  db: Queryable,
  schema: string,
  options: StandaloneProviderMetadataOptions = {},
): ProviderMetadataSource {
  const registry = qualifiedName(schema, PROVIDER_TABLE);
  const account = options.account ?? accountForSchema(schema);

  return {
    mode: 'standalone',

    async tenantSchema(a) {
      return a === account ? schema : null;
    },

    async lookupProvider(providerUuid: string, lookup: LookupProviderOptions = {}): Promise<ProviderLookup> {
      const subject = `provider ${providerUuid}`;
      if (lookup.schema !== undefined && lookup.schema !== schema) {
        return { found: false, error: new ProviderNotFoundError(subject, `this standalone registry serves ${schema}, not ${lookup.schema}`) };
      }
      const r = await db.query<RegistryRow>(
        `SELECT provider_uuid::text AS provider_uuid, provider_type, cluster_id, cluster_alias FROM ${registry} WHERE provider_uuid = $1::uuid`,
        [providerUuid],
      );
      if (r.rows.length === 0) {
        return { found: false, error: new ProviderNotFoundError(subject, `not registered in ${schema}.${PROVIDER_TABLE} (run "koku-agg provider add")`) };
      }
      const row = r.rows[0];
      const ocp = row.provider_type === OCP_PROVIDER_TYPE;
      return {
        found: true,
        provider: {
          providerUuid: row.provider_uuid,
          providerType: row.provider_type,
          name: row.cluster_alias,
          schema,
          account,
          clusterId: ocp ? row.cluster_id : null,
          clusterAlias: ocp ? row.cluster_alias : null,
          active: true,
          paused: false,
          setupComplete: true,
          infrastructure: null,
        },
      };
    },

    async costModelSettings(s, providerUuid) {
      const r = await db.query<{ present: boolean }>(
        `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS present`,
        [qualifiedName(s, COST_MODEL_TABLE), qualifiedName(s, COST_MODEL_MAP_TABLE)],
      );
      return r.rows[0].present ? readCostModelSettings(db, s, providerUuid) : NO_COST_MODEL;
    },

    async ocpSourcesOn() {
      return [];
    },
  };
}
