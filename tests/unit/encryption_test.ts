// SSEConfig and SSERule, and the bucket encryption requests.
import { createHash } from "node:crypto";
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import {
  AES256,
  AWS_KMS,
  InvalidArgumentError,
  S3Error,
  type SseAlgorithm,
  SSEConfig,
  SSERule,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");
const NOT_FOUND = {
  status: 404,
  body:
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServerSideEncryptionConfigurationNotFoundError</Code><Message>The server side encryption configuration was not found</Message></Error>`,
};

// What MinIO answered in the integration tests.
const MINIO_S3 =
  `<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
const MINIO_KMS =
  `<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>minio-edge-key</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;

test("SSEConfig: round trip of SSE-S3, SSE-KMS with and without a key", () => {
  for (
    const rule of [SSERule.newSseS3Rule(), SSERule.newSseKmsRule("k<1>"), SSERule.newSseKmsRule()]
  ) {
    const c = new SSEConfig(rule);
    deepEqual(SSEConfig.fromXml(c.toXml()), c);
  }
  equal(new SSEConfig(SSERule.newSseS3Rule()).toXml(), MINIO_S3);
});

test("SSEConfig: MinIO's answers parse", () => {
  deepEqual(SSEConfig.fromXml(MINIO_S3).rule, new SSERule(AES256));
  deepEqual(SSEConfig.fromXml(MINIO_KMS).rule, new SSERule(AWS_KMS, "minio-edge-key"));
});

test("SSERule / SSEConfig: bad values are refused", () => {
  throws(() => new SSERule("DES" as SseAlgorithm), /AES256 or aws:kms/);
  throws(() => new SSERule(AES256, "key"), /needs algorithm aws:kms/);
  throws(() => SSERule.newSseKmsRule(""), /non-empty/);
  throws(() => new SSEConfig({ sseAlgorithm: AES256 } as SSERule), /must be an SSERule/);
  throws(() => SSEConfig.fromXml("<ServerSideEncryptionConfiguration/>"), InvalidArgumentError);
});

test("setBucketEncryption: PUT ?encryption with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient();
  const config = new SSEConfig(SSERule.newSseKmsRule("my-key"));
  await client.setBucketEncryption("my-bucket", config);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/my-bucket");
  deepEqual(queryOf(s), [["encryption", ""]]);
  equal(dec.decode(s.body), config.toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
  await rejects(
    client.setBucketEncryption("my-bucket", SSERule.newSseS3Rule() as unknown as SSEConfig),
    InvalidArgumentError,
  );
  equal(sent.length, 1);
});

test("getBucketEncryption: parses; none configured is null", async () => {
  const { client, sent } = fakeClient([{ body: MINIO_KMS }, NOT_FOUND, { status: 403, body: "" }]);
  equal((await client.getBucketEncryption("my-bucket"))?.rule.kmsMasterKeyId, "minio-edge-key");
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["encryption", ""]]);
  equal(await client.getBucketEncryption("my-bucket"), null);
  await rejects(
    client.getBucketEncryption("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.status === 403,
  );
});

test("deleteBucketEncryption: DELETE ?encryption; none configured is fine", async () => {
  const { client, sent } = fakeClient([{ status: 204 }, NOT_FOUND]);
  await client.deleteBucketEncryption("my-bucket");
  await client.deleteBucketEncryption("my-bucket");
  equal(sent[0].method, "DELETE");
  deepEqual(queryOf(sent[0]), [["encryption", ""]]);
});
