/**
 * `fGetObject`: downloads an object into a file (Deno, Bun, Node), with a
 * progress bar; the file appears only once complete.
 *
 *   deno run -A examples/file/f_get_object.ts
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Minio } from "@minio-edge/minio";
import { progressBar } from "../_progress.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `f-get-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "dataset.bin", new Uint8Array(48 * 1024 * 1024).fill(1));
const dir = await mkdtemp(join(tmpdir(), "f-get-object-"));

const path = join(dir, "dataset.bin");
const stat = await client.fGetObject(bucket, "dataset.bin", path, { onProgress: progressBar() });
console.log(`saved ${(await readFile(path)).length} of ${stat.size} bytes to ${path}`);

await rm(dir, { recursive: true });
// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
