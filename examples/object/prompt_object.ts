/**
 * `promptObject`: asks a model about an object through an object lambda
 * (MinIO AIStor's PromptObject). The community MinIO has no such route and
 * refuses with `BadRequest`, as this shows.
 *
 *   deno run -A examples/object/prompt_object.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `prompt-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "report.txt", "Revenue grew 12 % while costs fell.");

try {
  const res = await client.promptObject(bucket, "report.txt", "Summarize this", {
    lambdaArn: process.env.MINIO_PROMPT_LAMBDA_ARN ??
      "arn:minio:s3-object-lambda::summarize:webhook",
  });
  console.log(await res.text());
} catch (e) {
  if (!(e instanceof S3Error && e.code === "BadRequest")) throw e;
  console.log("this server has no PromptObject:", e.message);
}

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
