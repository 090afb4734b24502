// What listObjects sends with useApiV1 and includeVersion, and how it pages.
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const v1Page = (body: string, truncated: boolean, next?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b-1</Name><Prefix></Prefix>
<Marker></Marker><MaxKeys>2</MaxKeys><EncodingType>url</EncodingType>
<IsTruncated>${truncated}</IsTruncated>${next ? `<NextMarker>${next}</NextMarker>` : ""}
${body}</ListBucketResult>`;

test("listObjects useApiV1: no list-type, marker paging from NextMarker, else the last name", async () => {
  const { client, sent } = fakeClient([
    {
      body: v1Page(
        `<Contents><Key>a%20b</Key><Size>3</Size><ETag>&quot;e1&quot;</ETag><Owner><ID>o</ID></Owner></Contents>
<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>`,
        true,
        "dir%2F",
      ),
    },
    { body: v1Page(`<Contents><Key>e%2Bf</Key><Size>1</Size></Contents>`, true) },
    { body: v1Page(`<Contents><Key>z</Key><Size>1</Size></Contents>`, false) },
  ]);
  const items = [];
  for await (
    const o of client.listObjects("b-1", { useApiV1: true, startAfter: "a", maxKeys: 2 })
  ) items.push(o);
  deepEqual(queryOf(sent[0]), [
    ["delimiter", "/"],
    ["encoding-type", "url"],
    ["marker", "a"],
    ["max-keys", "2"],
    ["prefix", ""],
  ]);
  equal(sent[1].url.searchParams.get("marker"), "dir/");
  equal(sent[2].url.searchParams.get("marker"), "e+f");
  equal(sent.length, 3);
  deepEqual(items.map((i) => [i.name, i.isDir, i.size]), [
    ["a b", false, 3],
    ["dir/", true, 0],
    ["e+f", false, 1],
    ["z", false, 1],
  ]);
  equal(items[0].etag, "e1");
  deepEqual(items[0].owner, { id: "o", displayName: undefined });
  equal(items[0].versionId, undefined);
  equal(items[0].isLatest, undefined);
});

test("listObjects useApiV1: a truncated page naming no marker is an InvalidResponseError", async () => {
  const { client, sent } = fakeClient([{ body: v1Page("", true) }]);
  const items = [];
  await rejects(
    (async () => {
      for await (const o of client.listObjects("b-1", { useApiV1: true, recursive: true })) {
        items.push(o);
      }
    })(),
    InvalidResponseError,
  );
  equal(items.length, 0);
  equal(sent.length, 1);
  equal(sent[0].url.searchParams.has("delimiter"), false);
});

const versionsPage = (body: string, next?: [string, string]) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b-1</Name><Prefix></Prefix>
<KeyMarker></KeyMarker>${
    next
      ? `<NextKeyMarker>${next[0]}</NextKeyMarker><NextVersionIdMarker>${
        next[1]
      }</NextVersionIdMarker>`
      : ""
  }<MaxKeys>2</MaxKeys><IsTruncated>${next ? "true" : "false"}</IsTruncated>${body}
<EncodingType>url</EncodingType></ListVersionsResult>`;

test("listObjects includeVersion: ListObjectVersions query, both markers, entries in order", async () => {
  const { client, sent } = fakeClient([
    {
      body: versionsPage(
        `<DeleteMarker><Key>a%2Fb.txt</Key><LastModified>2026-11-26T20:50:11.467Z</LastModified><ETag></ETag><Size>0</Size><IsLatest>true</IsLatest><VersionId>dm-1</VersionId></DeleteMarker>
<Version><Key>a%2Fb.txt</Key><LastModified>2026-11-26T20:50:11.463Z</LastModified><ETag>&#34;e2&#34;</ETag><Size>6</Size><StorageClass>STANDARD</StorageClass><IsLatest>false</IsLatest><VersionId>v-2</VersionId></Version>`,
        ["a%2Fb.txt%5Bminio_cache%3Av2%2Creturn%3A%5D", "v-2"],
      ),
    },
    {
      body: versionsPage(
        `<Version><Key>c</Key><Size>1</Size><IsLatest>true</IsLatest><VersionId>null</VersionId></Version>
<CommonPrefixes><Prefix>d%2F</Prefix></CommonPrefixes>`,
      ),
    },
  ]);
  const items = [];
  for await (
    const o of client.listObjects("b-1", {
      includeVersion: true,
      useApiV1: true, // includeVersion wins, as in minio-py
      includeUserMetadata: true,
      startAfter: "a",
      maxKeys: 2,
    })
  ) items.push(o);
  deepEqual(queryOf(sent[0]), [
    ["delimiter", "/"],
    ["encoding-type", "url"],
    ["key-marker", "a"],
    ["max-keys", "2"],
    ["metadata", "true"],
    ["prefix", ""],
    ["versions", ""],
  ]);
  // MinIO's listing-cache suffix on the key marker goes back unchanged.
  equal(sent[1].url.searchParams.get("key-marker"), "a/b.txt[minio_cache:v2,return:]");
  equal(sent[1].url.searchParams.get("version-id-marker"), "v-2");
  deepEqual(
    items.map((i) => [i.name, i.versionId, i.isLatest, i.isDeleteMarker, i.isDir, i.size]),
    [
      ["a/b.txt", "dm-1", true, true, false, 0],
      ["a/b.txt", "v-2", false, false, false, 6],
      ["c", "null", true, false, false, 1],
      ["d/", undefined, undefined, undefined, true, 0],
    ],
  );
  equal(items[0].etag, undefined);
  equal(items[1].etag, "e2");
  deepEqual(items[1].lastModified, new Date("2026-11-26T20:50:11.463Z"));
});

test("listObjects: bad options of V1 and versions are refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.listObjects("b-1", { useApiV1: true, maxKeys: 1001 }).next(),
    InvalidArgumentError,
  );
  // A wrong type is refused at the call, a value out of range on the first iteration.
  throws(
    () => client.listObjects("b-1", { includeVersion: true, startAfter: 3 as unknown as string }),
    /startAfter must be a string; got the number 3/,
  );
  equal(sent.length, 0);
});
