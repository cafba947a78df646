/** Koku's object and CSV naming (spec §1 step 3, §2.1; ocp-on-aws §1.1). */

/**
 * The daily CSV Koku cuts from an operator report, without `.csv`: `{report_type}.{YYYY-MM-DD}.{manifest_id}.{counter}`.
 *
 * @example
 * ocpDailyCsvBase('pod_usage', '2025-10-01', 4711, 0); // 'pod_usage.2025-10-01.4711.0'
 */
export function ocpDailyCsvBase(reportType: string, day: string, manifestId: number, counter: number): string {
  return `${reportType}.${day}.${manifestId}.${counter}`;
}

/**
 * The daily CSV Koku cuts from a CUR file (`create_daily_archives`): `{date}_manifestid-{id}_basefile-{base}_batch-{i}`,
 * where `base` is the CUR file name up to its first dot and `i` the 200k-row batch of the original file.
 */
export function awsDailyCsvBase(day: string, manifestId: number, curFileName: string, batch: number): string {
  return `${day}_manifestid-${manifestId}_basefile-${baseName(curFileName).split('.')[0]}_batch-${batch}`;
}

/** The CSV file name without `.csv` / `.csv.gz` (Koku's `csv_filename.name.replace(file_extension, "")`). */
export function csvBaseOf(fileName: string): string {
  const name = baseName(fileName);
  return name.endsWith('.csv.gz') ? name.replaceAll('.csv.gz', '') : name.replaceAll('.csv', '');
}

/** `{csv_base}_{i}.parquet`: the hourly ("raw") object of chunk `i`. */
export function hourlyFileName(csvBase: string, chunkIndex: number): string {
  return `${csvBase}_${chunkIndex}.parquet`;
}

/** `{csv_base}_daily_{i}.parquet`: the daily object of chunk `i`. */
export function dailyFileName(csvBase: string, chunkIndex: number): string {
  return `${csvBase}_daily_${chunkIndex}.parquet`;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
