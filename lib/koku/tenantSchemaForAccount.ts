import { ACCOUNT_SCHEMA_PREFIX } from '../layout/constants.js';
import { ORG_SCHEMA_PREFIX } from './constants.js';

/**
 * The tenant schema Koku derives from an `{account}` key segment (`ReportParquetProcessorBase`): a segment that
 * starts with `org` is the schema name itself, anything else is an account number and gets `acct` in front.
 * It agrees with `lib/layout`'s `schemaForAccount` on every name Koku creates (`org…`, `acct<digits>`).
 *
 * @example
 * tenantSchemaForAccount('org1234567'); // 'org1234567'
 * tenantSchemaForAccount('10001'); // 'acct10001'
 */
export function tenantSchemaForAccount(account: string): string {
  return account.startsWith(ORG_SCHEMA_PREFIX) ? account : `${ACCOUNT_SCHEMA_PREFIX}${account}`;
}
