/**
 * Presigning a GET URL, side by side: our `presignedGetObject` against
 * `@aws-sdk/s3-request-presigner`'s `getSignedUrl`, aws4fetch's query
 * signing and, on Bun, `Bun.S3Client`'s native `presign`. Nothing goes on
 * the network (our client has its region, so no bucket-location lookup).
 * Runs unchanged under `deno run -A`, `bun` and `node --import tsx`.
 *
 *   deno run -A bench/presign.ts
 *   bun bench/presign.ts
 *   node --import tsx bench/presign.ts
 *
 * @module
 */

import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { AwsClient } from "aws4fetch";
import { Minio } from "../mod.ts";
import { type Case, fmt, rotatedRounds, runtimeName } from "./rounds.ts";

const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const ENDPOINT = "http://minio.example.com:9000";
const BUCKET = "photos";
const KEY = "2024/summer trip/beach day (1).jpg";
const EXPIRES = 3600;

const ours = new Minio({
  endPoint: ENDPOINT,
  accessKey: ACCESS_KEY,
  secretKey: SECRET_KEY,
  region: "us-east-1",
});
const aws = new S3Client({
  endpoint: ENDPOINT,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
});
const aws4 = new AwsClient({
  accessKeyId: ACCESS_KEY,
  secretAccessKey: SECRET_KEY,
  service: "s3",
  region: "us-east-1",
});
const objectUrl = `${ENDPOINT}/${BUCKET}/${KEY.split("/").map(encodeURIComponent).join("/")}`;

const cases: Case[] = [
  {
    name: "minio-edge presignedGetObject",
    run: () => ours.presignedGetObject(BUCKET, KEY, EXPIRES),
  },
  {
    name: "@aws-sdk/s3-request-presigner",
    run: () =>
      getSignedUrl(aws, new GetObjectCommand({ Bucket: BUCKET, Key: KEY }), { expiresIn: EXPIRES }),
  },
  {
    name: "aws4fetch (signQuery)",
    run: async () =>
      (await aws4.sign(`${objectUrl}?X-Amz-Expires=${EXPIRES}`, {
        method: "GET",
        aws: { signQuery: true },
      })).url,
  },
];

interface BunS3 {
  presign(key: string, options: { expiresIn: number; method: string }): string;
}
const bun = (globalThis as {
  Bun?: { S3Client: new (o: Record<string, string>) => BunS3 };
}).Bun;
if (bun) {
  const native = new bun.S3Client({
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET_KEY,
    endpoint: ENDPOINT,
    bucket: BUCKET,
    region: "us-east-1",
  });
  cases.push({
    name: "Bun.S3Client presign (native)",
    run: () => native.presign(KEY, { expiresIn: EXPIRES, method: "GET" }),
  });
}

// Each must produce a URL carrying a signature before anything is timed.
for (const c of cases) {
  const url = String(await c.run());
  if (!/X-Amz-Signature=[0-9a-f]{64}/.test(url)) {
    throw new Error(`${c.name}: no signature in ${url}`);
  }
}

const ROUNDS = 11;
const ROUND_MS = 200;
const rates = await rotatedRounds(cases, { rounds: ROUNDS, roundMs: ROUND_MS, warmupMs: 500 });
console.log(`presigned GET URL, ${runtimeName()}: median of ${ROUNDS} rounds x ${ROUND_MS} ms`);
console.log("| presigner | ops/s | ours is |");
console.log("|---|---:|---:|");
cases.forEach((c, i) => {
  const ratio = i === 0 ? "-" : (rates[0] / rates[i]).toFixed(2) + "x";
  console.log(`| ${c.name} | ${fmt(rates[i])} | ${ratio} |`);
});
