// What each bucket operation sends: method, path, query, headers, body.
import { deepEqual, equal, match, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const LIST_BUCKETS = `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>x</ID></Owner>
<Buckets><Bucket><Name>alpha</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate></Bucket>
<Bucket><Name>beta</Name><CreationDate>2026-02-03T04:05:06.000Z</CreationDate></Bucket></Buckets>
</ListAllMyBucketsResult>`;

test("makeBucket: PUT /bucket, no body in us-east-1, signed headers", async () => {
  const { client, sent } = fakeClient();
  await client.makeBucket("my-bucket");
  equal(sent.length, 1);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.href, "http://s3.example.test:9000/my-bucket");
  equal(s.body.length, 0);
  equal(
    s.headers.get("x-amz-content-sha256"),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
  match(s.headers.get("x-amz-date")!, /^\d{8}T\d{6}Z$/);
  match(
    s.headers.get("authorization")!,
    /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
  );
});

test("makeBucket: location body and object-lock header", async () => {
  const { client, sent } = fakeClient([], { region: undefined });
  await client.makeBucket("my-bucket", { location: "eu-west-1", objectLock: true });
  const s = sent[0];
  equal(s.headers.get("x-amz-bucket-object-lock-enabled"), "true");
  equal(
    new TextDecoder().decode(s.body),
    '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
  );
  match(s.headers.get("authorization")!, /\/eu-west-1\/s3\/aws4_request/);
  match(s.headers.get("authorization")!, /SignedHeaders=host;x-amz-bucket-object-lock-enabled;/);
});

test("makeBucket: a location other than the client's region is refused", async () => {
  const { client, sent } = fakeClient([], { region: "us-east-1" });
  await rejects(client.makeBucket("my-bucket", { location: "eu-west-1" }), InvalidArgumentError);
  equal(sent.length, 0);
});

test("listBuckets: GET / and parses names and dates", async () => {
  const { client, sent } = fakeClient([{ body: LIST_BUCKETS }]);
  const buckets = await client.listBuckets();
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/");
  deepEqual(queryOf(sent[0]), []);
  deepEqual(buckets, [
    { name: "alpha", creationDate: new Date("2026-01-02T03:04:05.000Z") },
    { name: "beta", creationDate: new Date("2026-02-03T04:05:06.000Z") },
  ]);
});

test("bucketExists: HEAD /bucket; 404 gives false, 200 true", async () => {
  const { client, sent } = fakeClient([{ status: 200 }, { status: 404 }]);
  equal(await client.bucketExists("my-bucket"), true);
  equal(await client.bucketExists("my-bucket"), false);
  equal(sent[0].method, "HEAD");
  equal(sent[0].url.pathname, "/my-bucket");
});

test("removeBucket: DELETE /bucket", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.removeBucket("my-bucket");
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/my-bucket");
});

test("region discovery: GET ?location once per bucket, then signs for that region", async () => {
  const location =
    `<?xml version="1.0"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-central-1</LocationConstraint>`;
  const { client, sent } = fakeClient([{ body: location }, { status: 200 }, { status: 200 }], {
    region: undefined,
  });
  await client.bucketExists("my-bucket");
  await client.bucketExists("my-bucket");
  equal(sent.length, 3);
  deepEqual(queryOf(sent[0]), [["location", ""]]);
  match(sent[0].headers.get("authorization")!, /\/us-east-1\/s3\//);
  match(sent[1].headers.get("authorization")!, /\/eu-central-1\/s3\//);
  match(sent[2].headers.get("authorization")!, /\/eu-central-1\/s3\//);
});

test("region discovery: an empty LocationConstraint means us-east-1", async () => {
  const location = `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>`;
  const { client, sent } = fakeClient([{ body: location }, { status: 200 }], { region: undefined });
  await client.bucketExists("my-bucket");
  match(sent[1].headers.get("authorization")!, /\/us-east-1\/s3\//);
});

test("over TLS the payload is not hashed: UNSIGNED-PAYLOAD", async () => {
  const { client, sent } = fakeClient([{ status: 200 }], { useSSL: true });
  await client.putObject("my-bucket", "k", "data");
  equal(sent[0].url.protocol, "https:");
  equal(sent[0].headers.get("x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
});

test("session token is sent and signed", async () => {
  const { client, sent } = fakeClient([{ status: 200 }], { sessionToken: "TOKEN" });
  await client.bucketExists("my-bucket");
  equal(sent[0].headers.get("x-amz-security-token"), "TOKEN");
  match(
    sent[0].headers.get("authorization")!,
    /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/,
  );
});

test("virtual-host style for AWS endpoints, path style for others", async () => {
  const aws = fakeClient([{ status: 200 }], { endPoint: "s3.amazonaws.com", useSSL: true });
  await aws.client.bucketExists("my-bucket");
  equal(aws.sent[0].url.host, "my-bucket.s3.amazonaws.com:9000");
  equal(aws.sent[0].url.pathname, "/");
  const dotted = fakeClient([{ status: 200 }], { endPoint: "s3.amazonaws.com", useSSL: true });
  await dotted.client.bucketExists("my.bucket");
  equal(dotted.sent[0].url.pathname, "/my.bucket");
});
