// Tags (bucket and object), asTags, and the tagging requests.
import { createHash } from "node:crypto";
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import { asTags, InvalidArgumentError, Tags } from "../../mod.ts";
import { tagQueryString } from "../../src/config/tag_rules.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");

// What MinIO answered in the integration tests.
const MINIO_BUCKET_TAGS =
  `<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b c</Key><Value>d+e</Value></Tag></TagSet></Tagging>`;
const MINIO_NO_OBJECT_TAGS = `<?xml version="1.0" encoding="UTF-8"?>
<Tagging><TagSet></TagSet></Tagging>`;
const NO_TAG_SET = {
  status: 404,
  body:
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchTagSet</Code><Message>The TagSet does not exist</Message></Error>`,
};

test("Tags: round trip with characters XML escapes; MinIO's answers parse", () => {
  const tags = Tags.newBucketTags().set("a<b", "c\"d'e").set("empty", "");
  const back = Tags.fromXml(tags.toXml());
  deepEqual([...back], [...tags]);
  equal(back.forObject, false);
  deepEqual(Object.fromEntries(Tags.fromXml(MINIO_BUCKET_TAGS)), { a: "1", "b c": "d+e" });
  equal(Tags.fromXml(MINIO_NO_OBJECT_TAGS, true).size, 0);
});

test("Tags / asTags: limits of keys, values and counts", () => {
  throws(() => Tags.newObjectTags().set("", "v"), InvalidArgumentError);
  throws(() => Tags.newObjectTags().set("k".repeat(129), "v"), /invalid tag key/);
  throws(() => Tags.newObjectTags().set("k", "v".repeat(257)), /invalid tag value/);
  throws(() => Tags.newObjectTags().set("a&b", "v"), /invalid tag key/);
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]));
  throws(() => Tags.from(eleven, true), /only 10 object tags/);
  equal(asTags(eleven, false).size, 11);
  throws(() => asTags(asTags(eleven, false), true), /only 10 object tags/);
  const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
  throws(() => asTags(fiftyOne, false), /only 50 bucket tags/);
  const t = Tags.newObjectTags().set("x", "y");
  equal(asTags(t, true), t);
});

test("tags with a lone surrogate are an InvalidArgumentError before the network, not a URIError", async () => {
  // Found by fuzz_tags_metadata_test (seeds 1701, 1702, 1704): encodeURIComponent
  // threw a URIError on the x-amz-tagging header, and toXml sent U+FFFD instead.
  throws(() => Tags.newObjectTags().set("a", "\ud800"), /tag value "\\ud800" holds a lone/);
  throws(() => Tags.newBucketTags().set("\udc00", "v"), /tag key "\\udc00" holds a lone/);
  throws(() => tagQueryString({ a: "\ud800" }), InvalidArgumentError);
  equal(tagQueryString({ "😀": "é" }), "%F0%9F%98%80=%C3%A9");
  const { client, sent } = fakeClient();
  await rejects(
    client.putObject("my-bucket", "k", "body", undefined, { tags: { a: "x\ud800" } }),
    InvalidArgumentError,
  );
  await rejects(client.setObjectTags("my-bucket", "k", { "\ud800": "v" }), InvalidArgumentError);
  equal(sent.length, 0);
});

test("setBucketTags: PUT ?tagging with the document and its Content-MD5; a record works too", async () => {
  const { client, sent } = fakeClient([{}, {}]);
  const tags = Tags.newBucketTags().set("project", "edge");
  await client.setBucketTags("my-bucket", tags);
  await client.setBucketTags("my-bucket", { project: "edge" });
  for (const s of sent) {
    equal(s.method, "PUT");
    equal(s.url.pathname, "/my-bucket");
    deepEqual(queryOf(s), [["tagging", ""]]);
    equal(dec.decode(s.body), tags.toXml());
    equal(s.headers.get("content-md5"), md5(s.body));
  }
  await rejects(client.setBucketTags("my-bucket", { "": "x" }), InvalidArgumentError);
  equal(sent.length, 2);
});

test("getBucketTags / deleteBucketTags: GET parses, NoSuchTagSet is null; DELETE ?tagging", async () => {
  const { client, sent } = fakeClient([{ body: MINIO_BUCKET_TAGS }, NO_TAG_SET, { status: 204 }]);
  equal((await client.getBucketTags("my-bucket"))?.get("b c"), "d+e");
  equal(await client.getBucketTags("my-bucket"), null);
  await client.deleteBucketTags("my-bucket");
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["tagging", ""]]);
  equal(sent[2].method, "DELETE");
  equal(sent[2].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[2]), [["tagging", ""]]);
});

test("object tags: PUT/GET/DELETE /bucket/key?tagging with versionId", async () => {
  const { client, sent } = fakeClient([{}, { body: MINIO_NO_OBJECT_TAGS }, NO_TAG_SET, {
    status: 204,
  }]);
  await client.setObjectTags("my-bucket", "dir/a b", { team: "x" }, { versionId: "v1" });
  const none = await client.getObjectTags("my-bucket", "dir/a b", { versionId: "v1" });
  equal(none?.size, 0);
  equal(none?.forObject, true);
  equal(await client.getObjectTags("my-bucket", "dir/a b"), null);
  await client.deleteObjectTags("my-bucket", "dir/a b", { versionId: "v1" });
  const [put, get, getLatest, del] = sent;
  equal(put.method, "PUT");
  equal(put.url.pathname, "/my-bucket/dir/a%20b");
  deepEqual(queryOf(put), [["tagging", ""], ["versionId", "v1"]]);
  equal(dec.decode(put.body), Tags.from({ team: "x" }).toXml());
  equal(put.headers.get("content-md5"), md5(put.body));
  equal(get.method, "GET");
  deepEqual(queryOf(get), [["tagging", ""], ["versionId", "v1"]]);
  deepEqual(queryOf(getLatest), [["tagging", ""]]);
  equal(del.method, "DELETE");
  deepEqual(queryOf(del), [["tagging", ""], ["versionId", "v1"]]);
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]));
  await rejects(client.setObjectTags("my-bucket", "k", eleven), /only 10 object tags/);
  await rejects(
    client.setObjectTags("my-bucket", "k", asTags(eleven, false)),
    /only 10 object tags/,
  );
  equal(sent.length, 4);
});
