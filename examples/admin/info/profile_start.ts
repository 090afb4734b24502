/**
 * `profileStart`: profiles the servers (here CPU and memory for one second)
 * and saves the zip archive of the profiles.
 *
 *   deno run -A examples/admin/info/profile_start.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const zip = await admin.profileStart({ profilers: ["cpu", "mem"], duration: 1 });
const dir = await mkdtemp(join(tmpdir(), "profile-"));
await writeFile(join(dir, "profile.zip"), zip);
console.log(`saved ${zip.length} bytes of profiles to ${join(dir, "profile.zip")}`);

await rm(dir, { recursive: true });
