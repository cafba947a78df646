import { InvalidIdentifierError } from './errors.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Returns `name` when it is a plain lower-case identifier (`^[a-z_][a-z0-9_]{0,62}$`), else throws.
 * Schema and table names are the only things ever interpolated into SQL; values are always bind parameters.
 *
 * @example assertIdentifier('org1234567') // 'org1234567'
 */
export function assertIdentifier(name: string, what = 'identifier'): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new InvalidIdentifierError(String(name), `not a valid ${what} (expected ${IDENTIFIER.source})`);
  }
  return name;
}

/**
 * Validated and double-quoted identifier.
 *
 * @example quoteIdentifier('org1234567') // '"org1234567"'
 */
export function quoteIdentifier(name: string, what = 'identifier'): string {
  return `"${assertIdentifier(name, what)}"`;
}

/**
 * `"schema"."table"` after validating both parts.
 *
 * @example qualifiedName('org1234567', 'reporting_ocp_nodes') // '"org1234567"."reporting_ocp_nodes"'
 */
export function qualifiedName(schema: string, table: string): string {
  return `${quoteIdentifier(schema, 'schema name')}.${quoteIdentifier(table, 'table name')}`;
}
