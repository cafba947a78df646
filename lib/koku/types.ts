/**
 * What the aggregator needs to know about a source before it writes rows: the tenant schema, cluster id and alias,
 * whether Koku still processes it, its OCP-on-cloud pairing and its cost-model settings.
 */
import type { QueryResult, QueryResultRow } from 'pg';
import type { ProviderNotFoundError } from './errors.js';

/** A `pg.Pool` or a connected client: anything that runs a parameterised query. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The cloud source an OpenShift source runs on (`api_provider.infrastructure` → `api_providerinfrastructuremap`). */
export interface InfrastructurePairing {
  /** `infrastructure_provider_id`: the cloud source's uuid. */
  providerUuid: string;
  /** `infrastructure_type`: `AWS`, `AWS-local`, `Azure`, `GCP`, ... */
  providerType: string;
}

export interface ProviderMetadata {
  providerUuid: string;
  /** Koku's provider type: `OCP`, `AWS`, `AWS-local`, ... */
  providerType: string;
  /** `api_provider.name` (standalone: the registered alias). */
  name: string | null;
  /** Tenant schema the source's rows live in (`api_customer.schema_name`). */
  schema: string;
  /** The `{account}` segment of the source's object keys (`acct` removed, `org…` kept). */
  account: string;
  /** OCP only: `api_providerauthentication.credentials->>'cluster_id'`; null when absent (Koku then fails the task). */
  clusterId: string | null;
  /**
   * OCP only: what Koku writes to `cluster_alias` (`get_cluster_alias_from_cluster_id`): the name of the first
   * provider, by name, whose credentials are exactly `{"cluster_id": <id>}`; null when there is none.
   */
  clusterAlias: string | null;
  active: boolean;
  paused: boolean;
  setupComplete: boolean;
  /** OCP only: the cloud source the cluster runs on, when Koku has paired them. */
  infrastructure: InfrastructurePairing | null;
}

/** A lookup never throws for an unknown source: Koku skips those, so the caller logs `error` and moves on. */
export type ProviderLookup =
  | { found: true; provider: ProviderMetadata }
  | { found: false; error: ProviderNotFoundError };

export interface LookupProviderOptions {
  /** The tenant the caller expects (from the object key); a source of another tenant is reported as not found. */
  schema?: string;
}

/** Cost-model settings that change summary rows (spec ocp-on-aws §0). */
export interface CostModelSettings {
  /** The cost model mapped to the source (first by name, as Django's `.first()`), or null. */
  costModelUuid: string | null;
  /** `markup.value` as stored (a percent), or null when there is no cost model or no markup. */
  markupPercent: string | null;
  /** `Decimal(markup.value) / 100` as a double; 0 without a cost model. */
  markup: number;
  /** `distribution_info.distribution_type`; `cpu` when absent, null when stored as JSON null. */
  distributionType: string | null;
  /** What the OCP-on-cloud SQL selects: `cpu` only for the value `cpu`, memory for anything else. */
  distribution: 'cpu' | 'memory';
}

/**
 * Where provider metadata comes from: Koku's own database (Koku mode) or our `koku_agg_provider` registry
 * (standalone). The pipeline depends on this interface only.
 */
export interface ProviderMetadataSource {
  readonly mode: 'koku' | 'standalone';
  /** The tenant schema for an `{account}` key segment, or null when there is no such tenant. */
  tenantSchema(account: string): Promise<string | null>;
  /** Everything known about a source, or a `ProviderNotFoundError` value to log and skip. */
  lookupProvider(providerUuid: string, options?: LookupProviderOptions): Promise<ProviderLookup>;
  /** The source's cost-model markup and distribution (defaults when it has no cost model). */
  costModelSettings(schema: string, providerUuid: string): Promise<CostModelSettings>;
  /** The OCP sources Koku paired with a cloud source (`api_providerinfrastructuremap`), ordered by uuid. */
  ocpSourcesOn(infrastructureProviderUuid: string): Promise<ProviderMetadata[]>;
}

export interface KokuProviderMetadataOptions {
  /** Schema holding Koku's `api_*` tables; `public` in Koku. */
  publicSchema?: string;
}

export interface StandaloneProviderMetadataOptions {
  /** The `{account}` whose objects this schema holds (default: derived from the schema name; set it for a shadow schema). */
  account?: string;
}
