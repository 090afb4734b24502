// @ts-check
/**
 * The `./admin` entry as an npm user runs it: copied into a scratch project
 * that installed the packed tarball, it imports `minio-edge/admin` beside
 * `minio-edge`, checks that the two entries share their classes (an error
 * the admin client throws is the `InvalidArgumentError` the S3 entry
 * exports), then adds, reads and removes a user on the MinIO named by
 * MINIO_TEST_HOST / _PORT / _ACCESS_KEY / _SECRET_KEY: the request body is
 * encrypted with a key argon2id derives, which must run the package's
 * WebAssembly. Type-checked with `tsc --checkJs` against the package's
 * declarations, as quickstart.mjs is. The last line is `admin entry ok`.
 */
import { InvalidArgumentError, Minio } from "minio-edge";
import { argon2Backend, MinioAdmin, MinioAdminException } from "minio-edge/admin";

const env = (/** @type {string} */ name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** @type {unknown} */
let thrown;
try {
  // @ts-expect-error: a JavaScript caller may pass anything; the check runs before any request.
  new MinioAdmin(null);
} catch (e) {
  thrown = e;
}
if (!(thrown instanceof InvalidArgumentError)) {
  throw new Error(
    `new MinioAdmin(null) threw ${String(thrown)}, not minio-edge's InvalidArgumentError`,
  );
}
console.log("the admin entry throws the S3 entry's InvalidArgumentError");

const options = {
  endPoint: process.env.MINIO_TEST_HOST || "127.0.0.1",
  port: Number(env("MINIO_TEST_PORT")),
  useSSL: false,
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
};
const admin = new MinioAdmin(options);
const runtime = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "node";
const user = `npm-admin-${runtime}-${Date.now().toString(36)}`;

await admin.userAdd(user, `${user}-secret-key`);
try {
  const info = await admin.userInfo(user);
  if (info.status !== "enabled") throw new Error(`userInfo: ${JSON.stringify(info)}`);
  console.log(`added user ${user} (${info.status})`);
  const backend = await argon2Backend();
  if (backend !== "wasm") {
    throw new Error(`argon2 ran on ${backend}, not the package's WebAssembly`);
  }
  console.log("argon2id ran as WebAssembly");
  // The same credentials serve the S3 entry: both entries work side by side.
  await new Minio(options).listBuckets();
} finally {
  await admin.userRemove(user);
}
const gone = await admin.userInfo(user).then(
  () => false,
  (/** @type {unknown} */ e) => {
    if (e instanceof MinioAdminException && e.code === "XMinioAdminNoSuchUser") return true;
    throw e;
  },
);
if (!gone) throw new Error(`user ${user} is still there after userRemove`);
console.log(`removed user ${user}`);
console.log(`resolved minio-edge/admin to ${import.meta.resolve("minio-edge/admin")}`);
console.log("admin entry ok");
