// KMS keys and SSE-KMS against a real KES behind MinIO over TLS
// (scripts/testbed_kes.sh): keys made through the admin API, objects
// encrypted with them per request and by bucket default.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { S3Error, SSEConfig, SseKMS, SSERule } from "../../mod.ts";
import { MinioAdminException } from "../../admin.ts";
import { uniqueName } from "./admin_testbed.ts";
import { bytesOf, withBucket } from "./testbed.ts";
import { kesAdmin, kesClient, kesEnv } from "./kes_testbed.ts";
import { rejectsWith } from "./rejects_with.ts";

const KMS_ARN = "arn:aws:kms:";

test("[kes] kmsKeyCreate makes a KES key; kmsKeyStatus checks it and the default key", async () => {
  const admin = kesAdmin();
  const key = uniqueName("kes-key");
  await admin.kmsKeyCreate(key);
  deepEqual(await admin.kmsKeyStatus({ key }), { "key-id": key });
  deepEqual(await admin.kmsKeyStatus(), { "key-id": kesEnv("DEFAULT_KEY") });

  const missing = await admin.kmsKeyStatus({ key: `missing-${key}` });
  equal(missing["key-id"], `missing-${key}`);
  ok(missing["encryption-error"]?.includes("does not exist"), JSON.stringify(missing));
  // KES refuses a second key of the same name; MinIO passes that on as a 500.
  const e = await rejectsWith(admin.kmsKeyCreate(key), MinioAdminException, "InternalError", 500);
  ok(/already exi/.test(e.message), e.message);
});

test("[kes] SSE-KMS with a created key: put, stat, get, multipart; unknown key refused", async () => {
  const admin = kesAdmin();
  const client = kesClient();
  const key = uniqueName("kes-sse");
  await admin.kmsKeyCreate(key);
  await withBucket(client, async (bucket) => {
    const sse = new SseKMS(key, { bucket, purpose: "test" });
    await client.putObject(bucket, "small.txt", "encrypted by KES", undefined, { sse });
    const stat = await client.statObject(bucket, "small.txt");
    equal(stat.headers.get("x-amz-server-side-encryption"), "aws:kms");
    equal(stat.headers.get("x-amz-server-side-encryption-aws-kms-key-id"), KMS_ARN + key);
    equal(await (await client.getObject(bucket, "small.txt")).text(), "encrypted by KES");

    const big = bytesOf(6 * 1024 * 1024 + 1, 7);
    await client.putObject(bucket, "big.bin", big, undefined, { sse, partSize: 5 * 1024 * 1024 });
    const bigStat = await client.statObject(bucket, "big.bin");
    equal(bigStat.size, big.length);
    equal(bigStat.headers.get("x-amz-server-side-encryption-aws-kms-key-id"), KMS_ARN + key);
    deepEqual(await (await client.getObject(bucket, "big.bin")).bytes(), big);
    const part = await client.getObject(bucket, "big.bin", { offset: 5 * 1024 * 1024, length: 10 });
    deepEqual(await part.bytes(), big.subarray(5 * 1024 * 1024, 5 * 1024 * 1024 + 10));

    await rejectsWith(
      client.putObject(bucket, "lost.txt", "x", undefined, { sse: new SseKMS(`missing-${key}`) }),
      S3Error,
      "kms:KeyNotFound",
      404,
    );
  });
});

test("[kes] bucket default encryption with a created key encrypts plain writes", async () => {
  const admin = kesAdmin();
  const client = kesClient();
  const key = uniqueName("kes-default");
  await admin.kmsKeyCreate(key);
  await withBucket(client, async (bucket) => {
    await client.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseKmsRule(key)));
    const config = await client.getBucketEncryption(bucket);
    equal(config?.rule.sseAlgorithm, "aws:kms");
    equal(config?.rule.kmsMasterKeyId, key);
    await client.putObject(bucket, "plain.txt", "no SSE headers sent");
    const stat = await client.statObject(bucket, "plain.txt");
    equal(stat.headers.get("x-amz-server-side-encryption"), "aws:kms");
    equal(stat.headers.get("x-amz-server-side-encryption-aws-kms-key-id"), KMS_ARN + key);
    equal(await (await client.getObject(bucket, "plain.txt")).text(), "no SSE headers sent");
    await client.deleteBucketEncryption(bucket);
  });
});
