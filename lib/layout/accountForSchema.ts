import { ACCOUNT_SCHEMA_PREFIX } from './constants.js';

/**
 * The `{account}` key segment for a tenant schema: a leading `acct` is removed, anything else is kept.
 *
 * @example
 * accountForSchema('acct10001'); // '10001'
 * accountForSchema('org1234567'); // 'org1234567'
 */
export function accountForSchema(schema: string): string {
  return schema.startsWith(ACCOUNT_SCHEMA_PREFIX) ? schema.slice(ACCOUNT_SCHEMA_PREFIX.length) : schema;
}
