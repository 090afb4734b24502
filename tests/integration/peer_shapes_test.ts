// The positional call shapes of minio-js and minio-py that the client takes
// with their meaning, against the real MinIO over HTTP and TLS.
import { deepEqual, equal, match, rejects, test } from "../harness.ts";
import { InvalidArgumentError, Minio } from "../../mod.ts";
import { env, targets, uniqueBucket, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] presignedGetObject(b, o, 3600): an hour's URL that reads the object`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "a.txt", "an hour");
      const url = new URL(await c.presignedGetObject(bucket, "a.txt", 3600));
      equal(url.searchParams.get("X-Amz-Expires"), "3600");
      const res = await fetch(url);
      equal(res.status, 200);
      equal(await res.text(), "an hour");
      const put = await c.presignedPutObject(bucket, "b.txt", 60);
      equal(new URL(put).searchParams.get("X-Amz-Expires"), "60");
      const putRes = await fetch(put, { method: "PUT", body: "via url" });
      await putRes.body?.cancel();
      equal(putRes.status, 200);
      equal(await (await c.getObject(bucket, "b.txt")).text(), "via url");
    });
  });

  test(`[${t.name}] makeBucket(b, region): the request names that region`, async () => {
    const sent: string[] = [];
    const c = new Minio({
      endPoint: env("MINIO_TEST_HOST"),
      port: Number(env(t.name === "tls" ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
      useSSL: t.name === "tls",
      accessKey: env("MINIO_TEST_ACCESS_KEY"),
      secretKey: env("MINIO_TEST_SECRET_KEY"),
      fetch: async (input, init) => {
        if (init?.method === "PUT") {
          sent.push(new TextDecoder().decode(init.body as Uint8Array));
          sent.push(new Headers(init.headers).get("authorization") ?? "");
        }
        return await fetch(input, init);
      },
    });
    const bucket = uniqueBucket("region");
    await c.makeBucket(bucket, "eu-west-1");
    try {
      match(sent[0], /<LocationConstraint>eu-west-1<\/LocationConstraint>/);
      match(sent[1], /\/eu-west-1\/s3\/aws4_request/);
      equal(await c.bucketExists(bucket), true);
      // MinIO serves one region: it makes the bucket and records it in its own.
      equal(await t.client().getBucketLocation(bucket), "us-east-1");
    } finally {
      await c.removeBucket(bucket);
    }
  });

  test(`[${t.name}] putObject with metaData keys is refused; contentType is stored`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await rejects(
        c.putObject(bucket, "m.txt", "x", 1, { "Content-Type": "text/plain" } as never),
        (e: Error) =>
          e instanceof InvalidArgumentError && /did you mean 'contentType'/.test(e.message),
      );
      const listed: string[] = [];
      for await (const o of c.listObjects(bucket, "", true)) listed.push(o.name);
      deepEqual(listed, [], "nothing was written by the refused call");
      await c.putObject(bucket, "m.txt", "x", 1, { contentType: "text/plain" });
      equal((await c.statObject(bucket, "m.txt")).contentType, "text/plain");
    });
  });

  test(`[${t.name}] listObjects(b, prefix, true) lists recursively under the prefix`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const n of ["logs/a/1", "logs/b/2", "logs/c", "other/x"]) {
        await c.putObject(bucket, n, n);
      }
      const deep: string[] = [];
      for await (const o of c.listObjects(bucket, "logs/", true)) deep.push(o.name);
      deepEqual(deep.sort(), ["logs/a/1", "logs/b/2", "logs/c"]);
      const shallow: string[] = [];
      for await (const o of c.listObjects(bucket, "logs/")) shallow.push(o.name);
      deepEqual(shallow.sort(), ["logs/a/", "logs/b/", "logs/c"]);
    });
  });

  test(`[${t.name}] await removeObjects(b, names) removes them (minio-js's call)`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const n of ["r1", "r2", "keep"]) await c.putObject(bucket, n, n);
      deepEqual(await c.removeObjects(bucket, ["r1", "r2"]), []);
      const left: string[] = [];
      for await (const o of c.listObjects(bucket, "", true)) left.push(o.name);
      deepEqual(left, ["keep"]);
    });
  });
}
