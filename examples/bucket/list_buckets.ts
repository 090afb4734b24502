/**
 * `listBuckets`: the buckets the credentials can see, with their creation dates; all,
 * or those whose names start with a prefix.
 *
 *   deno run -A examples/bucket/list_buckets.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `list-buckets-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

for (const b of await client.listBuckets()) {
  console.log(`${b.name}  made ${b.creationDate.toISOString()}`);
}
// Only the names that start with a prefix:
console.log((await client.listBuckets({ prefix: "list-buckets-" })).map((b) => b.name));

await client.removeBucket(bucket);
