import { AWS_DAILY_SEGMENT, DAILY_SEGMENT, PARQUET_ROOT } from './constants.js';
import { InvalidKeyPartsError } from './errors.js';
import { accountProblem, isOcpReportType, isProviderUuid, monthSegment, yearMonthProblem } from './segments.js';
import type { MonthPrefixParts } from './types.js';

/**
 * The prefix (ending in `/`) under which one source's objects of one month live, for `ObjectStore.list`.
 * Throws `InvalidKeyPartsError` when the parts cannot form a Koku key.
 *
 * @example
 * monthPrefix({ daily: true, account: 'org1', providerType: 'OCP', reportType: 'pod_usage',
 *   providerUuid: '0b9c…', year: 2024, month: 3 });
 * // 'data/parquet/daily/org1/OCP/pod_usage/source=0b9c…/year=2024/month=03/'
 */
export function monthPrefix(parts: MonthPrefixParts): string {
  const { daily, account, providerType, reportType, providerUuid, year, month } = parts;
  const subject = `${providerType} ${account}/${providerUuid}/${year}-${month}`;
  const problem =
    accountProblem(account) ??
    yearMonthProblem(year, month) ??
    (isProviderUuid(providerUuid) ? null : `provider uuid '${providerUuid}' is not a uuid`) ??
    reportTypeProblem(providerType, reportType);
  if (problem !== null) throw new InvalidKeyPartsError(subject, problem);

  const segments = [PARQUET_ROOT];
  if (daily) segments.push(DAILY_SEGMENT);
  segments.push(account, providerType);
  if (providerType === 'OCP') segments.push(reportType as string);
  else if (daily) segments.push(AWS_DAILY_SEGMENT);
  segments.push(`source=${providerUuid}`, `year=${year}`, monthSegment(month));
  return `${segments.join('/')}/`;
}

function reportTypeProblem(providerType: string, reportType: string | null | undefined): string | null {
  if (providerType === 'OCP') {
    return reportType != null && isOcpReportType(reportType) ? null : `OCP needs a report type, got '${reportType}'`;
  }
  if (providerType === 'AWS') return reportType == null ? null : `AWS keys have no report type, got '${reportType}'`;
  return `provider type '${providerType}' is not OCP or AWS`;
}
