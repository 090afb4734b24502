/**
 * `ChainedProvider`: the first source that has credentials wins; when none
 * has, the error lists why each failed (without secrets).
 *
 *   deno run -A examples/credentials/chained.ts
 */
import {
  AWSConfigProvider,
  ChainedProvider,
  type CredentialsError,
  EnvAWSProvider,
  Minio,
  MinioClientConfigProvider,
  StaticProvider,
} from "@minio-edge/minio";

const fromFiles = [
  new AWSConfigProvider({ profile: "no-such-profile" }),
  new MinioClientConfigProvider({ alias: "no-such-alias" }),
];
try {
  await new ChainedProvider(fromFiles).getCredentials();
} catch (e) {
  for (const reason of (e as CredentialsError).reasons) console.log("skipped:", reason);
}

// Environment first, then the files, then fixed keys as the last resort.
const credentials = new ChainedProvider([
  new EnvAWSProvider(),
  ...fromFiles,
  new StaticProvider(
    process.env.MINIO_ACCESS_KEY ?? "minioadmin",
    process.env.MINIO_SECRET_KEY ?? "minioadmin",
  ),
]);
const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  credentials,
});
console.log((await client.listBuckets()).length, "buckets");
