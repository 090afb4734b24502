/**
 * A mistake as a new user makes it, left uncaught: `listObjects` with a
 * bucket name too short. Copied into the scratch projects of
 * tests/package/npm_package_test.mjs, which run it with Node, Deno and Bun
 * and check what the runtime prints: the error's name and message after a
 * short source line of the throw site, not kilobytes of minified code. No
 * request is sent (the name is refused first), so no server is needed.
 */
import { Minio } from "minio-edge";

const client = new Minio({
  endPoint: "127.0.0.1",
  port: 9000,
  useSSL: false,
  accessKey: "minioadmin",
  secretKey: "minioadmin",
});
for await (const o of client.listObjects("b")) console.log(o.name);
