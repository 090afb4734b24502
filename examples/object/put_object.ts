/**
 * `putObject`: uploads a string with a content type and metadata, then 64 MiB
 * from a stream as a parallel multipart upload, with a progress bar.
 *
 *   deno run -A examples/object/put_object.ts
 */
import { Minio, type Progress } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

let shown = -1;
/** Draws `[#####     ]  50%` in place as the bytes go. */
function progressBar({ loaded, total }: Progress): void {
  const percent = total ? Math.floor((loaded / total) * 100) : 0;
  if (percent === shown) return;
  shown = percent;
  const bar = "#".repeat(Math.round(percent * 0.3)).padEnd(30);
  process.stdout.write(
    `\r[${bar}] ${percent.toString().padStart(3)}%${percent === 100 ? "\n" : ""}`,
  );
}

const bucket = `put-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const { etag } = await client.putObject(bucket, "notes/hello.txt", "Hello!", undefined, {
  contentType: "text/plain",
  metadata: { author: "ana" },
});
console.log(`uploaded notes/hello.txt, etag ${etag}`);

const big = new Blob([new Uint8Array(64 * 1024 * 1024)]);
await client.putObject(bucket, "videos/big.bin", big.stream(), big.size, {
  onProgress: progressBar,
});
console.log("uploaded videos/big.bin:", (await client.statObject(bucket, "videos/big.bin")).size);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
