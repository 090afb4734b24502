/**
 * What the property tests (fuzz_*_test.ts) share: fixed seeds and run
 * counts, the check that a failure is one of the SDK's typed errors, a bound
 * that turns a hang into a failure, and hostile XML made from valid
 * documents.
 *
 * Each property runs 2,000 cases from its own fixed seed. For deeper runs:
 * `FUZZ_RUNS=100000` (more cases from the same seed) and `FUZZ_SEED=<n>`
 * (another seed for every property); a failure prints the seed and the
 * path that replay it.
 *
 * @module
 */
import fc from "fast-check";
import { readEnv } from "../../src/base/env.ts";
import {
  InvalidArgumentError,
  InvalidResponseError,
  Minio,
  S3Error,
  ServerError,
} from "../../mod.ts";

/** The seed and run count of one property. */
export function runs(seed: number, numRuns = 2000): { seed: number; numRuns: number } {
  const deeper = Number(readEnv("FUZZ_RUNS"));
  const chosen = readEnv("FUZZ_SEED");
  return {
    seed: chosen ? Number(chosen) : seed,
    numRuns: deeper > 0 ? Math.max(deeper, numRuns) : numRuns,
  };
}

// deno-lint-ignore no-explicit-any
type ErrorClass = abstract new (...args: any[]) => Error;

/** The errors an answer of the server may turn into. */
export const RESPONSE_ERRORS: readonly ErrorClass[] = [
  InvalidResponseError,
  S3Error,
  InvalidArgumentError,
  ServerError,
];

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message}\n${e.stack ?? ""}`;
  return `a thrown ${typeof e}: ${String(e)}`;
}

/** Throws unless `e` is an instance of one of `allowed`. */
export function checkTyped(e: unknown, allowed: readonly ErrorClass[] = RESPONSE_ERRORS): void {
  if (allowed.some((c) => e instanceof c)) return;
  throw new Error(`untyped error: ${describe(e)}`);
}

const HANG_MS = 1000;

/**
 * Runs a synchronous step: only a typed error may come out of it, and it
 * may not take more than a second (a super-linear blow-up on a small input).
 */
export function typedOnly<T>(
  step: () => T,
  allowed: readonly ErrorClass[] = RESPONSE_ERRORS,
): T | undefined {
  const start = performance.now();
  let result: T | undefined;
  try {
    result = step();
  } catch (e) {
    checkTyped(e, allowed);
  }
  const took = performance.now() - start;
  if (took > HANG_MS) throw new Error(`one case took ${Math.round(took)} ms`);
  return result;
}

class Hang extends Error {}

/**
 * Awaits an asynchronous step: only a typed error may come out of it, and it
 * must settle within a second (no hang, no endless paging).
 */
export async function settlesTyped<T>(
  step: () => Promise<T>,
  allowed: readonly ErrorClass[] = RESPONSE_ERRORS,
  ms = HANG_MS,
): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hang(`the step did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([step(), hang]);
  } catch (e) {
    if (e instanceof Hang) throw e;
    checkTyped(e, allowed);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

// ---- hostile XML ----

/** Text that parsers of numbers, dates, booleans, enums and names trip on. */
export const HOSTILE_TEXT: readonly string[] = [
  "",
  " ",
  "true",
  "false",
  "Enabled",
  "Disabled",
  "GOVERNANCE",
  "COMPLIANCE",
  "ON",
  "OFF",
  "url",
  "0",
  "-1",
  "1",
  "1.5",
  "NaN",
  "Infinity",
  "1e400",
  "99999999999999999999999",
  "0x10",
  "2030-01-01T00:00:00Z",
  "2030-01-01T00:00:00.000Z",
  "Mon, 02 Jan 2006 15:04:05 GMT",
  "not a date",
  "%",
  "%E2%82",
  "%FF%FE",
  "%C0%AF",
  "%zz",
  "%2F..%2F",
  "a+b%20c",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "&#x110000;",
  "&#99999999999;",
  "&bogus;",
  "&#x41;&#65;",
  "<![CDATA[x]]>",
  '"etag"',
  '"',
  "\u0000",
  "\ud800",
  "\udc00x",
  "\uffff",
  "é",
  "😀",
  "a".repeat(300),
];

/** Fragments inserted into a document to break its structure. */
const HOSTILE_FRAGMENTS: readonly string[] = [
  "<",
  ">",
  "</",
  "/>",
  "&",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "<?xml version='1.0'?>",
  "<!DOCTYPE x [<!ENTITY e 'v'>]>",
  '"',
  "'",
  "=",
  "<a:b xmlns:a='x'>",
  "</a:b>",
  "<x/>",
  "<Error><Code>X</Code></Error>",
];

/** The element names a document uses: a vocabulary for generated trees. */
export function elementNames(docs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const d of docs) {
    for (const m of d.matchAll(/<\/?([A-Za-z][\w.:-]*)/g)) names.add(m[1]);
  }
  return [...names];
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

/**
 * Well-formed documents with `root` as their root element and children
 * named from `names` to a depth of 4, with hostile text (some of it raw,
 * unescaped): they reach the code behind the parser.
 */
export function xmlTree(root: string, names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.constantFrom(...names);
  const text = fc.tuple(textArb, fc.boolean()).map(([t, raw]) => raw ? t : escapeText(t));
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.tuple(
      name,
      fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        text,
        fc.array(tie("node"), { maxLength: 5 }).map((c) => c.join("")),
      ),
    ).map(([n, inner]) => `<${n}>${inner}</${n}>`),
  }));
  return fc.array(node, { maxLength: 6 }).map((c) =>
    `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${
      c.join("")
    }</${root}>`
  );
}

type Mutation = (doc: string) => string;

const at = (doc: string, f: number) => Math.floor(f * (doc.length + 1));
// A place in a document, as a fraction of its length. Unbiased: fast-check's
// numbers favour small values, which would mostly cut at the first byte.
const place = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Cut the document short.
  { weight: 1, arbitrary: place.map((f): Mutation => (d) => d.slice(0, at(d, f))) },
  // Delete a stretch.
  {
    weight: 1,
    arbitrary: fc.tuple(place, fc.nat(40)).map(([f, n]): Mutation => (d) =>
      d.slice(0, at(d, f)) + d.slice(at(d, f) + n)
    ),
  },
  // Insert a structural fragment or hostile text.
  {
    weight: 2,
    arbitrary: fc.tuple(place, fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), textArb)).map(
      ([f, s]): Mutation => (d) => d.slice(0, at(d, f)) + s + d.slice(at(d, f)),
    ),
  },
  // Repeat a stretch elsewhere (duplicated elements, pages, markers).
  {
    weight: 2,
    arbitrary: fc.tuple(place, fc.nat(120), place).map(([f, n, g]): Mutation => (d) => {
      const piece = d.slice(at(d, f), at(d, f) + n);
      return d.slice(0, at(d, g)) + piece + d.slice(at(d, g));
    }),
  },
  // Replace the text of the k-th element that has some: the document stays
  // well-formed, so the code behind the parser sees the value.
  {
    weight: 5,
    arbitrary: fc.tuple(fc.nat(60), textArb).map(([k, t]): Mutation => (d) => {
      let i = 0;
      return d.replace(/>([^<>]+)</g, (whole) => (i++ === k ? `>${t}<` : whole));
    }),
  },
  // Empty the k-th element's text.
  {
    weight: 1,
    arbitrary: fc.nat(60).map((k): Mutation => (d) => {
      let i = 0;
      return d.replace(/>([^<>]+)</g, (whole) => (i++ === k ? "><" : whole));
    }),
  },
);

/** Valid documents cut, spliced and edited by up to four mutations. */
export function mutatedXml(docs: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...docs), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([doc, ms]) => ms.reduce((d, m) => m(d), doc));
}

/** Hostile documents for a parser: mutated valid ones, generated trees, random text. */
export function hostileXml(root: string, docs: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedXml(docs) },
    { weight: 3, arbitrary: xmlTree(root, elementNames(docs)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  );
}

/** A client of a made-up endpoint whose every request goes to `fetch`, never retried. */
export function clientWithFetch(
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
): Minio {
  return new Minio({
    endPoint: "s3.example.test",
    useSSL: false,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
}
