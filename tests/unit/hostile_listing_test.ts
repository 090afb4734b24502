// Listings against hostile answers: names that are not valid percent-encoding,
// and servers that repeat a page marker. Each must end with an
// InvalidResponseError. The fake server gives up repeating after MAX_PAGES
// answers, so a client without a guard fails the test instead of hanging it.
import { equal, ok, rejects, test } from "../harness.ts";
import { InvalidResponseError, type Minio } from "../../mod.ts";
import { fakeClientWith, type Sent } from "./fake_fetch.ts";

const MAX_PAGES = 20;

/** A client whose server answers `page(n)` to its n-th request (from 0). */
function pagedClient(page: (n: number, s: Sent) => string) {
  let n = 0;
  return fakeClientWith((s) => new Response(page(n++, s), { status: 200 }));
}

function invalidResponse(pattern: RegExp) {
  return (e: unknown) => {
    ok(e instanceof InvalidResponseError, `expected InvalidResponseError, got ${e}`);
    ok(pattern.test(e.message), `unexpected message: ${e.message}`);
    return true;
  };
}

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const v2Page = (body: string, truncated: boolean, token?: string) =>
  `<ListBucketResult><Name>b-1</Name><EncodingType>url</EncodingType>
<IsTruncated>${truncated}</IsTruncated>${
    token ? `<NextContinuationToken>${token}</NextContinuationToken>` : ""
  }${body}</ListBucketResult>`;

test("listObjects: a key that is not valid percent-encoding is an InvalidResponseError", async () => {
  for (const key of ["100%", "%E0%A4%A", "%FF", "a%2"]) {
    const { client } = pagedClient(() => v2Page(`<Contents><Key>${key}</Key></Contents>`, false));
    await rejects(drain(client.listObjects("b-1")), invalidResponse(/percent-encoding/));
  }
  const { client } = pagedClient(() =>
    v2Page(`<CommonPrefixes><Prefix>%ZZ/</Prefix></CommonPrefixes>`, false)
  );
  await rejects(drain(client.listObjects("b-1")), invalidResponse(/percent-encoding/));
});

test("listIncompleteUploads: a key that is not valid percent-encoding is an InvalidResponseError", async () => {
  const { client } = pagedClient(() =>
    `<ListMultipartUploadsResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>
<Upload><Key>%C3%28%</Key><UploadId>u1</UploadId></Upload></ListMultipartUploadsResult>`
  );
  await rejects(drain(client.listIncompleteUploads("b-1")), invalidResponse(/percent-encoding/));
});

/** Serves `repeat(n)` until MAX_PAGES requests, then a last page that ends the listing. */
async function expectRepeatRefused(
  list: (c: Minio) => Promise<unknown>,
  repeat: (n: number) => string,
  last: string,
): Promise<Sent[]> {
  const { client, sent } = pagedClient((n) => n < MAX_PAGES ? repeat(n) : last);
  await rejects(list(client), invalidResponse(/already given/));
  ok(sent.length < MAX_PAGES, `the listing went on for ${sent.length} pages`);
  return sent;
}

test("listObjects V2: a repeated continuation token ends the listing with an error", async () => {
  const sent = await expectRepeatRefused(
    (c) => drain(c.listObjects("b-1", { recursive: true })),
    (n) => v2Page(`<Contents><Key>k${n}</Key></Contents>`, true, "tok-1"),
    v2Page("", false),
  );
  equal(sent.length, 2);
  equal(sent[1].url.searchParams.get("continuation-token"), "tok-1");
});

test("listObjects V2: a cycle of two tokens ends the listing with an error", async () => {
  const sent = await expectRepeatRefused(
    (c) => drain(c.listObjects("b-1", { recursive: true })),
    (n) => v2Page("", true, n % 2 ? "tok-b" : "tok-a"),
    v2Page("", false),
  );
  equal(sent.length, 3);
});

test("listObjects V2: a truncated page without a token is an error, not a short listing", async () => {
  const { client, sent } = pagedClient(() => v2Page(`<Contents><Key>k</Key></Contents>`, true));
  await rejects(drain(client.listObjects("b-1")), invalidResponse(/names no marker/));
  equal(sent.length, 1);
});

test("listObjects V1: a repeated marker ends the listing with an error", async () => {
  const page = (next: string) =>
    `<ListBucketResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
<NextMarker>${next}</NextMarker><Contents><Key>x</Key></Contents></ListBucketResult>`;
  const sent = await expectRepeatRefused(
    (c) => drain(c.listObjects("b-1", { useApiV1: true, startAfter: "m" })),
    (n) => page(n % 2 ? "m" : "n"),
    `<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>`,
  );
  equal(sent[0].url.searchParams.get("marker"), "m");
  equal(sent[1].url.searchParams.get("marker"), "n");
  equal(sent.length, 2);
});

test("listObjects includeVersion: repeated key and version-id markers end the listing with an error", async () => {
  const page = (n: number) =>
    `<ListVersionsResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
<NextKeyMarker>k</NextKeyMarker><NextVersionIdMarker>${n < 2 ? `v${n}` : "v1"}</NextVersionIdMarker>
<Version><Key>k</Key><VersionId>v${n}</VersionId></Version></ListVersionsResult>`;
  const sent = await expectRepeatRefused(
    (c) => drain(c.listObjects("b-1", { includeVersion: true, recursive: true })),
    page,
    `<ListVersionsResult><IsTruncated>false</IsTruncated></ListVersionsResult>`,
  );
  equal(sent.length, 3);
  equal(sent[1].url.searchParams.get("version-id-marker"), "v0");
  equal(sent[2].url.searchParams.get("version-id-marker"), "v1");
});

test("listIncompleteUploads: repeated key and upload-id markers end the listing with an error", async () => {
  const sent = await expectRepeatRefused(
    (c) => drain(c.listIncompleteUploads("b-1", { recursive: true })),
    () =>
      `<ListMultipartUploadsResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
<NextKeyMarker>a%2Fb</NextKeyMarker><NextUploadIdMarker>u1</NextUploadIdMarker>
<Upload><Key>a%2Fb</Key><UploadId>u1</UploadId></Upload></ListMultipartUploadsResult>`,
    `<ListMultipartUploadsResult><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>`,
  );
  equal(sent.length, 2);
  equal(sent[1].url.searchParams.get("key-marker"), "a/b");
  equal(sent[1].url.searchParams.get("upload-id-marker"), "u1");
});

test("listUploadedParts: a repeated part-number marker ends the listing with an error", async () => {
  const sent = await expectRepeatRefused(
    (c) => c.listUploadedParts("b-1", "o", "upload-1"),
    () =>
      `<ListPartsResult><IsTruncated>true</IsTruncated><NextPartNumberMarker>1</NextPartNumberMarker>
<Part><PartNumber>1</PartNumber><ETag>"e"</ETag><Size>5</Size></Part></ListPartsResult>`,
    `<ListPartsResult><IsTruncated>false</IsTruncated></ListPartsResult>`,
  );
  equal(sent.length, 2);
  equal(sent[1].url.searchParams.get("part-number-marker"), "1");
});

test("listBuckets: a repeated continuation token ends the listing with an error", async () => {
  const sent = await expectRepeatRefused(
    (c) => c.listBuckets(),
    (n) =>
      `<ListAllMyBucketsResult><Buckets><Bucket><Name>b${n}</Name></Bucket></Buckets>
<ContinuationToken>t</ContinuationToken></ListAllMyBucketsResult>`,
    `<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>`,
  );
  equal(sent.length, 2);
  equal(sent[1].url.searchParams.get("continuation-token"), "t");
});
