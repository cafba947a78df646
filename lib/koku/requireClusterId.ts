import { MissingClusterIdError } from './errors.js';
import type { ProviderMetadata } from './types.js';

/**
 * The cluster id and alias of an OCP source, or a `MissingClusterIdError` (Koku's summary updater raises
 * `OCPReportParquetSummaryUpdaterClusterNotFound` for such a source: a failure, not a skip).
 *
 * @example const { clusterId, clusterAlias } = requireClusterId(lookup.provider)
 */
export function requireClusterId(provider: ProviderMetadata): { clusterId: string; clusterAlias: string | null } {
  if (!provider.clusterId) {
    throw new MissingClusterIdError(`provider ${provider.providerUuid}`, `${provider.providerType} source has no cluster_id in its credentials`);
  }
  return { clusterId: provider.clusterId, clusterAlias: provider.clusterAlias };
}
