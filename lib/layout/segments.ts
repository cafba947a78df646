import { OCP_REPORT_TYPES, PROVIDER_TYPES } from './constants.js';
import type { OcpReportType, ProviderType } from './types.js';

// Koku's provider uuids are Django UUIDFields; requiring the shape catches keys built from the wrong value.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isProviderType(value: string): value is ProviderType {
  return (PROVIDER_TYPES as readonly string[]).includes(value);
}

export function isOcpReportType(value: string): value is OcpReportType {
  return (OCP_REPORT_TYPES as readonly string[]).includes(value);
}

export function isProviderUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Why `account` cannot be a key segment, or null if it can. */
export function accountProblem(account: string): string | null {
  if (account === '') return 'account segment is empty';
  if (account.includes('/')) return `account segment '${account}' contains '/'`;
  return null;
}

/** Why `year`/`month` cannot form `year=YYYY/month=MM`, or null if they can. */
export function yearMonthProblem(year: number, month: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return `year ${year} is not a 4-digit year`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} is not 1-12`;
  return null;
}

export function monthSegment(month: number): string {
  return `month=${String(month).padStart(2, '0')}`;
}
