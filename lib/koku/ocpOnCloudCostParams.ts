import type { ProviderMetadataSource } from './types.js';

/**
 * The two cost-model parameters of an OCP-on-cloud run (`SummarySqlMetadata.build_cost_model_params`): the markup
 * fraction from the cloud source's cost model and the distribution type from the OpenShift source's.
 *
 * @example const { markup, distributionType } = await ocpOnCloudCostParams(metadata, 'org1234567', awsUuid, ocpUuid)
 */
export async function ocpOnCloudCostParams(
  source: ProviderMetadataSource,
  schema: string,
  cloudProviderUuid: string,
  ocpProviderUuid: string,
): Promise<{ markup: number; distributionType: string | null; distribution: 'cpu' | 'memory' }> {
  const cloud = await source.costModelSettings(schema, cloudProviderUuid);
  const ocp = await source.costModelSettings(schema, ocpProviderUuid);
  return { markup: cloud.markup, distributionType: ocp.distributionType, distribution: ocp.distribution };
}
