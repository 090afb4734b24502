// appendObject against the real community MinIO, over HTTP and TLS: the server
// routes any PUT with x-amz-write-offset-bytes to its "unsupported API" answer
// (400 BadRequest), and the object is left as it was.
import { equal, rejects, test } from "../harness.ts";
import { S3Error } from "../../mod.ts";
import { targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] appendObject: MinIO refuses with S3Error BadRequest; the object is unchanged`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "log.txt", "line 1\n");
      await rejects(
        c.appendObject(bucket, "log.txt", "line 2\n"),
        (e: unknown) =>
          e instanceof S3Error && e.code === "BadRequest" && e.status === 400 &&
          e.message.includes("An unsupported API call for method: PUT") &&
          e.object === "log.txt",
      );
      const st = await c.statObject(bucket, "log.txt");
      equal(st.etag, w.etag);
      equal(await (await c.getObject(bucket, "log.txt")).text(), "line 1\n");
      // Appending needs the object's size first: a missing object fails at the HEAD.
      await rejects(
        c.appendObject(bucket, "missing.txt", "x"),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchKey" && e.status === 404,
      );
    });
  });
}
