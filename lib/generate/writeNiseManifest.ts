import { convertToKokuParquet } from '../ingest/convertToKokuParquet.js';
import type { ConvertSummary } from '../ingest/types.js';
import { SUMMARY_REPORT_TYPES } from './constants.js';
import { loadNiseManifest } from './loadNiseManifest.js';
import { generateNiseAwsRows } from './niseAwsGenerator.js';
import { generateNiseOcpRows } from './niseOcpGenerator.js';
import { niseReportCsv } from './niseReportCsv.js';
import type { WriteNiseManifestOptions, WriteNiseManifestSummary } from './types.js';

/**
 * Generates a nise manifest's OCP and AWS data and writes it through Koku's CSV ingest (`convertToKokuParquet`) as
 * Koku-layout Parquet, one OCP source per cluster and one AWS source.
 *
 * @example
 * await writeNiseManifest({ store, schema: 'org1234567', manifest: '…/ocp-on-aws/01-resource-matching/manifest.yml',
 *   ocpProviderUuids: ocpUuid, awsProviderUuid: awsUuid });
 */
export async function writeNiseManifest(options: WriteNiseManifestOptions): Promise<WriteNiseManifestSummary> {
  const manifest = typeof options.manifest === 'string' ? loadNiseManifest(options.manifest) : options.manifest;
  const total: WriteNiseManifestSummary = { written: [], deleted: [], skipped: [], rowsRead: 0, rowsDropped: 0, clusters: [], awsRows: 0 };
  const common = { store: options.store, schema: options.schema, manifestId: options.manifestId, chunkSize: options.chunkSize, logger: options.logger };
  for (const [index, cluster] of manifest.ocpClusters.entries()) {
    const uuids = options.ocpProviderUuids;
    const providerUuid = typeof uuids === 'string' ? (index === 0 ? uuids : undefined) : uuids?.[cluster.clusterId];
    if (providerUuid === undefined) continue;
    const reports = generateNiseOcpRows(cluster, { seed: options.seed });
    const inputs = SUMMARY_REPORT_TYPES.filter((t) => reports[t].rows.length > 0).map((t) => ({
      name: `${manifest.name}-${cluster.clusterId}-${t}.csv`,
      text: niseReportCsv(reports[t]),
    }));
    add(total, await convertToKokuParquet({ ...common, inputs, providerType: 'OCP', providerUuid, dailyReports: options.dailyReports ?? true }));
    total.clusters.push({ clusterId: cluster.clusterId, providerUuid });
  }
  if (options.awsProviderUuid !== undefined && manifest.awsGenerators.length > 0) {
    const cur = generateNiseAwsRows(manifest, { seed: options.seed });
    total.awsRows = cur.rows.length;
    const inputs = [{ name: `${manifest.name.replace(/\.ya?ml$/, '')}-cur.csv`, text: niseReportCsv(cur) }];
    add(total, await convertToKokuParquet({ ...common, inputs, providerType: 'AWS', providerUuid: options.awsProviderUuid, rowUuid: options.rowUuid }));
  }
  return total;
}

function add(total: ConvertSummary, summary: ConvertSummary): void {
  total.written.push(...summary.written);
  total.deleted.push(...summary.deleted);
  total.skipped.push(...summary.skipped);
  total.rowsRead += summary.rowsRead;
  total.rowsDropped += summary.rowsDropped;
}
