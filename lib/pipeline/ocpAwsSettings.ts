import { listProviders, readNodeRoleLookup, readOcpSummaryConfig } from '../db/index.js';
import type { DbClient } from '../db/types.js';
import { standaloneProviderMetadata } from '../koku/index.js';
import { listOcpAwsPairings, readAccountAliases, readEnabledTagKeys } from '../ocp-aws/index.js';
import type { EnabledTagKeys } from '../ocp-aws/types.js';
import type { NodeRoleLookup, OcpSummaryConfig } from '../ocp/types.js';

/** An OCP source as OCP on AWS needs it: cluster identity for `cluster_id` / `cluster_alias` and tag matching. */
export interface OcpAwsSource {
  providerUuid: string;
  clusterId: string;
  clusterAlias: string | null;
}

/** Everything an OCP-on-AWS day task reads from the tenant schema (spec §0 parameters, §1.3). */
export interface OcpAwsSettings {
  /** Every OCP source of the tenant: all count for `cluster_count` (spec §4.3, §8.10); only paired ones get rows. */
  ocpSources: OcpAwsSource[];
  /** OCP sources recorded as running on this AWS source (`koku_agg_ocp_aws_pairing`). */
  registeredPairings: string[];
  /** Also pair OCP sources whose node resource id occurs in an AWS resource id of the day (spec §2.4). */
  discoverPairings: boolean;
  enabledTagKeys: EnabledTagKeys;
  /** The AWS source's cost-model markup fraction (spec §0). */
  markup: number;
  /** `cpu` or `memory` per OCP source uuid (spec §0: from the OCP source's cost model). */
  distributionByOcpSource: Record<string, string>;
  /** For the Unallocated rows the OCP day partial leaves to the finalizer (ocp-daily-summary spec §8). */
  costCategories: OcpSummaryConfig['costCategories'];
  /** Node roles committed in `reporting_ocp_nodes` (a partial's own observations fill the gaps). */
  roleOf: NodeRoleLookup;
  accountAliasIdByAccount: Record<string, number>;
}

export interface OcpAwsSettingsOverrides {
  /** Markup fraction instead of the AWS source's cost model (CLI `--markup`). */
  markup?: number;
  /** Distribution for every OCP source instead of their cost models (CLI `--distribution`). */
  distribution?: 'cpu' | 'memory';
  /** Only these OCP sources exist and all are paired (CLI `--ocp-provider-uuid`); default: the registry. */
  ocpProviderUuids?: readonly string[];
  /**
   * Where our registry, the pairings and the node roles live: in shadow mode the shadow schema, where the finalizer
   * keeps them; default `schema`. Koku's settings (tag keys, cost models, categories, aliases) are read from `schema`.
   */
  targetSchema?: string;
}

/**
 * Reads an AWS source's OCP-on-AWS settings: from the target schema, the OCP sources of `koku_agg_provider`, the
 * pairing registry and node roles; from the tenant schema, enabled tag keys of both types, cost models (markup of the
 * AWS source, distribution of each OCP source), cost categories and AWS account aliases.
 *
 * @example const settings = await loadOcpAwsSettings(client, 'org1234567', awsUuid)
 */
export async function loadOcpAwsSettings(
  client: DbClient,
  schema: string,
  awsProviderUuid: string,
  overrides: OcpAwsSettingsOverrides = {},
): Promise<OcpAwsSettings> {
  const target = overrides.targetSchema ?? schema;
  const registered = (await listProviders(client, target)).filter((p) => p.providerType === 'OCP' && p.clusterId);
  const wanted = overrides.ocpProviderUuids;
  const ocpSources = registered
    .filter((p) => wanted === undefined || wanted.includes(p.providerUuid))
    .map((p) => ({ providerUuid: p.providerUuid, clusterId: p.clusterId as string, clusterAlias: p.clusterAlias }));
  const registeredPairings = wanted !== undefined
    ? [...wanted]
    : (await listOcpAwsPairings(client, target, { awsProviderUuid })).map((p) => p.ocpProviderUuid);
  const costModels = standaloneProviderMetadata(client, schema);
  const distributionByOcpSource: Record<string, string> = {};
  for (const s of ocpSources) {
    distributionByOcpSource[s.providerUuid] = overrides.distribution ?? (await costModels.costModelSettings(schema, s.providerUuid)).distribution;
  }
  return {
    ocpSources,
    registeredPairings,
    discoverPairings: wanted === undefined,
    enabledTagKeys: await readEnabledTagKeys(client, schema),
    markup: overrides.markup ?? (await costModels.costModelSettings(schema, awsProviderUuid)).markup,
    distributionByOcpSource,
    costCategories: (await readOcpSummaryConfig(client, schema)).costCategories,
    roleOf: await readNodeRoleLookup(client, target),
    accountAliasIdByAccount: await readAccountAliases(client, schema),
  };
}

/**
 * The AWS sources of the tenant whose OCP-on-AWS days an OCP day can change: every registered AWS source and every
 * AWS source of the pairing registry (tag matching and `cluster_count` reach beyond the pairs, spec §4.3).
 *
 * @example await listTenantAwsSources(client, 'org1234567') // ['<aws uuid>']
 */
export async function listTenantAwsSources(client: DbClient, schema: string): Promise<string[]> {
  const registered = (await listProviders(client, schema)).filter((p) => p.providerType === 'AWS').map((p) => p.providerUuid);
  const paired = (await listOcpAwsPairings(client, schema)).map((p) => p.awsProviderUuid);
  return [...new Set([...registered, ...paired])].sort();
}
