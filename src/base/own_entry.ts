/**
 * Setting an entry of a record whose keys come from a response or from a
 * caller, where a key may be `__proto__`: assigned, that key would set the
 * record's prototype (or, given a string, do nothing) and the entry would be
 * lost. User metadata named `__proto__` is a valid header name.
 *
 * @module
 */

/**
 * Sets `record[key] = value` as the record's own, enumerable entry, also
 * for the key `__proto__`.
 *
 * @example
 * ```ts
 * const metadata: Record<string, string> = {};
 * setOwnEntry(metadata, "__proto__", "kept");
 * Object.keys(metadata); // ["__proto__"]
 * ```
 */
export function setOwnEntry<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === "__proto__") {
    Object.defineProperty(record, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else record[key] = value;
}
