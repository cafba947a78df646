import { ACCOUNT_SCHEMA_PREFIX } from './constants.js';

// Koku names tenant schemas `acct<account number>` or `org<org id>`; only the former lost its prefix in keys.
const BARE_ACCOUNT_NUMBER = /^\d+$/;

/**
 * The tenant schema behind an `{account}` key segment (the inverse of `accountForSchema`).
 *
 * @example
 * schemaForAccount('10001'); // 'acct10001'
 * schemaForAccount('org1234567'); // 'org1234567'
 */
export function schemaForAccount(account: string): string {
  return BARE_ACCOUNT_NUMBER.test(account) ? `${ACCOUNT_SCHEMA_PREFIX}${account}` : account;
}
