// A date not glued to other digits, so a manifest id like 12024-03-150 does not count.
const DATE_IN_NAME = /(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g;

/**
 * The `YYYY-MM-DD` in a Koku file name (the last segment of a key), or null when the name has no real date.
 *
 * @example
 * fileNameDate('pod_usage.2024-03-15.4711.0_daily_0.parquet'); // '2024-03-15'
 * fileNameDate('koku-1_0.parquet'); // null
 */
export function fileNameDate(fileName: string): string | null {
  const baseName = fileName.slice(fileName.lastIndexOf('/') + 1);
  for (const match of baseName.matchAll(DATE_IN_NAME)) {
    const [text, y, m, d] = match as unknown as [string, string, string, string];
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)) return text;
  }
  return null;
}
