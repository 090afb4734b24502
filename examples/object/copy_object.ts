/**
 * `copyObject`: copies an object on the server, as it is, and with new
 * metadata only if its ETag still matches.
 *
 *   deno run -A examples/object/copy_object.ts
 */
import { CopySource, Minio, REPLACE } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `copy-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const { etag } = await client.putObject(bucket, "cat.png", "png bytes", undefined, {
  metadata: { reviewed: "no" },
});

await client.copyObject(bucket, "backup/cat.png", new CopySource(bucket, "cat.png"));
await client.copyObject(
  bucket,
  "cat-2.png",
  new CopySource(bucket, "cat.png", { matchETag: etag }),
  {
    metadata: { reviewed: "yes" },
    metadataDirective: REPLACE,
  },
);
console.log((await client.statObject(bucket, "backup/cat.png")).metadata); // { reviewed: "no" }
console.log((await client.statObject(bucket, "cat-2.png")).metadata); // { reviewed: "yes" }

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
