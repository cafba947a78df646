import { randomUUID } from 'node:crypto';
import { attributeClusterDay } from './attributeClusterDay.js';
import { dayOfDate } from './dayOfDate.js';
import { resolveDistribution } from './distribution.js';
import { InvalidOcpAwsInputError } from './errors.js';
import { effectiveMarkup } from './markup.js';
import { ocpClusterView } from './ocpClusterView.js';
import { OcpJoins } from './ocpJoins.js';
import { summarizeProjectRows } from './summarizeProjectRows.js';
import type { OcpAwsConfig, OcpAwsDayInput, OcpAwsSummaryRow } from './types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One day of OCP on AWS for one AWS source (spec/ocp-on-aws.md): for every OCP source the infra map pairs with it,
 * the rows of `reporting_ocpawscostlineitem_project_daily_summary_p` Koku's Trino SQL would insert for that day.
 * Pure: the same input gives the same rows (up to the random `uuid`s).
 *
 * @example
 * const rows = summarizeOcpOnAwsDay({
 *   day: '2025-10-01', awsSourceUuid, awsDaily, awsHourlyForDiskCapacity: raw,
 *   ocp: [{ providerUuid, clusterId: 'c-123', clusterAlias: 'prod', rows: ocpRows }],
 *   config: { pairedOcpSourceUuids: [providerUuid], enabledTagKeys: { aws: ['env'], ocp: ['app'] }, markup: 0.1, billId: 1 },
 * });
 */
export function summarizeOcpOnAwsDay(input: OcpAwsDayInput): OcpAwsSummaryRow[] {
  const { day, config } = input;
  assertDay(day);
  const markup = effectiveMarkup(config.markup);
  const allClusters = input.ocp.map((c) => ocpClusterView(c, day));
  const awsLines = input.awsDaily.filter((line) => dayOfDate(line.lineitem_usagestartdate) === day);
  const accountAliasId = accountAliasLookup(config);
  const joins = new OcpJoins(allClusters);
  const out: OcpAwsSummaryRow[] = [];
  for (const uuid of new Set(config.pairedOcpSourceUuids)) {
    const cluster = allClusters.find((c) => c.providerUuid === uuid);
    // A paired source without rows that day joins nothing (spec §2.3): no output.
    if (cluster === undefined) continue;
    const attributed = attributeClusterDay(cluster, {
      day,
      awsLines,
      awsRaw: input.awsHourlyForDiskCapacity,
      joins,
      enabledTagKeys: config.enabledTagKeys,
      distribution: resolveDistribution(lookup(config.distributionByOcpSource, uuid)),
      markup,
      accountAliasId,
    });
    out.push(
      ...summarizeProjectRows(attributed, {
        enabledTagKeys: config.enabledTagKeys,
        reportPeriodId: lookup(config.reportPeriodIdByOcpSource, uuid) ?? null,
        billId: config.billId,
        sourceUuid: input.awsSourceUuid,
        newUuid: input.newUuid ?? randomUUID,
      }),
    );
  }
  return out;
}

function assertDay(day: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || dayOfDate(new Date(`${day}T00:00:00Z`)) !== day) {
    throw new InvalidOcpAwsInputError(`day ${JSON.stringify(day)}`, 'not a YYYY-MM-DD calendar date');
  }
}

function accountAliasLookup(config: OcpAwsConfig): (usageAccountId: string) => number | null {
  return (account) => lookup(config.accountAliasIdByAccount, account) ?? null;
}

function lookup<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
