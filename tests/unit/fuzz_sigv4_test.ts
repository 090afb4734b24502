// A differential property of SigV4 header signing: for any path, query,
// headers, date and keys, our Authorization header is the one
// @smithy/signature-v4 (the AWS SDK's signer) computes, which encodes the
// query and canonicalises the headers by its own code.
import fc from "fast-check";
import { equal, test } from "../harness.ts";
import { SignatureV4 } from "@smithy/signature-v4";
import { Hash } from "@smithy/hash-node";
import { signV4Headers } from "../../src/signer/sigv4.ts";
import { uriEncodePath } from "../../src/signer/encode.ts";
import { amzDate } from "../../src/signer/time.ts";
import { runs } from "./fuzz_support.ts";

// Well-formed text (a lone surrogate is refused before signing).
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."aZ09-_.~ !'()*%/?#&=+,;:@$\"<>\\^`{|}é😀") }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);
// What the SDK never signs, and the headers each signer sets itself.
const UNSIGNED = new Set([
  "authorization",
  "cache-control",
  "connection",
  "expect",
  "from",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amzn-trace-id",
  "host",
  "x-amz-date",
  "x-amz-content-sha256",
]);
const headerName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/).filter((n) => !UNSIGNED.has(n));
// Printable ASCII with runs of spaces and tabs, which both collapse.
const headerValue = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)),
    fc.constantFrom(" ", "  ", "\t"),
  ),
  maxLength: 30,
});

test("fuzz signV4Headers: the Authorization header @smithy/signature-v4 computes", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD"),
      fc.array(text, { maxLength: 4 }),
      fc.uniqueArray(fc.tuple(text, text), {
        selector: ([k]) => k,
        maxLength: 5,
      }).map((q) =>
        // The SDK's signer drops its own signature parameter, and builds the
        // query in a plain object, where a "__proto__" key is lost on Node and Bun.
        q.filter(([k]) => k.toLowerCase() !== "x-amz-signature" && k !== "__proto__")
      ),
      fc.dictionary(headerName, headerValue, { maxKeys: 5, noNullPrototype: true }),
      fc.date({
        min: new Date("1970-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      }),
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constantFrom("us-east-1", "eu-west-1", "my-region"),
      async (method, segments, query, extra, date, secret, region) => {
        const path = "/b-1/" + uriEncodePath(segments.join("/"));
        const payloadHash = "UNSIGNED-PAYLOAD";
        const host = "s3.example.test:9000";
        const ours = signV4Headers(
          {
            method,
            path,
            query,
            headers: {
              ...extra,
              host,
              "x-amz-date": amzDate(date),
              "x-amz-content-sha256": payloadHash,
            },
            payloadHash,
          },
          { accessKey: "AKID", secretKey: secret },
          region,
          "s3",
          date,
        ).authorization;
        const smithy = new SignatureV4({
          credentials: { accessKeyId: "AKID", secretAccessKey: secret },
          region,
          service: "s3",
          sha256: Hash.bind(null, "sha256"),
          uriEscapePath: false,
        });
        const signed = await smithy.sign({
          method,
          protocol: "http:",
          hostname: "s3.example.test",
          port: 9000,
          path,
          query: Object.fromEntries(query),
          headers: { ...extra, host, "x-amz-content-sha256": payloadHash },
        }, { signingDate: date });
        equal(ours, (signed.headers as Record<string, string>).authorization);
      },
    ),
    runs(2201),
  );
});
