/**
 * `AWSConfigProvider`: the keys of a profile in the AWS CLI's files
 * (`~/.aws/credentials`, `~/.aws/config`; the profile from the option or
 * AWS_PROFILE). For the demo it writes a credentials file of its own.
 *
 *   deno run -A examples/credentials/aws_config.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { AWSConfigProvider, Minio } from "@minio-edge/minio";

const dir = await mkdtemp(`${tmpdir()}/aws-`);
const filename = `${dir}/credentials`;
await writeFile(
  filename,
  `[minio]\naws_access_key_id = ${process.env.MINIO_ACCESS_KEY ?? "minioadmin"}\n` +
    `aws_secret_access_key = ${process.env.MINIO_SECRET_KEY ?? "minioadmin"}\n`,
);

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  credentials: new AWSConfigProvider({ filename, profile: "minio" }),
});
console.log((await client.listBuckets()).length, "buckets");

await rm(dir, { recursive: true });
