// ciso8601's grammar: extended (2020-11-06) or basic (20201106) dates, an optional time after T, t or a space,
// fractional seconds after . or , and an optional Z / ±HH[:MM] offset.
const ISO_TIMESTAMP =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|(\d{2})(\d{2}))(?:[Tt ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * A ciso8601-parsable timestamp as epoch milliseconds, or null when ciso8601 would raise.
 * A naive value is UTC wall-clock time (Koku treats it so, spec §2.2); an offset is applied.
 * Sub-millisecond digits are truncated, as pyarrow's `coerce_timestamps="ms", allow_truncated_timestamps=True` does.
 *
 * @example
 * parseIsoTimestamp('2020-11-06 18:00:00'); // Date.UTC(2020, 10, 6, 18)
 * parseIsoTimestamp('2025-10-01 00:00:00+00:00'); // Date.UTC(2025, 9, 1)
 */
export function parseIsoTimestamp(text: string): number | null {
  const m = ISO_TIMESTAMP.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4] ?? '1');
  const day = Number(m[3] ?? m[5] ?? '1');
  const hour = Number(m[6] ?? '0');
  const minute = Number(m[7] ?? '0');
  const second = Number(m[8] ?? '0');
  const millis = m[9] === undefined ? 0 : Number(m[9].slice(0, 3).padEnd(3, '0'));
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year < 100) ms = shiftTwoDigitYear(ms, year);
  if (m[11] !== undefined) {
    const offsetMinutes = Number(m[12]) * 60 + Number(m[13] ?? '0');
    if (Number(m[12]) > 23 || Number(m[13] ?? '0') > 59) return null;
    ms -= (m[11] === '-' ? -1 : 1) * offsetMinutes * 60_000;
  }
  return ms;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Date.UTC maps years 0–99 to 1900–1999.
function shiftTwoDigitYear(ms: number, year: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(year);
  return d.getTime();
}
