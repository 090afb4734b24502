// Bucket default encryption against the real MinIO (static KMS key of the
// test bed): SSE-S3 and SSE-KMS applied to plain writes, then removed.
import { deepEqual, equal, test } from "../harness.ts";
import { SSEConfig, SSERule } from "../../mod.ts";
import { env, targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] bucket encryption: none is null; SSE-S3 and SSE-KMS apply to new objects; delete`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketEncryption(bucket), null);
      await c.deleteBucketEncryption(bucket); // nothing to delete is fine

      await c.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseS3Rule()));
      deepEqual(await c.getBucketEncryption(bucket), new SSEConfig(SSERule.newSseS3Rule()));
      await c.putObject(bucket, "s3.txt", "sse-s3");
      const s3 = await c.statObject(bucket, "s3.txt");
      equal(s3.headers.get("x-amz-server-side-encryption"), "AES256");
      equal(await (await c.getObject(bucket, "s3.txt")).text(), "sse-s3");

      const key = env("MINIO_TEST_KMS_KEY");
      await c.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseKmsRule(key)));
      deepEqual(await c.getBucketEncryption(bucket), new SSEConfig(SSERule.newSseKmsRule(key)));
      await c.putObject(bucket, "kms.txt", "sse-kms");
      const kms = await c.statObject(bucket, "kms.txt");
      equal(kms.headers.get("x-amz-server-side-encryption"), "aws:kms");
      equal(kms.headers.get("x-amz-server-side-encryption-aws-kms-key-id"), `arn:aws:kms:${key}`);
      equal(await (await c.getObject(bucket, "kms.txt")).text(), "sse-kms");

      await c.deleteBucketEncryption(bucket);
      equal(await c.getBucketEncryption(bucket), null);
      await c.putObject(bucket, "plain.txt", "plain");
      equal(
        (await c.statObject(bucket, "plain.txt")).headers.get("x-amz-server-side-encryption"),
        null,
      );
    });
  });
}
