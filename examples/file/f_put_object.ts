/**
 * `fPutObject`: uploads a file (Deno, Bun, Node), here a 48 MiB one, with a
 * progress bar.
 *
 *   deno run -A examples/file/f_put_object.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Minio } from "@minio-edge/minio";
import { progressBar } from "../_progress.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `f-put-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const dir = await mkdtemp(join(tmpdir(), "f-put-object-"));
const path = join(dir, "backup.tar");
await writeFile(path, new Uint8Array(48 * 1024 * 1024));

await client.fPutObject(bucket, "backups/backup.tar", path, {
  contentType: "application/x-tar",
  onProgress: progressBar(),
});
console.log("uploaded:", (await client.statObject(bucket, "backups/backup.tar")).size);

await rm(dir, { recursive: true });
// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);
