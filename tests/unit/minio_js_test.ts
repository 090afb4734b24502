// What the ./minio-js Client sends for minio-js's call shapes: the
// positional expiry, region, prefix / recursive and metaData that the main
// client takes as options, and its refusals before the network.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  AssumeRoleProvider,
  CopyConditions,
  CopyDestinationOptions,
  CopySourceOptions,
} from "../../minio-js.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { fakeJsClient } from "./fake_js_client.ts";

const LIST = `<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated>
<Contents><Key>logs/a.txt</Key><Size>3</Size><ETag>"e1"</ETag><LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents>
<CommonPrefixes><Prefix>logs/sub/</Prefix></CommonPrefixes></ListBucketResult>`;

test("minio-js presignedGetObject / presignedPutObject / presignedUrl: the third argument is the expiry", async () => {
  const { client, sent } = fakeJsClient();
  const get = new URL(await client.presignedGetObject("photos", "a.png", 3600));
  equal(get.searchParams.get("X-Amz-Expires"), "3600");
  const put = new URL(await client.presignedPutObject("photos", "a.png", 60));
  equal(put.searchParams.get("X-Amz-Expires"), "60");
  const url = new URL(
    await client.presignedUrl("GET", "photos", "a.png", 120, {
      "response-content-type": "text/plain",
      versionId: "v1",
    }, new Date("2026-01-02T03:04:05Z")),
  );
  deepEqual(
    [url.searchParams.get("X-Amz-Expires"), url.searchParams.get("X-Amz-Date")],
    ["120", "20260102T030405Z"],
  );
  deepEqual(
    [url.searchParams.get("response-content-type"), url.searchParams.get("versionId")],
    ["text/plain", "v1"],
  );
  equal(
    new URL(await client.presignedGetObject("photos", "a.png")).searchParams.get("X-Amz-Expires"),
    "604800",
  );
  await rejects(client.presignedGetObject("photos", "a.png", 8 * 24 * 3600), InvalidArgumentError);
  equal(sent.length, 0);
});

test("minio-js putObject: metaData's Content-Type, user metadata and headers are sent", async () => {
  const { client, sent } = fakeJsClient([{ headers: { etag: '"abc"' } }]);
  const r = await client.putObject("photos", "a.txt", "hello", 5, {
    "Content-Type": "text/plain",
    "X-Amz-Meta-Owner": "ann",
    project: "edge",
    "Cache-Control": "max-age=60",
  });
  deepEqual(r, { etag: "abc", versionId: null });
  const h = sent[0].headers;
  deepEqual(
    [
      h.get("content-type"),
      h.get("x-amz-meta-owner"),
      h.get("x-amz-meta-project"),
      h.get("cache-control"),
    ],
    ["text/plain", "ann", "edge", "max-age=60"],
  );
  equal(new TextDecoder().decode(sent[0].body), "hello");
});

test("minio-js makeBucket(bucket, region, { ObjectLocking }): region and lock header", async () => {
  const { client, sent } = fakeJsClient([{}], { region: undefined });
  await client.makeBucket("photos", "eu-west-1", { ObjectLocking: true });
  match(
    new TextDecoder().decode(sent[0].body),
    /<LocationConstraint>eu-west-1<\/LocationConstraint>/,
  );
  equal(sent[0].headers.get("x-amz-bucket-object-lock-enabled"), "true");
});

test("minio-js listObjects(bucket, prefix, recursive): prefix and delimiter sent, items in minio-js's shape", async () => {
  const { client, sent } = fakeJsClient([{ body: LIST }, { body: LIST }]);
  const items: unknown[] = [];
  for await (const o of client.listObjects("bkt", "logs/", false) as AsyncIterable<unknown>) {
    items.push(o);
  }
  deepEqual(items, [
    { name: "logs/a.txt", size: 3, etag: "e1", lastModified: new Date("2026-01-02T03:04:05.000Z") },
    { prefix: "logs/sub/", size: 0 },
  ]);
  equal(sent[0].url.searchParams.get("prefix"), "logs/");
  equal(sent[0].url.searchParams.get("delimiter"), "/");
  for await (const _ of client.listObjects("bkt", "logs/", true) as AsyncIterable<unknown>) break;
  equal(sent[1].url.searchParams.get("delimiter"), null);
});

test("minio-js removeObjects: awaiting it sends the batch delete", async () => {
  const { client, sent } = fakeJsClient([{ body: "<DeleteResult></DeleteResult>" }]);
  deepEqual(await client.removeObjects("bkt", ["a.txt", { name: "b.txt", versionId: "v2" }]), []);
  equal(sent.length, 1);
  equal(sent[0].method, "POST");
  equal(sent[0].url.search, "?delete=");
  match(
    new TextDecoder().decode(sent[0].body),
    /<Key>a\.txt<\/Key>.*<Key>b\.txt<\/Key><VersionId>v2<\/VersionId>/,
  );
});

test("minio-js getBucketTagging / statObject: results in minio-js's shapes", async () => {
  const tags = "<Tagging><TagSet><Tag><Key>team</Key><Value>edge</Value></Tag></TagSet></Tagging>";
  const { client } = fakeJsClient([
    { body: tags },
    {
      headers: {
        "content-length": "5",
        etag: '"e"',
        "last-modified": "Fri, 02 Jan 2026 03:04:05 GMT",
        "content-type": "text/plain",
        "x-amz-meta-owner": "ann",
      },
    },
  ]);
  deepEqual(await client.getBucketTagging("bkt"), [{ Key: "team", Value: "edge" }]);
  const stat = await client.statObject("bkt", "a.txt");
  deepEqual(stat.metaData, { "content-type": "text/plain", owner: "ann" });
  deepEqual([stat.size, stat.etag, stat.versionId], [5, "e", null]);
});

test("minio-js: an option this adapter does not carry is refused before the network", async () => {
  const { client, sent } = fakeJsClient();
  await rejects(
    client.getObject("b", "a", { SSECustomerKey: "k" } as never),
    /getObject: unknown option 'SSECustomerKey' in getOpts/,
  );
  await rejects(
    client.statObject("b", "a", { versionID: "v" } as never),
    /statObject: unknown option 'versionID' in statOpts; did you mean 'versionId'?/,
  );
  await rejects(
    client.makeBucket("b", "us-east-1", { objectLocking: true } as never),
    InvalidArgumentError,
  );
  await rejects(
    client.putObject("b", "a", "x", 1, "text/plain" as never),
    /putObject: metaData must be an object/,
  );
  equal(sent.length, 0);
});

test("minio-js legal hold and retention: the object's ?legal-hold and ?retention with the version", async () => {
  const { client, sent } = fakeJsClient([
    {},
    { body: "<LegalHold><Status>ON</Status></LegalHold>" },
    {},
  ]);
  await client.setObjectLegalHold("bkt", "a.txt", { status: "ON", versionId: "v1" });
  deepEqual(await client.getObjectLegalHold("bkt", "a.txt", { versionId: "v1" }), { status: "ON" });
  await client.putObjectRetention("bkt", "a.txt", {
    mode: "GOVERNANCE",
    retainUntilDate: "2030-01-02T03:04:05.000Z",
    governanceBypass: true,
    versionId: "v1",
  });
  deepEqual(sent.map((s) => [s.method, s.url.search]), [
    ["PUT", "?legal-hold=&versionId=v1"],
    ["GET", "?legal-hold=&versionId=v1"],
    ["PUT", "?retention=&versionId=v1"],
  ]);
  match(new TextDecoder().decode(sent[0].body), /<Status>ON<\/Status>/);
  match(
    new TextDecoder().decode(sent[2].body),
    /<Mode>GOVERNANCE<\/Mode><RetainUntilDate>2030-01-02T03:04:05.000Z/,
  );
  equal(sent[2].headers.get("x-amz-bypass-governance-retention"), "true");
  await rejects(
    client.setObjectLegalHold("bkt", "a.txt", { status: "on" } as never),
    /"ON" or "OFF"/,
  );
  equal(sent.length, 3);
});

test("minio-js multipart calls: initiate with headers, uploadPart, complete with [{ part, etag }]", async () => {
  const { client, sent } = fakeJsClient([
    {
      body:
        "<InitiateMultipartUploadResult><UploadId>U1</UploadId></InitiateMultipartUploadResult>",
    },
    { headers: { etag: '"p1"' } },
    { body: '<CompleteMultipartUploadResult><ETag>"e-1"</ETag></CompleteMultipartUploadResult>' },
  ]);
  equal(await client.initiateNewMultipartUpload("bkt", "a.bin", { "Content-Type": "x/y" }), "U1");
  deepEqual(
    await client.uploadPart({
      bucketName: "bkt",
      objectName: "a.bin",
      uploadID: "U1",
      partNumber: 1,
    }, "abc"),
    { etag: "p1", key: "a.bin", part: 1 },
  );
  deepEqual(await client.completeMultipartUpload("bkt", "a.bin", "U1", [{ part: 1, etag: "p1" }]), {
    etag: "e-1",
    versionId: null,
  });
  deepEqual(sent.map((s) => [s.method, s.url.search]), [
    ["POST", "?uploads="],
    ["PUT", "?partNumber=1&uploadId=U1"],
    ["POST", "?uploadId=U1"],
  ]);
  equal(sent[0].headers.get("content-type"), "x/y");
  match(
    new TextDecoder().decode(sent[2].body),
    /<Part><PartNumber>1<\/PartNumber><ETag>&quot;p1&quot;<\/ETag><\/Part>/,
  );
});

test("minio-js newPostPolicy: setters become the policy's conditions; bucket and expiry required", async () => {
  const { client, sent } = fakeJsClient();
  const policy = client.newPostPolicy();
  policy.setKey("up.txt");
  await rejects(client.presignedPostPolicy(policy), /setBucket was not called/);
  policy.setBucket("bkt");
  await rejects(client.presignedPostPolicy(policy), /setExpires was not called/);
  policy.setExpires(new Date("2030-01-01T00:00:00Z"));
  policy.setContentType("text/plain");
  policy.setUserMetaData({ owner: "ann" });
  policy.setContentLengthRange(1, 100);
  const { postURL, formData } = await client.presignedPostPolicy(policy);
  equal(postURL, "http://s3.example.test:9000/bkt");
  const doc = JSON.parse(atob(formData.policy));
  equal(doc.expiration, "2030-01-01T00:00:00.000Z");
  const conditions = JSON.stringify(doc.conditions);
  for (
    const c of [
      '["eq","$key","up.txt"]',
      '["eq","$content-type","text/plain"]',
      '["eq","$x-amz-meta-owner","ann"]',
      '["content-length-range",1,100]',
    ]
  ) {
    ok(conditions.includes(c), `${c} in ${conditions}`);
  }
  equal(sent.length, 0);
});

test("minio-js copyObject: x-amz-copy-source and its conditions, in both forms; refusals before the network", async () => {
  const ok200 = '<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>';
  // Each copy first reads the source's size (HEAD), as Minio.copyObject does.
  const head = { headers: { "content-length": "3", etag: '"abc"' } };
  const { client, sent } = fakeJsClient([head, { body: ok200 }, head, { body: ok200 }]);
  await client.copyObject(
    new CopySourceOptions({ Bucket: "src", Object: "a b.txt", VersionID: "v1", MatchETag: "abc" }),
    new CopyDestinationOptions({
      Bucket: "dst",
      Object: "c.txt",
      MetadataDirective: "REPLACE",
      UserMetadata: { k: "v" },
    }),
  );
  const conds = new CopyConditions();
  conds.setMatchETagExcept("def");
  conds.setUnmodified(new Date("2026-01-02T03:04:05Z"));
  deepEqual(await client.copyObject("dst", "d.txt", "/src/a.txt", conds), {
    etag: "e",
    versionId: null,
  });
  const [, v2, , legacy] = sent;
  deepEqual(sent.map((x) => x.method), ["HEAD", "PUT", "HEAD", "PUT"]);
  deepEqual([v2.method, v2.url.pathname], ["PUT", "/dst/c.txt"]);
  equal(v2.headers.get("x-amz-copy-source"), "/src/a%20b.txt?versionId=v1");
  equal(v2.headers.get("x-amz-copy-source-if-match"), "abc");
  deepEqual([v2.headers.get("x-amz-metadata-directive"), v2.headers.get("x-amz-meta-k")], [
    "REPLACE",
    "v",
  ]);
  equal(legacy.headers.get("x-amz-copy-source"), "/src/a.txt");
  equal(legacy.headers.get("x-amz-copy-source-if-none-match"), "def");
  equal(
    legacy.headers.get("x-amz-copy-source-if-unmodified-since"),
    "Fri, 02 Jan 2026 03:04:05 GMT",
  );
  await rejects(client.copyObject("dst", "d.txt", "no-slash"), /\/bucket\/object/);
  await rejects(
    client.copyObject(
      new CopySourceOptions({ Bucket: "src", Object: "a" }),
      { Bucket: "dst" } as never,
    ),
    /CopyDestinationOptions/,
  );
  equal(sent.length, 4);
});

test("minio-js CopySourceOptions / CopyDestinationOptions: unknown or uncarried fields are refused", () => {
  throws(
    () => new CopySourceOptions({ Bucket: "src", Object: "a", Encryption: {} } as never),
    /unsupported option 'Encryption'/,
  );
  throws(
    () => new CopyDestinationOptions({ Bucket: "dst", Object: "a", Mode: "GOVERNANCE" }),
    /go together/,
  );
  throws(
    () => new CopySourceOptions({ Bucket: "src", Object: "a", MatchRange: true, Start: 5, End: 1 }),
    /Start <= End/,
  );
});

test("minio-js Client options: credentialsProvider is the credentials; transport options are refused", async () => {
  const provider = {
    getCredentials: () => Promise.resolve({ accessKey: "AKIDPROVIDED", secretKey: "s" }),
  };
  const { client, sent } = fakeJsClient([{}], {
    accessKey: undefined,
    secretKey: undefined,
    credentialsProvider: provider,
  });
  await client.bucketExists("bkt");
  match(sent[0].headers.get("authorization")!, /Credential=AKIDPROVIDED\//);
  for (
    const bad of [{ transport: {} }, { transportAgent: {} }, {
      s3AccelerateEndpoint: "s3-accelerate.amazonaws.com",
    }]
  ) {
    throws(() => fakeJsClient([], bad), /is not supported/);
  }
  throws(
    () => fakeJsClient([], { credentialsProvider: provider, credentials: provider }),
    /not both/,
  );
  throws(
    () =>
      new AssumeRoleProvider(
        {
          stsEndpoint: "http://127.0.0.1:9000",
          accessKey: "a",
          secretKey: "b",
          webIdentityToken: "t",
        } as never,
      ),
    /unsupported option 'webIdentityToken'/,
  );
});

test("minio-js object-lock and encryption configs: minio-js's plain objects in and out", async () => {
  const lock =
    "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>" +
    "<Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention></Rule></ObjectLockConfiguration>";
  const sse = "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>" +
    "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>" +
    "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>";
  const { client, sent } = fakeJsClient([{}, { body: lock }, {}, { body: sse }]);
  await client.setObjectLockConfig("bkt", { mode: "GOVERNANCE", unit: "Days", validity: 30 });
  match(new TextDecoder().decode(sent[0].body), /<Mode>GOVERNANCE<\/Mode><Days>30<\/Days>/);
  deepEqual(await client.getObjectLockConfig("bkt"), {
    objectLockEnabled: "Enabled",
    mode: "COMPLIANCE",
    unit: "Years",
    validity: 2,
  });
  await client.setBucketEncryption("bkt");
  match(new TextDecoder().decode(sent[2].body), /<SSEAlgorithm>AES256<\/SSEAlgorithm>/);
  deepEqual(await client.getBucketEncryption("bkt"), {
    Rule: [{
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "key-1" },
    }],
  });
  await rejects(client.setObjectLockConfig("bkt", { mode: "GOVERNANCE" }), /together, or none/);
  await rejects(
    client.setBucketEncryption("bkt", { Rule: [], Extra: 1 } as never),
    /setBucketEncryption: unknown option 'Extra'/,
  );
  equal(sent.length, 4);
});

test("minio-js's exported constants, with minio-js 8.0.7's names and values", async () => {
  const js = await import("../../minio-js.ts");
  equal(js.DEFAULT_REGION, "us-east-1");
  equal(js.PRESIGN_EXPIRY_DAYS_MAX, 7);
  deepEqual(js.RETENTION_MODES, { GOVERNANCE: "GOVERNANCE", COMPLIANCE: "COMPLIANCE" });
  deepEqual(js.RETENTION_VALIDITY_UNITS, { DAYS: "Days", YEARS: "Years" });
  deepEqual(js.LEGAL_HOLD_STATUS, { ENABLED: "ON", DISABLED: "OFF" });
  deepEqual(js.ENCRYPTION_TYPES, { SSEC: "SSE-C", KMS: "KMS" });
  for (const c of [js.RETENTION_MODES, js.RETENTION_VALIDITY_UNITS, js.LEGAL_HOLD_STATUS]) {
    ok(Object.isFrozen(c));
  }
  // The error classes are the SDK's own, so minio-js's `instanceof` checks hold.
  throws(() => fakeJsClient().client.setAppInfo("", "1"), js.InvalidArgumentError);
  equal(js.S3Error, (await import("../../mod.ts")).S3Error);
});

test("minio-js IamAwsProvider: transportAgent, unknown keys and a non-string endpoint are refused", async () => {
  const { IamAwsProvider } = await import("../../minio-js.ts");
  const refused = (word: string) => (e: unknown) =>
    e instanceof InvalidArgumentError && e.message.includes(word);
  throws(() => new IamAwsProvider({ transportAgent: {} }), refused("transportAgent"));
  throws(
    () => new IamAwsProvider({ customEndPoint: "http://x" } as Record<string, string>),
    refused("customEndPoint"),
  );
  throws(
    () => new IamAwsProvider({ customEndpoint: 80 as unknown as string }),
    refused("customEndpoint"),
  );
});
