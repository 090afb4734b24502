/**
 * SigV4 time stamps.
 *
 * @module
 */

const pad = (n: number) => (n < 10 ? "0" : "") + n;

/** `YYYYMMDDTHHMMSSZ` in UTC, as `x-amz-date` wants it. */
export function amzDate(date: Date): string {
  return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" +
    pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
}
