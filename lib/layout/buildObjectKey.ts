import { PARQUET_SUFFIX } from './constants.js';
import { InvalidKeyPartsError } from './errors.js';
import { monthPrefix } from './monthPrefix.js';
import type { ObjectKeyParts } from './types.js';

/**
 * The key of a Koku Parquet object; `parseObjectKey(buildObjectKey(parts))` gives `parts` back.
 *
 * @example
 * buildObjectKey({ granularity: 'daily', account: 'org1', providerType: 'OCP', reportType: 'pod_usage',
 *   providerUuid: '0b9c…', year: 2024, month: 3, fileName: 'pod_usage.2024-03-15.4711.0_daily_0.parquet' });
 */
export function buildObjectKey(parts: ObjectKeyParts): string {
  const { fileName, granularity, ...rest } = parts;
  if (fileName.includes('/') || !fileName.endsWith(PARQUET_SUFFIX) || fileName.length === PARQUET_SUFFIX.length) {
    throw new InvalidKeyPartsError(fileName, `file name must be '<name>${PARQUET_SUFFIX}' without '/'`);
  }
  return `${monthPrefix({ ...rest, daily: granularity === 'daily' })}${fileName}`;
}
