// RFC 9110 §10.2.3 Retry-After: delta-seconds or an HTTP-date. Pure; never throws.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 9110 §5.6.7 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT` (the form servers must send). */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * `Retry-After` in seconds: delta-seconds as given, or an HTTP-date minus `now` (0 if already past).
 * Null when absent or unreadable. No upper cap: the caller decides how long it is willing to wait.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  if (/^\s*\d{1,15}\s*$/.test(value)) return Number(value.trim());
  const match = IMF_FIXDATE.exec(value.trim());
  if (!match) return null;
  const [day = 0, year = 0, hour = 0, minute = 0, second = 0] = [1, 3, 4, 5, 6].map((i) => Number(match[i]));
  const date = utcDate(year, MONTHS.indexOf(match[2] ?? '') + 1, day, hour, minute, second);
  const delay = date === null ? NaN : Math.ceil((date.getTime() - now.getTime()) / 1000);
  return Number.isFinite(delay) ? Math.max(0, delay) : null;
}

/** A real calendar instant in UTC, or null (month 13, 31 April, 24:00, year < 100, …). */
export function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date : null;
}
