/**
 * SigV4 time stamps.
 *
 * @module
 */

const pad = (n: number) => (n < 10 ? "0" : "") + n;

// Signing needs the stamp several times per request, and requests come many
// per second: the last one is kept.
let lastSecond = NaN;
let lastStamp = "";

/** `YYYYMMDDTHHMMSSZ` in UTC, as `x-amz-date` wants it. */
export function amzDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastStamp = date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) +
      "T" + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
    lastSecond = second;
  }
  return lastStamp;
}
