import { AWS_DAILY_SEGMENT, DAILY_SEGMENT, OCP_REPORT_TYPES, PARQUET_ROOT, PARQUET_SUFFIX } from './constants.js';
import { UnknownKeyLayoutError } from './errors.js';
import { fileNameDate } from './fileNameDate.js';
import { isOcpReportType, isProviderType, isProviderUuid } from './segments.js';
import type { Granularity, KokuObjectKey, OcpReportType } from './types.js';

const SOURCE_SEGMENT = /^source=(.*)$/;
const YEAR_SEGMENT = /^year=(\d{4})$/;
const MONTH_SEGMENT = /^month=(0[1-9]|1[0-2])$/;

/**
 * Takes a decoded Koku Parquet key apart (spec ocp-daily-summary.md §2.1, ocp-on-aws.md §1.1).
 * Throws `UnknownKeyLayoutError` naming the first segment that does not fit.
 *
 * @example
 * parseObjectKey('data/parquet/daily/org1/OCP/pod_usage/source=0b9c…/year=2024/month=03/pod_usage.2024-03-15.4711.0_daily_0.parquet');
 * // { account: 'org1', providerType: 'OCP', reportType: 'pod_usage', granularity: 'daily', year: 2024, month: 3,
 * //   fileDate: '2024-03-15', ... }
 */
export function parseObjectKey(key: string): KokuObjectKey {
  const segments = key.split('/');
  let at = 0;
  const fail = (reason: string): never => {
    throw new UnknownKeyLayoutError(key, reason);
  };
  // Names what came before a missing segment, so a truncated key says where it stops.
  const next = (what: string): string => {
    const segment = segments[at];
    if (segment === undefined) fail(`${what} missing after '${segments.slice(0, at).join('/')}'`);
    at += 1;
    return segment as string;
  };

  if (!key.startsWith(`${PARQUET_ROOT}/`)) fail(`must start with '${PARQUET_ROOT}/'`);
  at = 2;

  let granularity: Granularity = 'hourly';
  if (segments[at] === DAILY_SEGMENT) {
    granularity = 'daily';
    at += 1;
  }

  const account = next('account segment');
  if (account === '') fail('account segment is empty');

  const providerType = next('provider type segment');
  if (!isProviderType(providerType)) fail(`provider type segment '${providerType}' is not OCP or AWS`);

  let reportType: OcpReportType | null = null;
  if (providerType === 'OCP') {
    const segment = next('report type segment');
    if (!isOcpReportType(segment)) {
      fail(`report type segment '${segment}' is not one of ${OCP_REPORT_TYPES.join(', ')}`);
    }
    reportType = segment as OcpReportType;
  } else if (granularity === 'daily') {
    const segment = next(`'${AWS_DAILY_SEGMENT}' segment`);
    if (segment !== AWS_DAILY_SEGMENT) fail(`AWS daily keys have '${AWS_DAILY_SEGMENT}' after 'AWS', found '${segment}'`);
  }

  const source = next('source segment');
  const uuid = SOURCE_SEGMENT.exec(source)?.[1];
  if (uuid === undefined) {
    const hint = source === AWS_DAILY_SEGMENT ? ` ('${AWS_DAILY_SEGMENT}' only appears in daily AWS keys)` : '';
    fail(`source segment '${source}' is not 'source=<provider uuid>'${hint}`);
  }
  if (!isProviderUuid(uuid as string)) fail(`source segment '${source}' does not hold a provider uuid`);

  const yearSegment = next('year segment');
  const year = YEAR_SEGMENT.exec(yearSegment)?.[1];
  if (year === undefined) fail(`year segment '${yearSegment}' is not 'year=YYYY'`);

  const monthText = next('month segment');
  const month = MONTH_SEGMENT.exec(monthText)?.[1];
  if (month === undefined) fail(`month segment '${monthText}' is not 'month=MM' (zero-padded 01-12)`);

  const rest = segments.slice(at);
  if (rest.length === 0) fail(`file name missing after '${monthText}'`);
  if (rest.length > 1) fail(`expected one file name after '${monthText}', found '${rest.join('/')}'`);
  const fileName = rest[0] as string;
  if (!fileName.endsWith(PARQUET_SUFFIX) || fileName.length === PARQUET_SUFFIX.length) {
    fail(`file name '${fileName}' is not '<name>${PARQUET_SUFFIX}'`);
  }

  return {
    key,
    account,
    providerType: providerType as KokuObjectKey['providerType'],
    reportType,
    granularity,
    providerUuid: uuid as string,
    year: Number(year),
    month: Number(month),
    fileName,
    fileDate: fileNameDate(fileName),
  };
}
