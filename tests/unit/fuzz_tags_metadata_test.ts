// Properties of tag and metadata encoding: any record of strings is refused
// with an InvalidArgumentError or encoded so that it reads back the same
// (the x-amz-tagging query string, the <Tagging> document, metadata
// headers), and an upload with them either is refused before fetch or sends
// them.
import fc from "fast-check";
import { deepEqual, equal, ok, test } from "../harness.ts";
import { InvalidArgumentError, Tags } from "../../mod.ts";
import { tagQueryString } from "../../src/config/tag_rules.ts";
import { metadataHeaders } from "../../src/s3/upload/metadata_headers.ts";
import { statFromHeaders } from "../../src/s3/common/object_headers.ts";
import { clientWithFetch, runs, typedOnly } from "./fuzz_support.ts";

// Any UTF-16, weighted towards what tags and headers trip on.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."ab09 -_.:/=+@&%<>\"'\r\n\t\u0000é😀") }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
  fc.string({ minLength: 120, maxLength: 300 }),
);
const record = fc.dictionary(text, text, { maxKeys: 12, noNullPrototype: true });

test("fuzz object tags: refused, or the x-amz-tagging string reads back as the tags", () => {
  fc.assert(
    fc.property(record, (tags) => {
      const query = typedOnly(() => tagQueryString(tags), [InvalidArgumentError]);
      if (query === undefined) return;
      deepEqual(Object.fromEntries(new URLSearchParams(query)), tags);
    }),
    runs(1701),
  );
});

test("fuzz Tags: refused, or the <Tagging> document and the query string read back", () => {
  fc.assert(
    fc.property(record, fc.boolean(), (record, forObject) => {
      const tags = typedOnly(() => Tags.from(record, forObject), [InvalidArgumentError]);
      if (tags === undefined) return;
      deepEqual([...Tags.fromXml(tags.toXml(), forObject)], [...tags]);
      deepEqual([...new URLSearchParams(tags.toQueryString())], [...tags]);
    }),
    runs(1702),
  );
});

test("fuzz metadata: refused, or headers that Headers takes and a stat reads back", () => {
  fc.assert(
    fc.property(record, (metadata) => {
      const headers = typedOnly(() => metadataHeaders(metadata), [InvalidArgumentError]);
      if (headers === undefined) return;
      const sent = new Headers(headers);
      const stat = statFromHeaders("b", "k", sent);
      for (const [key, value] of Object.entries(metadata)) {
        const lower = key.toLowerCase();
        const name: string | undefined = Object.keys(headers).find((h) =>
          h === lower || h === `x-amz-meta-${lower}`
        );
        ok(name, `no header for ${JSON.stringify(key)}`);
        // Header values lose surrounding whitespace on the wire.
        equal(sent.get(name), value.trim());
        if (name.startsWith("x-amz-meta-")) equal(stat.metadata[lower], value.trim());
      }
    }),
    runs(1703),
  );
});

test("fuzz putObject with tags and metadata: refused before fetch, or sent", async () => {
  const calls = { n: 0 };
  const fetch = () => {
    calls.n++;
    return Promise.resolve(new Response(null, { status: 200, headers: { etag: '"e"' } }));
  };
  const client = clientWithFetch(fetch);
  await fc.assert(
    fc.asyncProperty(record, record, async (tags, metadata) => {
      calls.n = 0;
      try {
        await client.putObject("b-1", "k", "body", undefined, { tags, metadata });
      } catch (e) {
        ok(e instanceof InvalidArgumentError, `untyped error: ${e}`);
        equal(calls.n, 0, "a refused upload reached fetch");
        return;
      }
      equal(calls.n, 1);
    }),
    runs(1704),
  );
});
