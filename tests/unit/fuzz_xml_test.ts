// Properties of XML reading: the parser and every configuration's fromXml
// take hostile documents (mutated valid answers, generated trees, random
// text) and either read them or fail with a typed error, in bounded time.
import fc from "fast-check";
import { equal, test } from "../harness.ts";
import {
  InvalidResponseError,
  LegalHold,
  LifecycleConfig,
  NotificationConfig,
  ObjectLockConfig,
  ReplicationConfig,
  Retention,
  SSEConfig,
  Tags,
  VersioningConfig,
} from "../../mod.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../../src/xml/parse.ts";
import { element, textElement } from "../../src/xml/write.ts";
import { errorFromResponse, parseOkBody } from "../../src/core/parse_error.ts";
import { parseStats } from "../../src/s3/select/reader.ts";
import { hostileXml, runs, settlesTyped, typedOnly } from "./fuzz_support.ts";
import * as S from "./fuzz_samples.ts";

// Walks the whole tree, so that a lazily built part would be reached too.
function size(el: XmlElement): number {
  let n = 1 + el.text.length;
  for (const c of el.children) n += size(c);
  return n;
}

test("fuzz parseXml: any text is a tree or an InvalidResponseError", () => {
  const all = Object.values(S).flatMap((s) => s.docs);
  fc.assert(
    fc.property(
      fc.oneof(hostileXml("ListBucketResult", all), fc.string({ unit: "binary" })),
      (xml) => {
        const root = typedOnly(() => parseXml(xml), [InvalidResponseError]);
        if (root) {
          size(root);
          childrenNamed(root, "Contents");
          child(root, "Key");
          childText(root, "Key");
        }
      },
    ),
    runs(1301),
  );
});

test("fuzz parseXml: text written by textElement reads back unchanged", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      const root = parseXml(element("R", textElement("T", text)));
      equal(childText(root, "T"), text);
    }),
    runs(1302),
  );
});

// The model: every well-formed predefined or character reference decoded in
// one left-to-right pass; anything else after a `&` kept as written.
const REFERENCE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function modelDecode(text: string): string {
  return text.replace(REFERENCE, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body];
    const hex = body[1] === "x" || body[1] === "X";
    const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

test("fuzz parseXml: text and attribute references decode as a one-pass reader would", () => {
  const piece = fc.constantFrom(
    "&",
    ";",
    "#",
    "x",
    "X",
    "amp",
    "lt",
    "gt",
    "quot",
    "apos",
    "bogus",
    "0",
    "3",
    "4",
    "65",
    "a",
    "F",
    "110000",
    "10FFFF",
    " ",
    "&#34;",
    "&amp;",
    "&#x",
    "&#",
    "é",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join("");
      const root = parseXml(`<R a="${text}">${text}</R>`);
      equal(root.text, modelDecode(text));
      equal(root.attributes.a, modelDecode(text));
    }),
    runs(1303),
  );
});

test("parseXml: many '&'s before a far ';' decode in linear time", () => {
  // A reference is read from its own characters only: a version that sliced
  // from each '&' to the next ';' took seconds for a text like these.
  for (const text of ["&".repeat(1_000_000) + ";", "&#1".repeat(400_000) + ";"]) {
    const root = typedOnly(() => parseXml(`<R a="${text}">${text}</R>`));
    equal(root?.text, modelDecode(text));
  }
});

const PARSERS: [string, S.Samples, (xml: string) => unknown][] = [
  ["LifecycleConfig", S.LIFECYCLE, (x) => LifecycleConfig.fromXml(x)],
  ["ReplicationConfig", S.REPLICATION, (x) => ReplicationConfig.fromXml(x)],
  ["NotificationConfig", S.NOTIFICATION, (x) => NotificationConfig.fromXml(x)],
  ["ObjectLockConfig", S.OBJECT_LOCK, (x) => ObjectLockConfig.fromXml(x)],
  ["VersioningConfig", S.VERSIONING, (x) => VersioningConfig.fromXml(x)],
  ["SSEConfig", S.ENCRYPTION, (x) => SSEConfig.fromXml(x)],
  ["Tags", S.TAGGING, (x) => Tags.fromXml(x)],
  ["Retention", S.RETENTION, (x) => Retention.fromXml(x)],
  ["LegalHold", S.LEGAL_HOLD, (x) => LegalHold.fromXml(x)],
];

PARSERS.forEach(([name, samples, parse], i) => {
  test(`fuzz ${name}.fromXml: hostile documents read or fail typed`, () => {
    // The valid samples themselves read.
    for (const doc of samples.docs) parse(doc);
    fc.assert(
      fc.property(hostileXml(samples.root, samples.docs), (xml) => {
        typedOnly(() => parse(xml));
      }),
      runs(1310 + i),
    );
  });
});

test("fuzz parseOkBody: a 200 body is a tree, an S3Error or an InvalidResponseError", () => {
  const docs = [...S.DELETE_RESULT.docs, ...S.ERROR.docs];
  fc.assert(
    fc.property(hostileXml("DeleteResult", docs), (xml) => {
      typedOnly(() => parseOkBody(xml, 200, { bucket: "b-1" }));
    }),
    runs(1320),
  );
});

test("fuzz errorFromResponse: any error answer becomes a typed error", async () => {
  await fc.assert(
    fc.asyncProperty(
      hostileXml("Error", S.ERROR.docs),
      fc.constantFrom(400, 403, 404, 409, 500, 503),
      fc.constantFrom("application/xml", "text/html", ""),
      async (xml, status, type) => {
        const res = new Response(xml, { status, headers: type ? { "content-type": type } : {} });
        const e = await settlesTyped(() => errorFromResponse(res, { method: "GET", bucket: "b" }));
        if (e === undefined) throw new Error("no error returned");
        typedOnly(() => {
          throw e;
        });
      },
    ),
    runs(1321),
  );
});

test("fuzz parseStats: Progress and Stats payloads read or fail typed", () => {
  const docs = [
    `<?xml version="1.0" encoding="UTF-8"?><Stats><BytesScanned>512</BytesScanned>` +
    `<BytesProcessed>1024</BytesProcessed><BytesReturned>64</BytesReturned></Stats>`,
  ];
  fc.assert(
    fc.property(hostileXml("Stats", docs), (xml) => {
      typedOnly(() => parseStats(xml));
    }),
    runs(1322),
  );
});
