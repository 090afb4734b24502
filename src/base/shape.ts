/**
 * Run-time checks of the shape of what a public entry point is given, for
 * callers without a type checker: the type of each argument, the number of
 * arguments and the keys of an options object. A mismatch is an
 * {@link InvalidArgumentError} before any request, naming the parameter,
 * what was given and what is expected; an unknown key names the nearest
 * known one.
 *
 * A type spec is a string of letters, any of which may match: `s` string,
 * `n` number, `b` boolean, `f` function, `o` any object (arrays and class
 * instances included), `d` a valid Date, `k` an options object (not an
 * array) whose keys are checked (never with `o` in one spec), `*` anything. A key spec lists an options
 * object's keys as `name:letters`, space-separated.
 *
 * @module
 */

import { InvalidArgumentError } from "./errors.ts";

const EXPECTED: Record<string, string> = {
  s: "a string",
  n: "a number",
  b: "a boolean",
  f: "a function",
  o: "an object",
  d: "a valid Date",
  k: "an options object",
};

// Values of these are never shown in a message.
const SECRET = /secret|token|pass|jwt|cred|key/i;

function fits(value: unknown, letter: string): boolean {
  const t = typeof value;
  switch (letter) {
    case "*":
      return true;
    case "s":
      return t === "string";
    case "n":
      return t === "number";
    case "b":
      return t === "boolean";
    case "f":
      return t === "function";
    case "d":
      return value instanceof Date && !Number.isNaN(value.getTime());
    case "k":
      if (Array.isArray(value)) return false;
  }
  return value !== null && t === "object";
}

function given(value: unknown, name: string): string {
  const t = typeof value;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (t === "object") {
    const c = (value as object).constructor?.name;
    return c && c !== "Object" ? `a ${c}` : "an object";
  }
  if (t === "function") return "a function";
  if (SECRET.test(name.slice(name.search(/[^.: ]*$/)))) return `a ${t}`;
  const shown = t === "string" ? JSON.stringify((value as string).slice(0, 60)) : String(value);
  return `the ${t} ${shown}`;
}

/**
 * Checks one value against a type spec; `name` is the parameter as the
 * message names it ("makeBucket: options").
 *
 * @example
 * ```ts
 * checkType("presignedGetObject: options", 3600, "nk"); // fine
 * checkType("makeBucket: bucket", 5, "s"); // InvalidArgumentError
 * ```
 */
export function checkType(name: string, value: unknown, letters: string): void {
  if (matches(value, letters)) return;
  throw new InvalidArgumentError(
    `${name} must be ${[...letters].map((l) => EXPECTED[l]).join(" or ")}; got ${
      given(value, name)
    }`,
  );
}

function matches(value: unknown, letters: string): boolean {
  for (const l of letters) if (fits(value, l)) return true;
  return false;
}

// Specs are parsed once: the clients check every call.
const keyMaps = new Map<string, Map<string, string>>();
const paramLists = new Map<string, [name: string, letters: string, optional: boolean][]>();

/** Lower case, letters and digits only: `Content-Type` and `contentType` meet. */
function plain(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/**
 * The known key nearest to `key`, ignoring case and punctuation, when it is
 * near enough to be a likely slip (or one name holds the other, as
 * `credentialsProvider` holds `credentials`).
 *
 * @example
 * ```ts
 * nearestKey("metaData", ["metadata", "contentType"]); // "metadata"
 * ```
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const k = plain(key);
  let best: string | undefined, bestD = Math.max(2, k.length / 3);
  for (const name of known) {
    const n = plain(name);
    const d = k.includes(n) || n.includes(k) ? 1 : distance(k, n);
    if (d < bestD || (d === bestD && !best)) [best, bestD] = [name, d];
  }
  return best;
}

/**
 * Checks an options object: each own key must be known and, when not
 * undefined, of its spec's type. `undefined` passes (no options).
 *
 * @example
 * ```ts
 * checkOptions("makeBucket: options", { location: "eu-west-1" }, "location:s objectLock:b");
 * checkOptions("makeBucket: options", { objectLocking: true }, "location:s objectLock:b");
 * // InvalidArgumentError: makeBucket: unknown option 'objectLocking' in options; did you mean 'objectLock'?
 * ```
 */
export function checkOptions(name: string, value: unknown, keys: string): void {
  if (value === undefined) return;
  checkType(name, value, "k");
  let specs = keyMaps.get(keys);
  if (!specs) {
    specs = new Map(keys.split(" ").map((s) => s.split(":") as [string, string]));
    keyMaps.set(keys, specs);
  }
  for (const key of Object.keys(value as object)) {
    const letters = specs.get(key);
    if (letters) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && !matches(v, letters)) checkType(`${name}.${key}`, v, letters);
      continue;
    }
    const near = nearestKey(key, [...specs.keys()]);
    const [fn, param] = name.includes(": ") ? name.split(": ") : ["", name];
    throw new InvalidArgumentError(
      `${fn && fn + ": "}unknown option '${key}' in ${param}; ${
        near ? `did you mean '${near}'?` : `known options: ${[...specs.keys()].join(", ")}`
      }`,
    );
  }
}

/**
 * Checks the arguments of a method: at most as many as it has parameters,
 * each of its type. `params` is `name:letters` per parameter, `?` after an
 * optional one's name; a `k` parameter's keys are checked against `keys`.
 *
 * @example
 * ```ts
 * checkArgs("makeBucket", ["photos", "eu-west-1"], "bucket:s options?:sk", "location:s objectLock:b");
 * ```
 */
export function checkArgs(
  fn: string,
  args: ArrayLike<unknown>,
  params: string,
  keys = "",
): void {
  let list = paramLists.get(params);
  if (!list) {
    list = params
      ? params.split(" ").map((p) => {
        const [name, letters] = p.split(":");
        return [name.replace("?", ""), letters, name.endsWith("?")];
      })
      : [];
    paramLists.set(params, list);
  }
  if (args.length > list.length) {
    throw new InvalidArgumentError(
      `${fn} takes at most ${list.length} arguments (${
        list.map((p) => p[0]).join(", ")
      }); got ${args.length}`,
    );
  }
  for (let i = 0; i < list.length; i++) {
    const [name, letters, optional] = list[i];
    const value = args[i];
    if (value === undefined && optional) continue;
    if (letters.includes("k") && fits(value, "k")) checkOptions(`${fn}: ${name}`, value, keys);
    else if (!matches(value, letters)) checkType(`${fn}: ${name}`, value, letters);
  }
}

/** The keys every network call's options take (`RequestOptions`), `@` in a key spec. */
export const REQUEST_KEYS =
  "signal:o extraHeaders:o extraQueryParams:o headersTimeoutMs:n bodyTimeoutMs:n";

/**
 * Puts a check of its arguments in front of each method of a class:
 * `shapes` maps a method to its parameters' spec, `|` and its options' key
 * spec (`@` standing for {@link REQUEST_KEYS}). A refusal is a rejected
 * promise, or, for a method whose spec starts with `!` (it returns no
 * promise), thrown. The clients' tables are generated by
 * scripts/gen_clients.ts from the methods' TypeScript types.
 *
 * @example
 * ```ts
 * class Store {
 *   get(key: string): Promise<string> { return Promise.resolve(key); }
 * }
 * checkMethods(Store.prototype, { get: "key:s" });
 * ```
 */
export function checkMethods(proto: object, shapes: Record<string, string>): void {
  const methods = proto as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, shape] of Object.entries(shapes)) {
    const method = methods[name];
    const sync = shape[0] === "!";
    const [params, keys = ""] = shape.slice(sync ? 1 : 0).split("|");
    const expanded = keys.replace("@", REQUEST_KEYS);
    methods[name] = function (this: unknown, ...args: unknown[]) {
      try {
        checkArgs(name, args, params, expanded);
      } catch (e) {
        if (sync) throw e;
        return Promise.reject(e);
      }
      return method.apply(this, args);
    };
  }
}
