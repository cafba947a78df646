/** Koku's public-schema tables (Django app `api`) and tenant-schema cost-model tables this package reads. */
export const KOKU_PUBLIC_SCHEMA = 'public';
export const API_CUSTOMER_TABLE = 'api_customer';
export const API_PROVIDER_TABLE = 'api_provider';
export const API_PROVIDER_AUTHENTICATION_TABLE = 'api_providerauthentication';
export const API_PROVIDER_BILLING_SOURCE_TABLE = 'api_providerbillingsource';
export const API_PROVIDER_INFRASTRUCTURE_MAP_TABLE = 'api_providerinfrastructuremap';
export const COST_MODEL_TABLE = 'cost_model';
export const COST_MODEL_MAP_TABLE = 'cost_model_map';

/** `Provider.PROVIDER_OCP`. */
export const OCP_PROVIDER_TYPE = 'OCP';

/** `cost_models.models.DEFAULT_DISTRIBUTION`: what `distribution_info.get("distribution_type", ...)` falls back to. */
export const DEFAULT_DISTRIBUTION_TYPE = 'cpu';

/** Org-id tenant schemas (`org<org id>`, `api.iam.serializers.create_schema_name`) keep this prefix in object keys. */
export const ORG_SCHEMA_PREFIX = 'org';
