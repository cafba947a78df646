import { OCP_TIMESTAMP_SUFFIX } from './constants.js';
import { parseIsoTimestamp } from './parseIsoTimestamp.js';

/**
 * Koku's `process_openshift_datetime` (spec §2.2): the operator's `2020-11-06 18:00:00 +0000 UTC` loses its
 * `" +0000 UTC"` suffix and is parsed by ciso8601 as a naive UTC wall-clock time. Returns epoch ms, or null
 * when Koku's parser would raise (which fails the file). Nise's `…+00:00` and ISO `…Z` forms also parse.
 *
 * @example
 * parseOcpTimestamp('2020-11-06 18:00:00 +0000 UTC'); // 1604685600000
 */
export function parseOcpTimestamp(text: string): number | null {
  return parseIsoTimestamp(text.replaceAll(OCP_TIMESTAMP_SUFFIX, ''));
}
