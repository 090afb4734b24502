// Properties of SigV4's URI encoding against a reference written here from
// RFC 3986 (section 2: percent-encode every UTF-8 byte but the unreserved
// characters, hex digits upper-case): query keys and values, object paths,
// the canonical query, and the URL a request goes to.
import fc from "fast-check";
import { equal, ok, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { canonicalQuery, uriEncode, uriEncodePath } from "../../src/signer/encode.ts";
import { clientWithFetch, runs, typedOnly } from "./fuzz_support.ts";

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const utf8 = new TextEncoder();

/** RFC 3986 percent-encoding of `s`'s UTF-8 bytes; undefined when `s` has no UTF-8 form. */
function reference(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return undefined;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return undefined;
  }
  let out = "";
  for (const byte of utf8.encode(s)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch)
      ? ch
      : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

// Any UTF-16: ASCII-heavy text, any code points, and lone surrogates.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."aZ09-_.~ !'()*%/?#&=+,;:@[]$\"<>\\^`{|}\t\n\u007f") }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
);

test("fuzz uriEncode: RFC 3986 encoding of the UTF-8 bytes, or an InvalidArgumentError", () => {
  fc.assert(
    fc.property(text, (s) => {
      const expected = reference(s);
      const got = typedOnly(() => uriEncode(s), [InvalidArgumentError]);
      equal(got, expected);
      if (got !== undefined) equal(decodeURIComponent(got), s);
    }),
    runs(1601),
  );
});

test("fuzz uriEncodePath: each segment encoded, every / kept", () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 5 }), (segments) => {
      const path = segments.join("/");
      const parts = path.split("/").map(reference);
      const expected = parts.includes(undefined) ? undefined : parts.join("/");
      equal(typedOnly(() => uriEncodePath(path), [InvalidArgumentError]), expected);
    }),
    runs(1602),
  );
});

test("fuzz canonicalQuery: encoded pairs sorted by key then value, byte order", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (params) => {
      const encoded = params.map(([k, v]) => [reference(k), reference(v)]);
      const expected = encoded.some(([k, v]) => k === undefined || v === undefined)
        ? undefined
        : (encoded as [string, string][])
          // Encoded text is ASCII, so code unit order is byte order.
          .sort(([ak, av], [bk, bv]) => ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0)
          .map(([k, v]) => `${k}=${v}`).join("&");
      equal(typedOnly(() => canonicalQuery(params), [InvalidArgumentError]), expected);
    }),
    runs(1603),
  );
});

test("fuzz request URL: an object name reaches fetch encoded as the reference says, or is refused", async () => {
  const sent: { url?: URL } = {};
  const fetch = (input: RequestInfo | URL) => {
    sent.url = new URL(String(input));
    return Promise.resolve(new Response(null, { status: 200, headers: { etag: '"e"' } }));
  };
  const client = clientWithFetch(fetch);
  await fc.assert(
    fc.asyncProperty(text.filter((s) => s.length > 0), async (name) => {
      sent.url = undefined;
      try {
        await client.statObject("b-1", name);
      } catch (e) {
        ok(e instanceof InvalidArgumentError, `untyped error: ${e}`);
        equal(sent.url, undefined, "a refused name reached fetch");
        return;
      }
      const path = name.split("/").map(reference).join("/");
      // Set by fetch, which TypeScript cannot see from here.
      const url = sent.url as URL | undefined;
      ok(url, "no request");
      // Path-style: the bucket, then the name as encoded, untouched by URL.
      equal(url.pathname, `/b-1/${path}`);
    }),
    runs(1604),
  );
});
