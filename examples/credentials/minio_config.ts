/**
 * `MinioClientConfigProvider`: the keys of an `mc` alias from the MinIO
 * Client's `~/.mc/config.json` (the alias from the option or MINIO_ALIAS).
 * For the demo it writes a config file of its own.
 *
 *   deno run -A examples/credentials/minio_config.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Minio, MinioClientConfigProvider } from "@minio-edge/minio";

const endPoint = process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000";
const dir = await mkdtemp(`${tmpdir()}/mc-`);
const filename = `${dir}/config.json`;
await writeFile(
  filename,
  JSON.stringify({
    version: "10",
    aliases: {
      local: {
        url: endPoint,
        accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
        secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
        api: "s3v4",
      },
    },
  }),
);

const client = new Minio({
  endPoint,
  credentials: new MinioClientConfigProvider({ filename, alias: "local" }),
});
console.log((await client.listBuckets()).length, "buckets");

await rm(dir, { recursive: true });
