// The listing reader (src/s3/list/list_reader.ts) against the general XML
// reader and pageEntries: on every page, plain or not, valid or hostile, both
// give the same entries, the same page markers, or the same error. The plain
// pages are checked to take the plain reader, so that the comparison is not
// of the general reader with itself.
import fc from "fast-check";
import { deepEqual, equal, ok, test } from "../harness.ts";
import { InvalidResponseError } from "../../mod.ts";
import { childText, parseXml } from "../../src/xml/parse.ts";
import { pageEntries } from "../../src/s3/list/list_entries.ts";
import { listedDate, plainListing, readListing } from "../../src/s3/list/list_reader.ts";
import { hostileXml, runs } from "./fuzz_support.ts";
import { LIST_V1, LIST_V2, LIST_VERSIONS } from "./fuzz_samples.ts";

const MARKERS = [
  "IsTruncated",
  "NextContinuationToken",
  "EncodingType",
  "NextMarker",
  "NextKeyMarker",
  "NextVersionIdMarker",
  "KeyCount",
  "Name",
];

type Outcome = { entries: unknown[]; markers: (string | undefined)[] } | { error: string };

function outcome(read: () => ReturnType<typeof readListing>): Outcome {
  try {
    const { root, entries } = read();
    // Times as numbers: an Invalid Date equals no other under deepEqual.
    const times = entries.map((e) => ({ ...e, lastModified: e.lastModified?.getTime() }));
    return { entries: times, markers: MARKERS.map((m) => childText(root, m)) };
  } catch (e) {
    ok(e instanceof InvalidResponseError, `not an InvalidResponseError: ${e}`);
    return { error: e.message };
  }
}

function general(xml: string, root: string): Outcome {
  return outcome(() => {
    const el = parseXml(xml, root);
    return { root: el, entries: [...pageEntries(el, "b-1")] };
  });
}

/** Asserts that `xml` is read alike both ways, and returns whether the plain reader took it. */
function alike(xml: string, root: string): boolean {
  const plain = outcome(() => plainListing(xml, root, "b-1") ?? readListing(xml, root, "b-1"));
  deepEqual(plain, general(xml, root));
  deepEqual(outcome(() => readListing(xml, root, "b-1")), general(xml, root));
  try {
    return plainListing(xml, root, "b-1") !== undefined;
  } catch {
    return false;
  }
}

const SAMPLES = [LIST_V2, LIST_V1, LIST_VERSIONS].flatMap((s) =>
  s.docs.map((doc) => [s.root, doc] as const)
);

/** The V2 sample `n` with `from` replaced by `to`, which must be in it. */
function edited(n: number, from: string | RegExp, to: string): string {
  const doc = LIST_V2.docs[n];
  const out = doc.replace(from, to);
  ok(out !== doc, `${from} is not in the sample`);
  return out;
}

/** The first V2 sample, edited. */
const v2 = (from: string | RegExp, to: string) => edited(0, from, to);
/** The V2 sample in MinIO's form (the third), edited. */
const minio = (from: string | RegExp, to: string) => edited(2, from, to);

test("listing reader: the samples of V2, V1 and versions take the plain reader, alike", () => {
  for (const [root, doc] of SAMPLES) ok(alike(doc, root), doc);
  const entries = readListing(LIST_V2.docs[0], "ListBucketResult", "b-1").entries;
  equal(entries.length, 3);
  deepEqual(entries[0].metadata, { owner: "ann", "content-type": "text/plain" });
  equal(entries[0].name, "a b");
  equal(entries[0].etag, "e1");
  equal(entries[2].isDir, true);
});

test("listing reader: MinIO's entries as it sends them are read whole", () => {
  ok(alike(LIST_V2.docs[2], "ListBucketResult"));
  const [plain, owned, described] = readListing(LIST_V2.docs[2], "ListBucketResult", "b-1")
    .entries;
  deepEqual(plain, {
    bucket: "b-1",
    name: "dir/a&b.txt",
    isDir: false,
    size: 2,
    etag: "49f68a5c8493ec2c0bf489821c21fc3b",
    lastModified: new Date("2026-12-05T11:37:19.513Z"),
    storageClass: "STANDARD",
    owner: undefined,
    metadata: undefined,
  });
  deepEqual(owned.owner, {
    id: "02d6176db174dc93cb1b899f7c6078f08654445fe8cf1b6ce98d8855f66bdbf4",
    displayName: "minio",
  });
  equal(owned.size, 16777216);
  equal(described.etag, "81b3c4411b4bb2464d0b32fc461c1b64-64");
  equal(described.lastModified?.toISOString(), "2026-12-04T23:23:07.519Z");
  deepEqual(described.metadata, { camera: "K1", "content-type": "text/plain" });
});

test("listing reader: entries near MinIO's form are read as the general reader reads them", () => {
  const key = "<Key>f</Key>";
  const etag = "<ETag>&#34;c7bdcd09de13009a77a79bc8865f14c0&#34;</ETag>";
  const owner = "<DisplayName>minio</DisplayName></Owner>";
  const internal = "<Internal><K>2</K><M>2</M></Internal>";
  for (
    const doc of [
      minio(key, "<Key>f&amp;g</Key>"),
      minio(key, "<Key>f%20g</Key><Key>second</Key>"),
      minio(key, "<Key></Key>"),
      minio(etag, "<ETag>&quot;c7bd&quot;</ETag>"),
      minio(etag, "<ETag>c7bd</ETag>"),
      minio(etag, "<ETag>&#34;c7bd</ETag>"),
      minio(etag, "<ETag>&#34;c7&amp;bd&#34;</ETag>"),
      minio(etag, "<ETag>&#34;&#34;</ETag>"),
      minio(etag, ""),
      minio("<Size>16777216</Size>", ""),
      minio("<Size>16777216</Size>", "<Size>x</Size>"),
      minio("<Size>16777216</Size>", "<Size>16777216</Size><Size>1</Size>"),
      minio(owner, "</Owner>"),
      minio(owner, "<DisplayName>minio</DisplayName><Extra>x</Extra></Owner>"),
      minio("<Owner>", "<Owner><ID>first</ID></Owner><Owner>"),
      minio(
        /<StorageClass>STANDARD<\/StorageClass><\/Contents><Contents><Key>f/,
        "</Contents><Contents><Key>f",
      ),
      minio("<StorageClass>STANDARD</StorageClass><UserMetadata>", "<UserMetadata>"),
      minio(
        "<LastModified>2026-12-05T11:32:19.213Z</LastModified>",
        "<LastModified></LastModified><LastModified>2026-12-05T11:32:19.213Z</LastModified>",
      ),
      minio("<LastModified>2026-12-05T11:32:19.213Z</LastModified>", ""),
      minio(
        "<StorageClass>STANDARD</StorageClass><UserMetadata>",
        "<StorageClass>STANDARD</StorageClass><Key>late</Key><ETag>e</ETag><UserMetadata>",
      ),
      minio(internal, "<Internal><K>x</K><M>2</M></Internal>"),
      minio(internal, "<Internal><K>2</K></Internal>"),
      minio(internal, "<Internal><K>2</K><M>2</M><N>1</N></Internal>"),
      minio(internal, "<Internal></Internal><Internal><K>2</K><M>2</M></Internal>"),
      minio(internal, `${internal}<IsLatest>true</IsLatest>`),
      minio("<Contents><Key>m</Key>", "<Version><Key>m</Key>").replace(
        `${internal}</Contents>`,
        `${internal}</Version>`,
      ),
    ]
  ) ok(alike(doc, "ListBucketResult"), doc);
  const second = (doc: string) => readListing(doc, "ListBucketResult", "b-1").entries[1];
  equal(second(minio(key, "<Key>f&amp;g</Key>")).name, "f&g");
  equal(second(minio(key, "<Key>f%20g</Key><Key>second</Key>")).name, "f g");
  equal(second(minio(etag, "<ETag>&quot;c7bd&quot;</ETag>")).etag, "c7bd");
  // After the first children read in one match, a repeated one does not count.
  const late = readListing(
    minio(
      "<StorageClass>STANDARD</StorageClass><UserMetadata>",
      "<StorageClass>STANDARD</StorageClass><Key>late</Key><ETag>e</ETag><UserMetadata>",
    ),
    "ListBucketResult",
    "b-1",
  ).entries[2];
  equal(late.name, "m");
  equal(late.etag, "81b3c4411b4bb2464d0b32fc461c1b64-64");
  deepEqual(late.metadata, { camera: "K1", "content-type": "text/plain" });
});

test("listing reader: a page printed with indentation takes the plain reader, alike", () => {
  const pretty = LIST_VERSIONS.docs[0].replace(/></g, ">\n    <");
  ok(alike(pretty, "ListVersionsResult"));
});

test("listing reader: repeated fields count as the general reader counts them", () => {
  for (
    const doc of [
      v2("<Key>a%20b</Key>", "<Key>a%20b</Key><Key>second</Key>"),
      v2("<Owner>", "<Owner><ID>first</ID></Owner><Owner>"),
      v2(
        "<UserMetadata>",
        "<UserMetadata><x-amz-meta-a>1</x-amz-meta-a></UserMetadata><UserMetadata>",
      ),
      v2("<UserMetadata>", "<UserMetadata><X-Amz-Meta-Owner>first</X-Amz-Meta-Owner>"),
      v2(
        "<EncodingType>url</EncodingType>",
        "<EncodingType>none</EncodingType><EncodingType>url</EncodingType>",
      ),
      v2("<Prefix>dir%2F</Prefix>", "<Prefix>dir%2F</Prefix><Prefix>other</Prefix>"),
      v2(
        "<LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;",
        "<LastModified></LastModified><LastModified>2026-01-02T03:04:05.000Z</LastModified>" +
          "<ETag>&quot;",
      ),
      v2("<Size>3</Size>", "<Size>3</Size><Internal><K>2</K><M>2</M><N><O>x</O></N></Internal>"),
    ]
  ) ok(alike(doc, "ListBucketResult"), doc);
});

test("listing reader: ETags in every quoting are read as the general reader reads them", () => {
  const etags = [
    "&#34;e1&#34;",
    "&quot;e2&quot;",
    "&#34;e1&quot;",
    '"e1"',
    "e1",
    "&#34;&#34;",
    "&#34;",
    "&quot;",
    "&#34;e&amp;1&#34;",
    '&#34;"e1"&#34;',
    "&#34;e1",
    "e1&#34;",
    "&#34;e1&#34;x",
    "&#x22;e1&#x22;",
    "",
  ];
  for (const etag of etags) {
    const doc = v2("<ETag>&quot;e1&quot;</ETag>", `<ETag>${etag}</ETag>`);
    ok(alike(doc, "ListBucketResult"), doc);
  }
  const read = (etag: string) =>
    readListing(
      v2("<ETag>&quot;e1&quot;</ETag>", `<ETag>${etag}</ETag>`),
      "ListBucketResult",
      "b-1",
    )
      .entries[0].etag;
  equal(read("&#34;e1&#34;"), "e1");
  equal(read('&#34;"e1"&#34;'), '"e1"');
  equal(read("&#34;&#34;"), undefined);
  equal(read("&#34;e&amp;1&#34;"), "e&1");
});

test("listing reader: pages of other shapes go to the general reader, alike", () => {
  for (
    const doc of [
      v2("<Key>a%20b</Key>", "<Key><![CDATA[a%20b]]></Key>"),
      v2("<Key>a%20b</Key>", "<Key>a%20<!-- c -->b</Key>"),
      v2("<Key>a%20b</Key>", "<s3:Key>a%20b</s3:Key>"),
      v2("<Key>a%20b</Key>", "<Key/>"),
      v2("<Key>a%20b</Key>", "<Key>a%20b</Key >"),
      v2("<Contents>", '<Contents id="1">'),
      v2(/<ListBucketResult [^>]*>/, '<ListBucketResult xmlns="x" other="<Contents>">'),
      v2(/<ListBucketResult [^>]*>/, "<s3:ListBucketResult>").replace(
        "</ListBucketResult>",
        "</s3:ListBucketResult>",
      ),
      v2("<Size>3</Size>", "<Size>3<?pi x?></Size>"),
      v2("<Name>b-1</Name>", "<Name><First>b</First></Name>"),
      v2("<Name>b-1</Name>", "<Name>b-1</Name>\n<!-- a comment -->"),
      v2("</ListBucketResult>", "</ListBucketResult>trailing"),
    ]
  ) equal(alike(doc, "ListBucketResult"), false, doc);
});

test("listing reader: cut and malformed pages are the general reader's errors", () => {
  for (const doc of [LIST_V2.docs[0], LIST_V2.docs[2]]) {
    for (let cut = 0; cut < doc.length; cut += 7) {
      equal(alike(doc.slice(0, cut), "ListBucketResult"), false);
    }
  }
  equal(alike(v2("</Key>", "</Kei>"), "ListBucketResult"), false);
  equal(alike(LIST_V2.docs[0], "ListVersionsResult"), false);
  const outcome = general(v2("<Key>a%20b</Key>", "<Key>%E0%A4%A</Key>"), "ListBucketResult");
  ok("error" in outcome && /percent-encoding/.test(outcome.error));
  alike(v2("<Key>a%20b</Key>", "<Key>%E0%A4%A</Key>"), "ListBucketResult");
});

test("listing reader: elements nested a million deep in an entry end in no stack overflow", () => {
  const depth = 1_000_000;
  const doc = v2("<Size>3</Size>", "<Size>3</Size>" + "<X>".repeat(depth) + "</X>".repeat(depth));
  ok(alike(doc, "ListBucketResult"));
});

test("fuzz listing reader: any text is read alike by the plain and the general reader", () => {
  const roots = fc.constantFrom("ListBucketResult", "ListVersionsResult");
  const docs = SAMPLES.map(([, doc]) => doc);
  fc.assert(
    fc.property(roots, hostileXml("ListBucketResult", docs), (root, xml) => {
      alike(xml, root);
    }),
    runs(1401),
  );
});

/** Asserts that listedDate reads `text` as the time new Date gives. */
function same(text: string): void {
  equal(listedDate(text).getTime(), new Date(text).getTime(), `listedDate(${text})`);
}

test("listedDate: always the time new Date gives, on edge forms and on any time it prints", () => {
  for (
    const text of [
      "2024-07-14T09:26:33.123Z",
      "2024-07-14T09:26:33Z",
      "0001-01-01T00:00:00.000Z",
      "0099-12-28T23:59:59.999Z",
      "0999-12-28T23:59:59.999Z",
      "2024-02-28T00:00:00.000Z",
      "2024-02-29T00:00:00.000Z",
      "2024-12-31T23:59:59.999Z",
      "2024-07-14T09:26:33.123456Z",
      "2024-07-14T09:26:33.1Z",
      "2024-07-14T09:26:33.123+01:00",
    ]
  ) same(text);
  // Not dates: NaN both ways.
  for (
    const text of [
      "2024-13-01T00:00:00.000Z",
      "2024-00-14T09:26:33.123Z",
      "2024-07-00T09:26:33.123Z",
      "2024-01-01T25:00:00.000Z",
      "2024-01-01T23:60:00.000Z",
      "2024-07-14T09:26:33.12aZ",
      "2024-07-14T09:26:3/.123Z",
      "2/24-07-14T09:26:33.123Z",
      "2024-07-14 09:26:33.123Y",
      "garbage",
    ]
  ) ok(Number.isNaN(listedDate(text).getTime()) && Number.isNaN(new Date(text).getTime()), text);
  fc.assert(
    fc.property(fc.integer({ min: -3e13, max: 2.5e14 }), (ms) => {
      same(new Date(ms).toISOString());
    }),
    runs(1402),
  );
});

test("listedDate: a date after one of the same day, or of another, is still new Date's", () => {
  // Each after the one before: the day of the last date read is kept.
  for (
    const text of [
      "2024-07-14T09:26:33.123Z",
      "2024-07-14T23:59:59.999Z",
      "2024-07-14T00:00:00.000Z",
      "2024-07-14T24:00:00.000Z",
      "2024-07-14T09:60:00.000Z",
      "2024-07-14T09:26:33.12xZ",
      "2024-07-14T09:26:33.123Y",
      "2024-07-14T09:26:33.123Z",
      "2024-07-15T09:26:33.123Z",
      "2024-07-14T09:26:33.123Z",
      "2024-07-29T09:26:33.123Z",
      "2024-07-14T09:26:33.123Z",
      "2024-07-14X09:26:33.123Z",
      "2024-07-14T09:26:33.123Z",
      "0099-07-14T09:26:33.123Z",
      "1969-12-31T23:59:59.999Z",
      "1969-12-31T00:00:00.001Z",
    ]
  ) same(text);
  // Runs of times a few hours apart, which share their days.
  fc.assert(
    fc.property(
      fc.integer({ min: -3e13, max: 2.5e14 }),
      fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { maxLength: 40 }),
      (start, steps) => {
        let ms = start;
        for (const step of steps) same(new Date(ms += step).toISOString());
      },
    ),
    runs(1403),
  );
});
