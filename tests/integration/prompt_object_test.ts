// promptObject against the real community MinIO, over HTTP and TLS: it has no
// route for POST ?lambdaArn on an object and answers 400 BadRequest.
import { rejects, test } from "../harness.ts";
import { S3Error } from "../../mod.ts";
import { targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] promptObject: MinIO refuses with S3Error BadRequest`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "doc.txt", "The quick brown fox.");
      for (const lambdaArn of [undefined, "arn:minio:s3-object-lambda::summarize:webhook"]) {
        await rejects(
          c.promptObject(bucket, "doc.txt", "Summarize this", { lambdaArn }),
          (e: unknown) =>
            e instanceof S3Error && e.code === "BadRequest" && e.status === 400 &&
            e.message.includes("An unsupported API call for method: POST"),
        );
      }
    });
  });
}
