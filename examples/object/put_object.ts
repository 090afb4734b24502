/**
 * `putObject`: uploads a string with a content type and metadata, then 64 MiB
 * from a stream as a parallel multipart upload, with a progress bar.
 *
 *   deno run -A examples/object/put_object.ts
 */
import { Minio } from "@minio-edge/minio";
import { progressBar } from "../_progress.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `put-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const { etag } = await client.putObject(bucket, "notes/hello.txt", "Hello!", undefined, {
  contentType: "text/plain",
  metadata: { author: "ana" },
});
console.log(`uploaded notes/hello.txt, etag ${etag}`);

const big = new Blob([new Uint8Array(64 * 1024 * 1024)]);
await client.putObject(bucket, "videos/big.bin", big.stream(), big.size, {
  onProgress: progressBar(),
});
console.log("uploaded videos/big.bin:", (await client.statObject(bucket, "videos/big.bin")).size);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
