// Bucket policies against the real MinIO: the JSON round trip, and that the
// policy really opens anonymous reads of one prefix. Also getBucketLocation.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { type BucketPolicy, S3Error } from "../../mod.ts";
import { env, targets, withBucket } from "./testbed.ts";

function publicRead(bucket: string): BucketPolicy {
  return {
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { AWS: ["*"] },
      Action: ["s3:GetObject"],
      Resource: [`arn:aws:s3:::${bucket}/public/*`],
    }],
  };
}

for (const t of targets) {
  test(`[${t.name}] bucket policy: none is NoSuchBucketPolicy; set, read back, takes effect; delete`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const noPolicy = (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucketPolicy";
      await rejects(c.getBucketPolicy(bucket), noPolicy);
      await c.putObject(bucket, "public/hello.txt", "hello");
      await c.putObject(bucket, "private/secret.txt", "secret");
      const base = `${t.name === "tls" ? "https" : "http"}://${env("MINIO_TEST_HOST")}:${
        env(t.name === "tls" ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")
      }/${bucket}`;
      const anonymous = async (key: string) => {
        const res = await fetch(`${base}/${key}`);
        return [res.status, await res.text()] as const;
      };
      equal((await anonymous("public/hello.txt"))[0], 403);

      await c.setBucketPolicy(bucket, publicRead(bucket));
      deepEqual(JSON.parse(await c.getBucketPolicy(bucket)), publicRead(bucket));
      deepEqual(await anonymous("public/hello.txt"), [200, "hello"]);
      equal((await anonymous("private/secret.txt"))[0], 403);

      await c.setBucketPolicy(bucket, JSON.stringify(publicRead(bucket), null, 2)); // text works too
      deepEqual(JSON.parse(await c.getBucketPolicy(bucket)), publicRead(bucket));

      await c.deleteBucketPolicy(bucket);
      await rejects(c.getBucketPolicy(bucket), noPolicy);
      equal((await anonymous("public/hello.txt"))[0], 403);
      await c.deleteBucketPolicy(bucket); // MinIO: deleting no policy succeeds
    });
  });

  test(`[${t.name}] getBucketLocation: us-east-1 for the test bed's buckets`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketLocation(bucket), "us-east-1");
      // A new client has no cached region: this one asks the server.
      equal(await t.client().getBucketLocation(bucket), "us-east-1");
    });
  });
}
