/**
 * The SigV4 signing key, derived from the secret key for one (date, region,
 * service) and cached: deriving costs four HMACs, and every request of a day
 * to one region reuses it. What is cached is the key's HMAC midstates, so
 * signing skips the key's own two compression blocks too.
 *
 * @module
 */

import { hmacBytes, type HmacKey, hmacKey, hmacStringHex } from "../crypto/sha256.ts";

interface Entry {
  secret: string;
  date: string;
  region: string;
  service: string;
  key: HmacKey;
}

const MAX_ENTRIES = 32;
const cache: Entry[] = [];

/** Derives the signing key bytes for a scope (`date/region/service`). */
export function deriveSigningKey(
  secretKey: string,
  date: string,
  region: string,
  service: string,
): Uint8Array {
  let key = hmacBytes(new TextEncoder().encode("AWS4" + secretKey), date);
  key = hmacBytes(key, region);
  key = hmacBytes(key, service);
  return hmacBytes(key, "aws4_request");
}

/**
 * The signing key of a scope, from the cache when the same secret signed for
 * the same scope before.
 */
export function signingKey(
  secretKey: string,
  date: string,
  region: string,
  service: string,
): HmacKey {
  // Compared field by field: joining them into one cache key would build a
  // string on every request.
  for (const e of cache) {
    if (e.date === date && e.region === region && e.service === service && e.secret === secretKey) {
      return e.key;
    }
  }
  const key = hmacKey(deriveSigningKey(secretKey, date, region, service));
  if (cache.length >= MAX_ENTRIES) cache.shift();
  cache.push({ secret: secretKey, date, region, service, key });
  return key;
}

/** Hex HMAC-SHA256 of `message` under the cached signing key of a scope. */
export function signWithScope(
  secretKey: string,
  date: string,
  region: string,
  service: string,
  message: string,
): string {
  return hmacStringHex(signingKey(secretKey, date, region, service), message);
}
