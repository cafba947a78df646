import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { parse } from 'yaml';
import { InvalidNiseManifestError } from './errors.js';
import { niseDate } from './niseDates.js';
import { renderPlaceholders } from './renderPlaceholders.js';
import type { LoadNiseManifestOptions, NiseGeneratorSpec, NiseManifest, NiseOcpCluster } from './types.js';

const DEFAULT_CLUSTER_ID = 'my-ocp-cluster';

type Mapping = Record<string, unknown>;

/**
 * Reads a nise static-report YAML (the scenario manifests): renders `{{ … }}` placeholders, parses YAML the way
 * PyYAML does for these files (duplicate keys allowed, later wins), and sorts generators into OCP clusters
 * (top-level `generators`, `ocp.generators` or `ocp.clusters[]`) and AWS generators, with dates resolved.
 *
 * @example
 * const manifest = loadNiseManifest('test/fixtures/scenarios/ocp-only/01-basic-pod/manifest.yml');
 * manifest.ocpClusters[0].generators[0].type; // 'OCPGenerator'
 */
export function loadNiseManifest(source: string | { name: string; text: string }, options: LoadNiseManifestOptions = {}): NiseManifest {
  const name = typeof source === 'string' ? source : source.name;
  const raw = typeof source === 'string' ? readFileSync(source, 'utf8') : source.text;
  const doc = parseYaml(renderPlaceholders(raw, options.placeholders, name), name);
  const now = options.now ?? new Date();
  const defaults = { start: doc.start_date, end: doc.end_date };
  const ocpClusters: NiseOcpCluster[] = [];
  const awsGenerators: NiseGeneratorSpec[] = [];
  const defaultCluster: NiseOcpCluster = { clusterId: options.clusterId ?? DEFAULT_CLUSTER_ID, clusterAlias: options.clusterId ?? DEFAULT_CLUSTER_ID, generators: [] };
  const route = (list: unknown, where: string) => {
    for (const spec of generatorsOf(list, name, where, defaults, now)) (spec.type === 'OCPGenerator' ? defaultCluster.generators : awsGenerators).push(spec);
  };
  route(doc.generators, 'generators');
  const ocp = asMapping(doc.ocp);
  route(ocp?.generators, 'ocp.generators');
  for (const [i, cluster] of (Array.isArray(ocp?.clusters) ? ocp.clusters : []).entries()) {
    const c = asMapping(cluster) ?? {};
    const id = String(c.cluster_id ?? `${defaultCluster.clusterId}-${i + 1}`);
    ocpClusters.push({ clusterId: id, clusterAlias: String(c.cluster_alias ?? id), generators: generatorsOf(c.generators, name, `ocp.clusters[${i}]`, defaults, now) });
  }
  route(asMapping(doc.aws)?.generators, 'aws.generators');
  if (defaultCluster.generators.length > 0) ocpClusters.unshift(defaultCluster);
  if (ocpClusters.length === 0 && awsGenerators.length === 0) throw new InvalidNiseManifestError(name, 'no generators found');
  return { name: manifestName(name), ocpClusters, awsGenerators, awsAccounts: accountsOf(doc.accounts ?? asMapping(doc.aws)?.accounts), expectedOutcome: doc.expected_outcome ?? null };
}

function parseYaml(text: string, name: string): Mapping {
  try {
    const doc = parse(text, { uniqueKeys: false }) as unknown;
    const mapping = asMapping(doc);
    if (mapping === null) throw new Error('the document is not a mapping');
    return mapping;
  } catch (err) {
    throw new InvalidNiseManifestError(name, `not a nise YAML manifest: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

function generatorsOf(list: unknown, name: string, where: string, defaults: { start: unknown; end: unknown }, now: Date): NiseGeneratorSpec[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new InvalidNiseManifestError(name, `${where} is not a list`);
  return list.map((item, i) => {
    const entry = asMapping(item);
    const type = entry === null ? undefined : Object.keys(entry)[0];
    if (entry === null || type === undefined) throw new InvalidNiseManifestError(name, `${where}[${i}] is not a generator mapping`);
    const attributes = asMapping(entry[type]) ?? {};
    const subject = `${name} ${where}[${i}] ${type}`;
    const start = attributes.start_date ?? defaults.start;
    const end = attributes.end_date ?? defaults.end;
    if (start === undefined || end === undefined) throw new InvalidNiseManifestError(subject, 'needs start_date and end_date');
    const startMs = niseDate(start, subject, now);
    const endMs = niseDate(end, subject, now, startMs);
    if (endMs < startMs) throw new InvalidNiseManifestError(subject, 'end_date is before start_date');
    return { type, attributes, startMs, endMs };
  });
}

function accountsOf(value: unknown): NiseManifest['awsAccounts'] {
  const accounts = asMapping(value);
  if (accounts === null || accounts.payer === undefined) return null;
  const users = Array.isArray(accounts.user) ? accounts.user.map(String) : [String(accounts.payer)];
  return { payer: String(accounts.payer), users, currency: String(accounts.currency_code ?? 'USD') };
}

export function asMapping(value: unknown): Mapping | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Mapping) : null;
}

/** `01-basic-pod-manifest` for `…/01-basic-pod/manifest.yml`: scenario files share their base names. */
function manifestName(path: string): string {
  const file = basename(path, extname(path));
  const folder = basename(dirname(path));
  return folder === '' || folder === '.' ? file : `${folder}-${file}`;
}
