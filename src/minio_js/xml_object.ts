/**
 * minio-js's configuration objects are XML written as objects: a key per
 * element, an array for an element that repeats, text as a string or
 * number (`{ Rule: [{ ID: "a", Expiration: { Days: 30 } }] }`). This turns
 * such an object into the element tree our configuration classes read
 * (`fromXml`), and an element tree they wrote back into such an object, as
 * minio-js's parser gives it (numbers and booleans typed, one child as a
 * value, repeated ones as an array). No XML text is written here: the
 * classes' `toXml()` is the one writer.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { XmlElement } from "../xml/parse.ts";

/** A configuration object in minio-js's form. */
export type XmlObject = { [element: string]: unknown };

/** The element `name` holding `value` (an object, a string or number, or a boolean). */
export function toElement(name: string, value: unknown, path = name): XmlElement {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const children: XmlElement[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) {
        children.push(toElement(k, item, `${path}.${k}`));
      }
    }
    return { name, attributes: {}, children, text: "" };
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { name, attributes: {}, children: [], text: String(value) };
  }
  throw new InvalidArgumentError(
    `${path} must be an object, a string, a number or a boolean (got ${
      value === null ? "null" : Array.isArray(value) ? "a nested array" : typeof value
    })`,
  );
}

function leaf(text: string): string | number | boolean {
  if (text === "true" || text === "false") return text === "true";
  return /^-?\d+(\.\d+)?$/.test(text) && Number.isSafeInteger(Math.trunc(Number(text)))
    ? Number(text)
    : text;
}

/**
 * The children of `el` as minio-js's parser reads them; names in `arrays`
 * are arrays even when they occur once.
 */
export function toObject(el: XmlElement, arrays: readonly string[] = []): XmlObject {
  const out: XmlObject = {};
  for (const c of el.children) {
    const value = c.children.length ? toObject(c, arrays) : leaf(c.text);
    const had = out[c.name];
    if (had === undefined) out[c.name] = arrays.includes(c.name) ? [value] : value;
    else if (Array.isArray(had)) had.push(value); // values themselves are never arrays
    else out[c.name] = [had, value];
  }
  return out;
}

/**
 * The first key path of `given` that `read` lacks: what a configuration
 * class did not read from the caller's object (a misspelt or unknown
 * element), which is refused rather than dropped.
 */
export function unreadKey(given: unknown, read: unknown, path: string): string | undefined {
  if (given === null || typeof given !== "object") return undefined;
  if (Array.isArray(given)) {
    const back = Array.isArray(read) ? read : [read];
    for (let i = 0; i < given.length; i++) {
      const miss = unreadKey(given[i], back[i], `${path}[${i}]`);
      if (miss) return miss;
    }
    return undefined;
  }
  const back = (Array.isArray(read) && read.length === 1 ? read[0] : read) as XmlObject;
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue;
    if (back === null || typeof back !== "object" || !(k in back)) return `${path}.${k}`;
    const miss = unreadKey(v, back[k], `${path}.${k}`);
    if (miss) return miss;
  }
  return undefined;
}
