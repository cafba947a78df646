import { gunzipSync, gzipSync } from 'node:zlib';
import type { OcpAwsSummaryRow } from '../ocp-aws/types.js';
import type { ObjectStore } from '../store/types.js';
import { InvalidPartialError } from './errors.js';
import { partialDayPrefix } from './partials.js';
import type { PartialManifest } from './types.js';

/** The suffixes `partials.ts` uses, so `listPartialManifests` finds OCP-on-AWS manifests too. */
const MANIFEST_SUFFIX = '.manifest.json';
const ROWS_SUFFIX = '.rows.json.gz';

/** One OCP source's standing when an OCP-on-AWS partial was computed: its day's objects and the partial used. */
export interface OcpSourceState {
  providerUuid: string;
  inputsFingerprint: string;
  /** The OCP day partial whose rows were used; null when that source had none yet (it then counted for nothing). */
  partialFingerprint: string | null;
}

/**
 * The manifest of an OCP-on-AWS partial (per AWS source and day). `inputsFingerprint` covers the AWS objects and
 * every OCP source's objects of the day; `inputs` lists the AWS objects and the OCP partials used.
 */
export interface OcpAwsPartialManifest extends PartialManifest {
  kind: 'ocp-aws';
  /** `inputsFingerprint` of the AWS daily and raw objects of the day alone. */
  awsInputsFingerprint: string;
  /** Every OCP source of the tenant with objects that day (cluster_count counts them all, spec §4.3). */
  ocpSources: OcpSourceState[];
  /** The OCP sources looked at (those with objects that day are in `ocpSources`): what a finalizer lists again. */
  ocpUniverse: string[];
  /** The OCP sources that got rows: registered pairings and resource-id discovery (spec §2.4). */
  pairedOcpSources: string[];
}

/** What an OCP-on-AWS partial holds: the rows of each paired OCP source (report period ids are set at commit). */
export interface OcpAwsPartialRows {
  bySource: Array<{ ocpProviderUuid: string; rows: OcpAwsSummaryRow[] }>;
}

export function isOcpAwsManifest(m: PartialManifest): m is OcpAwsPartialManifest {
  return (m as Partial<OcpAwsPartialManifest>).kind === 'ocp-aws';
}

/** Writes the rows, then the manifest that points at them (a manifest is only ever visible for complete rows). */
export async function writeOcpAwsPartial(
  store: ObjectStore,
  prefix: string,
  manifest: Omit<OcpAwsPartialManifest, 'rowsKey'>,
  rows: OcpAwsPartialRows,
): Promise<OcpAwsPartialManifest> {
  const base = `${partialDayPrefix(prefix, manifest.task)}${manifest.fingerprint}`;
  const rowsKey = `${base}${ROWS_SUFFIX}`;
  await store.put(rowsKey, gzipSync(JSON.stringify(rows)), { contentType: 'application/json' });
  const full: OcpAwsPartialManifest = { ...manifest, rowsKey };
  await store.put(`${base}${MANIFEST_SUFFIX}`, JSON.stringify(full), { contentType: 'application/json' });
  return full;
}

export async function readOcpAwsPartialRows(store: ObjectStore, manifest: OcpAwsPartialManifest): Promise<OcpAwsPartialRows> {
  const bytes = await store.get(manifest.rowsKey);
  try {
    const parsed = JSON.parse(gunzipSync(bytes).toString('utf8')) as OcpAwsPartialRows;
    if (!Array.isArray(parsed.bySource)) throw new Error('bySource missing');
    const count = parsed.bySource.reduce((n, s) => n + s.rows.length, 0);
    if (count !== manifest.rowCount) throw new Error(`holds ${count} rows, manifest says ${manifest.rowCount}`);
    return parsed;
  } catch (err) {
    throw new InvalidPartialError(manifest.rowsKey, `cannot read OCP-on-AWS partial rows: ${(err as Error).message}`, { cause: err });
  }
}
