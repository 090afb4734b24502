/**
 * The SigV4 signing key, derived from the secret key for one (date, region,
 * service) and cached: deriving costs four HMACs, and every request of a day
 * to one region reuses it. What is cached is a keyed HMAC state, so signing
 * skips the key's own two compression blocks too.
 *
 * @module
 */

import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/** A keyed HMAC-SHA256 ready to be cloned and fed one message. */
export type KeyedHmac = ReturnType<typeof hmac.create>;

interface Entry {
  secret: string;
  scope: string;
  mac: KeyedHmac;
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
  let key = hmac(sha256, utf8ToBytes("AWS4" + secretKey), utf8ToBytes(date));
  key = hmac(sha256, key, utf8ToBytes(region));
  key = hmac(sha256, key, utf8ToBytes(service));
  return hmac(sha256, key, utf8ToBytes("aws4_request"));
}

/**
 * The keyed HMAC for a scope, from the cache when the same secret signed for
 * the same scope before. Callers clone it; the cached state never changes.
 */
export function signingHmac(
  secretKey: string,
  date: string,
  region: string,
  service: string,
): KeyedHmac {
  const scope = date + "/" + region + "/" + service;
  for (const e of cache) {
    if (e.scope === scope && e.secret === secretKey) return e.mac;
  }
  const mac = hmac.create(sha256, deriveSigningKey(secretKey, date, region, service));
  if (cache.length >= MAX_ENTRIES) cache.shift();
  cache.push({ secret: secretKey, scope, mac });
  return mac;
}

/** HMAC-SHA256 of `message` under the cached signing key of a scope. */
export function signWithScope(
  secretKey: string,
  date: string,
  region: string,
  service: string,
  message: string,
): Uint8Array {
  return signingHmac(secretKey, date, region, service).clone().update(utf8ToBytes(message))
    .digest();
}
