/** Koku integration: what Koku knows about a source (tenant, cluster, pairing, cost model), or our standalone registry. */
export { kokuProviderMetadata } from './kokuProviderMetadata.js';
export { standaloneProviderMetadata } from './standaloneProviderMetadata.js';
export { readCostModelSettings, NO_COST_MODEL } from './readCostModelSettings.js';
export { ocpOnCloudCostParams } from './ocpOnCloudCostParams.js';
export { providerSkipReason } from './providerSkipReason.js';
export { requireClusterId } from './requireClusterId.js';
export { tenantSchemaForAccount } from './tenantSchemaForAccount.js';
export { markupFraction } from './markupFraction.js';
export * from './errors.js';
export * from './constants.js';
export type * from './types.js';
