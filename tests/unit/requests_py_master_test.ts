// What the calls minio-py master added send and how their answers read:
// headBucket, bucket CORS, getObjectAcl, listBuckets' prefix / maxBuckets /
// bucketRegion, makeBucket's tags, fetchChecksum.
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import { CORSConfig, CORSRule, InvalidArgumentError, S3Error, Tags } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import { md5Base64 } from "../../src/crypto/md5.ts";

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

function bucketsXml(names: string[], token?: string): string {
  const list = names.map((n) =>
    `<Bucket><Name>${n}</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate>` +
    `<BucketRegion>eu-west-1</BucketRegion></Bucket>`
  ).join("");
  return `<ListAllMyBucketsResult ${NS}><Buckets>${list}</Buckets>` +
    (token ? `<ContinuationToken>${token}</ContinuationToken>` : "") +
    `</ListAllMyBucketsResult>`;
}

test("headBucket: HEAD /bucket; region and S3's bucket headers read, 404 is null", async () => {
  const { client, sent } = fakeClient([
    {
      headers: {
        "x-amz-bucket-region": "eu-west-1",
        "x-amz-bucket-arn": "arn:aws:s3:::photos",
        "x-amz-bucket-location-type": "AvailabilityZone",
        "x-amz-bucket-location-name": "use1-az4",
        "x-amz-access-point-alias": "false",
      },
    },
    { status: 200 },
    { status: 404 },
  ]);
  const head = await client.headBucket("photos");
  equal(sent[0].method, "HEAD");
  equal(sent[0].url.pathname, "/photos");
  deepEqual(queryOf(sent[0]), []);
  equal(sent[0].body.length, 0);
  ok(head);
  deepEqual(
    [head.bucket, head.region, head.bucketArn, head.locationType, head.locationName],
    ["photos", "eu-west-1", "arn:aws:s3:::photos", "AvailabilityZone", "use1-az4"],
  );
  equal(head.accessPointAlias, false);
  // No x-amz-bucket-region (MinIO): the region signed for, the client's.
  const plain = await client.headBucket("photos");
  deepEqual([plain?.region, plain?.bucketArn, plain?.accessPointAlias], [
    "us-east-1",
    undefined,
    undefined,
  ]);
  equal(await client.headBucket("photos"), null);
  equal(sent.length, 3);
});

test("headBucket: a failure other than NoSuchBucket is thrown", async () => {
  const { client } = fakeClient([{ status: 403 }]);
  await rejects(
    client.headBucket("photos"),
    (e: unknown) => e instanceof S3Error && e.status === 403,
  );
});

test("setBucketCors: PUT ?cors with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient([{ status: 200 }]);
  const config = new CORSConfig([
    new CORSRule({
      allowedMethods: ["PUT", "POST"],
      allowedOrigins: ["https://app.example.com"],
      allowedHeaders: ["*"],
      exposeHeaders: ["ETag"],
      id: "uploads",
      maxAgeSeconds: 3000,
    }),
  ]);
  await client.setBucketCors("photos", config);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/photos");
  deepEqual(queryOf(s), [["cors", ""]]);
  equal(
    text(s.body),
    `<CORSConfiguration ${NS}><CORSRule><AllowedHeader>*</AllowedHeader>` +
      "<AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod>" +
      "<AllowedOrigin>https://app.example.com</AllowedOrigin><ExposeHeader>ETag</ExposeHeader>" +
      "<ID>uploads</ID><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>",
  );
  equal(s.headers.get("content-md5"), md5Base64(s.body));
});

test("setBucketCors: anything but a CORSConfig is refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.setBucketCors("photos", { rules: [] } as never),
    InvalidArgumentError,
  );
  equal(sent.length, 0);
});

test("getBucketCors: GET ?cors read into a CORSConfig; NoSuchCORSConfiguration is null", async () => {
  const doc = `<CORSConfiguration ${NS}><CORSRule><AllowedMethod>GET</AllowedMethod>` +
    "<AllowedOrigin>*</AllowedOrigin><ExposeHeader>ETag</ExposeHeader>" +
    "<MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>";
  const none = "<Error><Code>NoSuchCORSConfiguration</Code><Message>none</Message></Error>";
  const { client, sent } = fakeClient([{ body: doc }, { status: 404, body: none }]);
  const config = await client.getBucketCors("photos");
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["cors", ""]]);
  ok(config instanceof CORSConfig);
  deepEqual(
    config.rules.map((r) => [r.allowedMethods, r.allowedOrigins, r.exposeHeaders, r.maxAgeSeconds]),
    [
      [["GET"], ["*"], ["ETag"], 60],
    ],
  );
  equal(await client.getBucketCors("photos"), null);
});

test("deleteBucketCors: DELETE ?cors", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.deleteBucketCors("photos");
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/photos");
  deepEqual(queryOf(sent[0]), [["cors", ""]]);
});

test("getObjectAcl: GET object ?acl (and versionId); owner and grants read", async () => {
  const doc =
    `<AccessControlPolicy><Owner><ID>owner-id</ID><DisplayName>ann</DisplayName></Owner>` +
    `<AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:type="CanonicalUser"><ID>owner-id</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>` +
    `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">` +
    `<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission>` +
    `</Grant></AccessControlList></AccessControlPolicy>`;
  const { client, sent } = fakeClient([{ body: doc }]);
  const acl = await client.getObjectAcl("photos", "a/cat.png", { versionId: "v1" });
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/photos/a/cat.png");
  deepEqual(queryOf(sent[0]), [["acl", ""], ["versionId", "v1"]]);
  deepEqual(acl, {
    owner: { id: "owner-id", displayName: "ann" },
    grants: [
      {
        grantee: {
          type: "CanonicalUser",
          id: "owner-id",
          displayName: undefined,
          uri: undefined,
          emailAddress: undefined,
        },
        permission: "FULL_CONTROL",
      },
      {
        grantee: {
          type: "Group",
          id: undefined,
          displayName: undefined,
          uri: "http://acs.amazonaws.com/groups/global/AllUsers",
          emailAddress: undefined,
        },
        permission: "READ",
      },
    ],
  });
});

test("listBuckets: prefix, max-buckets and bucket-region sent; pages followed up to maxBuckets", async () => {
  const { client, sent } = fakeClient([
    { body: bucketsXml(["logs-a", "logs-b"], "t1") },
    { body: bucketsXml(["logs-c", "logs-d"], "t2") },
  ]);
  const buckets = await client.listBuckets({
    prefix: "logs-",
    maxBuckets: 3,
    bucketRegion: "eu-west-1",
  });
  deepEqual(buckets.map((b) => [b.name, b.region]), [
    ["logs-a", "eu-west-1"],
    ["logs-b", "eu-west-1"],
    ["logs-c", "eu-west-1"],
  ]);
  equal(sent.length, 2);
  deepEqual(queryOf(sent[0]), [["bucket-region", "eu-west-1"], ["max-buckets", "3"], [
    "prefix",
    "logs-",
  ]]);
  deepEqual(queryOf(sent[1]), [
    ["bucket-region", "eu-west-1"],
    ["continuation-token", "t1"],
    ["max-buckets", "1"],
    ["prefix", "logs-"],
  ]);
});

test("listBuckets: a server that ignores prefix and max-buckets does not widen the answer", async () => {
  const { client } = fakeClient([{ body: bucketsXml(["alpha", "logs-a", "logs-b", "zeta"]) }]);
  deepEqual((await client.listBuckets({ prefix: "logs-", maxBuckets: 1 })).map((b) => b.name), [
    "logs-a",
  ]);
});

test("listBuckets: a maxBuckets of 0, a fraction or a string is refused before the network", async () => {
  const { client, sent } = fakeClient();
  for (const maxBuckets of [0, 1.5, "5"]) {
    await rejects(client.listBuckets({ maxBuckets } as never), InvalidArgumentError);
  }
  equal(sent.length, 0);
});

test("makeBucket: tags go in CreateBucketConfiguration, then PutBucketTagging", async () => {
  const { client, sent } = fakeClient([{ status: 200 }, { status: 200 }]);
  await client.makeBucket("my-bucket", { tags: { project: "edge", "cost center": "42" } });
  equal(sent.length, 2);
  equal(sent[0].method, "PUT");
  deepEqual(queryOf(sent[0]), []);
  // us-east-1: no LocationConstraint (Amazon S3 refuses one naming it).
  equal(
    text(sent[0].body),
    `<CreateBucketConfiguration ${NS}><Tags><Tag><Key>project</Key><Value>edge</Value></Tag>` +
      "<Tag><Key>cost center</Key><Value>42</Value></Tag></Tags></CreateBucketConfiguration>",
  );
  equal(sent[1].method, "PUT");
  deepEqual(queryOf(sent[1]), [["tagging", ""]]);
  match(text(sent[1].body), /<TagSet><Tag><Key>project<\/Key><Value>edge<\/Value><\/Tag>/);
});

test("makeBucket: tags beside a location; more than 50 tags refused before the network", async () => {
  const { client, sent } = fakeClient([{ status: 200 }, { status: 200 }], { region: undefined });
  await client.makeBucket("my-bucket", {
    location: "eu-west-1",
    tags: Tags.from({ a: "1" }, false),
  });
  equal(
    text(sent[0].body),
    `<CreateBucketConfiguration ${NS}><LocationConstraint>eu-west-1</LocationConstraint>` +
      "<Tags><Tag><Key>a</Key><Value>1</Value></Tag></Tags></CreateBucketConfiguration>",
  );
  const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
  await rejects(client.makeBucket("other-bucket", { tags: many }), InvalidArgumentError);
  equal(sent.length, 2);
});

test("fetchChecksum: x-amz-checksum-mode on GET and HEAD; stored checksums read", async () => {
  const headers = {
    "content-length": "5",
    "x-amz-checksum-crc64nvme": "pIylSNzkoQk=",
    "x-amz-checksum-type": "FULL_OBJECT",
  };
  const { client, sent } = fakeClient([{ body: "hello", headers }, { headers }, { body: "hello" }]);
  const res = await client.getObject("photos", "a.txt", { fetchChecksum: true });
  equal(await res.text(), "hello");
  const stat = await client.statObject("photos", "a.txt", { fetchChecksum: true });
  for (const st of [res.stat, stat]) {
    deepEqual(st.checksums, { CRC64NVME: "pIylSNzkoQk=" });
    equal(st.checksumType, "FULL_OBJECT");
  }
  equal(sent[0].headers.get("x-amz-checksum-mode"), "ENABLED");
  equal(sent[1].method, "HEAD");
  equal(sent[1].headers.get("x-amz-checksum-mode"), "ENABLED");
  const plain = await client.getObject("photos", "a.txt");
  await plain.text();
  equal(sent[2].headers.get("x-amz-checksum-mode"), null);
  deepEqual(plain.stat.checksums, {});
});

test("fetchChecksum: a value that is not a boolean is refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.statObject("photos", "a.txt", { fetchChecksum: "yes" } as never),
    InvalidArgumentError,
  );
  equal(sent.length, 0);
});

test("putObject: a CRC64NVME checksum is sent as x-amz-checksum-crc64nvme", async () => {
  const { client, sent } = fakeClient([{ headers: { etag: '"e"' } }]);
  await client.putObject("photos", "a.txt", "123456789", undefined, { checksum: "CRC64NVME" });
  // CRC-64/NVME of "123456789" is 0xae8b14860a799888.
  equal(sent[0].headers.get("x-amz-checksum-crc64nvme"), "rosUhgp5mIg=");
});
