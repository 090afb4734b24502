// @ts-check
/**
 * The quickstart as an npm user runs it: copied into a scratch project that
 * installed the packed tarball, it imports the package by name and makes a
 * bucket, uploads, lists, downloads and removes against the MinIO named by
 * MINIO_TEST_HOST / _PORT / _ACCESS_KEY / _SECRET_KEY. Type-checked with
 * `tsc --checkJs` against the package's own declarations, so the types are
 * tested as a user's editor reads them. The last line is `quickstart ok`.
 */
import { Minio, S3Error } from "minio-edge";

const env = (/** @type {string} */ name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const client = new Minio({
  endPoint: process.env.MINIO_TEST_HOST || "127.0.0.1",
  port: Number(env("MINIO_TEST_PORT")),
  useSSL: false,
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
});
const runtime = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";
const bucket = `npm-pkg-${runtime}-${Date.now().toString(36)}`;
const name = "hello/world.txt";
const body = `Hello from the minio-edge npm package on ${runtime}!`;

await client.makeBucket(bucket);
try {
  const { etag } = await client.putObject(bucket, name, body, undefined, {
    contentType: "text/plain",
  });
  console.log(`uploaded ${name} (etag ${etag})`);

  const listed = [];
  for await (const item of client.listObjects(bucket, { recursive: true })) listed.push(item.name);
  if (listed.join() !== name) throw new Error(`listed ${JSON.stringify(listed)}`);
  console.log(`listed ${listed.join(", ")}`);

  const object = await client.getObject(bucket, name);
  const text = await object.text();
  if (text !== body) throw new Error(`downloaded ${JSON.stringify(text)}`);
  console.log(`downloaded ${object.stat.size} bytes, ${object.stat.contentType}`);

  await client.removeObject(bucket, name);
  const gone = await client.statObject(bucket, name).then(
    () => false,
    (/** @type {unknown} */ e) => {
      if (e instanceof S3Error && e.code === "NoSuchKey") return true;
      throw e;
    },
  );
  if (!gone) throw new Error("the object is still there after removeObject");
  await client.removeBucket(bucket);
  if (await client.bucketExists(bucket)) throw new Error("the bucket is still there");
  console.log(`removed ${name} and ${bucket}`);
} catch (e) {
  // Leave nothing behind on the shared server, but report the first failure.
  await client.removeObject(bucket, name).catch(() => {});
  await client.removeBucket(bucket).catch(() => {});
  throw e;
}
console.log(`resolved minio-edge to ${import.meta.resolve("minio-edge")}`);
console.log("quickstart ok");
