// Bucket policy and location requests.
import { createHash } from "node:crypto";
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { type BucketPolicy, InvalidArgumentError, S3Error } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");

const POLICY: BucketPolicy = {
  Version: "2012-10-17",
  Statement: [{
    Effect: "Allow",
    Principal: { AWS: ["*"] },
    Action: ["s3:GetObject"],
    Resource: ["arn:aws:s3:::my-bucket/public/*"],
  }],
};

test("setBucketPolicy: PUT ?policy with the JSON and its Content-MD5, from text or an object", async () => {
  const { client, sent } = fakeClient([{ status: 204 }, { status: 204 }]);
  const text = JSON.stringify(POLICY, null, 2);
  await client.setBucketPolicy("my-bucket", text);
  await client.setBucketPolicy("my-bucket", POLICY);
  equal(sent[0].method, "PUT");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["policy", ""]]);
  equal(dec.decode(sent[0].body), text, "text is sent as given");
  equal(dec.decode(sent[1].body), JSON.stringify(POLICY));
  for (const s of sent) equal(s.headers.get("content-md5"), md5(s.body));
});

test("setBucketPolicy: text that is not a JSON object is refused before sending", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.setBucketPolicy("my-bucket", "{Version:"), /not valid JSON/);
  await rejects(client.setBucketPolicy("my-bucket", "[1]"), /JSON object/);
  await rejects(client.setBucketPolicy("my-bucket", ""), InvalidArgumentError);
  await rejects(
    client.setBucketPolicy("my-bucket", null as unknown as string),
    InvalidArgumentError,
  );
  equal(sent.length, 0);
});

test("getBucketPolicy: the JSON text; no policy is an S3Error as in minio-py", async () => {
  const stored = JSON.stringify(POLICY);
  const { client, sent } = fakeClient([
    { body: stored, headers: { "content-type": "application/json" } },
    {
      status: 404,
      body:
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>`,
    },
  ]);
  equal(await client.getBucketPolicy("my-bucket"), stored);
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["policy", ""]]);
  await rejects(
    client.getBucketPolicy("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucketPolicy",
  );
});

test("deleteBucketPolicy: DELETE ?policy", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.deleteBucketPolicy("my-bucket");
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["policy", ""]]);
});

test("getBucketLocation: GET ?location once, signed for us-east-1; the fixed region without a request", async () => {
  const answer = `<?xml version="1.0" encoding="UTF-8"?>
<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-central-1</LocationConstraint>`;
  const { client, sent } = fakeClient([{ body: answer }], { region: undefined });
  equal(await client.getBucketLocation("my-bucket"), "eu-central-1");
  equal(await client.getBucketLocation("my-bucket"), "eu-central-1");
  equal(sent.length, 1);
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["location", ""]]);
  equal(/\/us-east-1\/s3\/aws4_request/.test(sent[0].headers.get("authorization")!), true);
  const fixed = fakeClient([], { region: "us-west-2" });
  equal(await fixed.client.getBucketLocation("my-bucket"), "us-west-2");
  equal(fixed.sent.length, 0);
  const empty = fakeClient([{ body: "<LocationConstraint/>" }], { region: undefined });
  equal(await empty.client.getBucketLocation("my-bucket"), "us-east-1");
  await rejects(fixed.client.getBucketLocation("Bad_Bucket!"), InvalidArgumentError);
});
