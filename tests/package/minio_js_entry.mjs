// @ts-check
/**
 * The `./minio-js` entry as an npm user runs it: copied into a scratch
 * project that installed the packed tarball, it imports
 * `minio-edge/minio-js` the way minio-js code imports `minio`
 * (`import * as Minio`), makes a bucket with a region string, uploads with
 * a `metaData` object, reads the object back through the Node `Readable`
 * `getObject` returns (`.pipe()` into a Writable), lists through the
 * stream's `data` / `end` events, presigns with the expiry as the third
 * argument and removes what it made, on the MinIO named by MINIO_TEST_HOST
 * / _PORT / _ACCESS_KEY / _SECRET_KEY. Type-checked with `tsc --checkJs`
 * against the package's declarations. The last line is `minio-js entry ok`.
 */
import { Writable } from "node:stream";
import * as Minio from "minio-edge/minio-js";

const env = (/** @type {string} */ name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const minioClient = new Minio.Client({
  endPoint: process.env.MINIO_TEST_HOST || "127.0.0.1",
  port: Number(env("MINIO_TEST_PORT")),
  useSSL: false,
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
});
const runtime = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";
const bucket = `npm-mjs-${runtime}-${Date.now().toString(36)}`;

await minioClient.makeBucket(bucket, "us-east-1");
try {
  await minioClient.putObject(bucket, "hello.txt", "Hello from minio-js code", undefined, {
    "Content-Type": "text/plain",
  });
  const stat = await minioClient.statObject(bucket, "hello.txt");
  if (stat.metaData["content-type"] !== "text/plain") {
    throw new Error(`content type ${stat.metaData["content-type"]}`);
  }
  /** @type {Buffer[]} */
  const chunks = [];
  const stream = /** @type {import("node:stream").Readable} */ (
    await minioClient.getObject(bucket, "hello.txt")
  );
  await new Promise((resolve, reject) => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    sink.on("finish", resolve);
    sink.on("error", reject);
    stream.pipe(sink);
  });
  if (Buffer.concat(chunks).toString() !== "Hello from minio-js code") {
    throw new Error(`read back ${Buffer.concat(chunks).toString()}`);
  }
  /** @type {string[]} */
  const names = [];
  const listing = /** @type {import("node:stream").Readable} */ (
    minioClient.listObjects(bucket, "", true)
  );
  await new Promise((resolve, reject) => {
    listing.on("data", (/** @type {Minio.BucketItem} */ item) => names.push(item.name ?? ""));
    listing.on("end", resolve);
    listing.on("error", reject);
  });
  if (names.join() !== "hello.txt") throw new Error(`listed ${names.join()}`);
  const url = await minioClient.presignedGetObject(bucket, "hello.txt", 3600);
  if (new URL(url).searchParams.get("X-Amz-Expires") !== "3600") throw new Error(url);
  console.log("the Readable, the listing stream and the presigned URL work");
  await minioClient.removeObject(bucket, "hello.txt");
} finally {
  await minioClient.removeBucket(bucket);
}
console.log(`resolved minio-edge/minio-js to ${import.meta.resolve("minio-edge/minio-js")}`);
console.log("minio-js entry ok");
