// Records keyed by names from a response or a caller keep a key named
// `__proto__` as an entry of their own: assigned, it would set the record's
// prototype and the entry would be lost. User metadata named `__proto__` is
// a valid header name (`x-amz-meta-__proto__`).
import { deepEqual, equal, ok, test } from "../harness.ts";
import { setOwnEntry } from "../../src/base/own_entry.ts";
import { statFromHeaders } from "../../src/s3/common/object_headers.ts";
import { readListing } from "../../src/s3/list/list_reader.ts";
import { pageEntries } from "../../src/s3/list/list_entries.ts";
import { parseXml } from "../../src/xml/parse.ts";
import { metaDataOptions } from "../../src/minio_js/metadata.ts";
import { traceEntry } from "../../src/core/trace_format.ts";

/** Whether `record` holds `__proto__` as its own entry with `value`, its prototype untouched. */
function keeps(record: Record<string, string> | undefined, value: string): void {
  ok(record !== undefined, "no record");
  ok(Object.hasOwn(record, "__proto__"), `no own __proto__ in ${JSON.stringify(record)}`);
  equal(Object.getOwnPropertyDescriptor(record, "__proto__")?.value, value);
  equal(Object.getPrototypeOf(record), Object.prototype);
  ok(Object.keys(record).includes("__proto__"), "not enumerable");
}

test("setOwnEntry keeps __proto__ as an own, enumerable, writable entry", () => {
  const r: Record<string, string> = {};
  setOwnEntry(r, "__proto__", "a");
  setOwnEntry(r, "color", "red");
  keeps(r, "a");
  setOwnEntry(r, "__proto__", "b");
  keeps(r, "b");
  deepEqual(Object.entries(r), [["__proto__", "b"], ["color", "red"]]);
});

test("statFromHeaders keeps user metadata named __proto__", () => {
  const stat = statFromHeaders(
    "b",
    "o",
    new Headers({ "x-amz-meta-__proto__": "kept", "x-amz-meta-color": "red" }),
  );
  keeps(stat.metadata, "kept");
  equal(stat.metadata.color, "red");
});

const PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>` +
  `<IsTruncated>false</IsTruncated>` +
  `<Contents><Key>a</Key><Size>1</Size><UserMetadata>` +
  `<X-Amz-Meta-__proto__>kept</X-Amz-Meta-__proto__><X-Amz-Meta-Color>red</X-Amz-Meta-Color>` +
  `</UserMetadata></Contents>` +
  // A second entry: the plain reader tries the first entry's names first.
  `<Contents><Key>b</Key><Size>1</Size><UserMetadata>` +
  `<X-Amz-Meta-__proto__>again</X-Amz-Meta-__proto__>` +
  `</UserMetadata></Contents></ListBucketResult>`;

test("both listing readers keep user metadata named __proto__", () => {
  const plain = readListing(PAGE, "ListBucketResult", "b").entries;
  const tree = [...pageEntries(parseXml(PAGE, "ListBucketResult"), "b")];
  for (const entries of [plain, tree]) {
    equal(entries.length, 2);
    keeps(entries[0].metadata, "kept");
    equal(entries[0].metadata?.color, "red");
    keeps(entries[1].metadata, "again");
  }
});

test("minio-js metaData: an own __proto__ key is user metadata, with or without its prefix", () => {
  for (const given of ['{"__proto__":"kept"}', '{"X-Amz-Meta-__proto__":"kept"}']) {
    keeps(metaDataOptions(JSON.parse(given)).metadata, "kept");
  }
});

test("a trace keeps a header named __proto__", () => {
  const entry = traceEntry("http://127.0.0.1:9000/b/o", {
    method: "PUT",
    headers: [["x-amz-meta-color", "red"], ["__proto__", "kept"]],
  });
  keeps(entry.requestHeaders, "kept");
});
