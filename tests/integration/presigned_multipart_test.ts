// Presigned multipart uploads against the real MinIO, over HTTP and TLS:
// the server side with our client, the part uploads with
// uploadWithPresignedUrls on this runtime's fetch (tests/browser runs the
// same in Chromium, over XMLHttpRequest).
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { S3Error, uploadWithPresignedUrls } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const MiB = 1024 * 1024;
// Compared by digest: workerd's node:assert takes ~20 s over 11 MiB of bytes.
const digest = (b: Uint8Array) => bytesToHex(sha256(b));

for (const t of targets) {
  test(`[${t.name}] presigned multipart: upload, interrupt, list, resume with fresh URLs, complete`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(11 * MiB + 3, 17);
      const blob = new Blob([data]);
      const plan = await c.createPresignedMultipartUpload(bucket, "big/file.bin", data.length, {
        contentType: "application/x-test",
        metadata: { origin: "browser" },
        expires: 600,
      });
      equal(plan.parts.length, 3);

      // The first session stores part 2 only, then "the tab closes"; the
      // ETags it is given for parts 1 and 3 only stand in for its siblings.
      await uploadWithPresignedUrls(blob, { ...plan, parts: [plan.parts[1]] }, {
        uploadedParts: [{ partNumber: 1, etag: "x" }, { partNumber: 3, etag: "x" }],
      });

      const listed = await c.listUploadedParts(bucket, "big/file.bin", plan.uploadId);
      deepEqual(listed.map((p) => [p.partNumber, p.size]), [[2, 5 * MiB]]);

      const fresh = await c.presignedUploadParts(
        bucket,
        "big/file.bin",
        plan.uploadId,
        data.length,
        {
          partSize: plan.partSize,
          partNumbers: [1, 3],
          expires: 600,
        },
      );
      const sent: number[] = [];
      const progress: number[] = [];
      const parts = await uploadWithPresignedUrls(blob, fresh, {
        uploadedParts: listed,
        onPartUploaded: (p) => sent.push(p.partNumber),
        onProgress: (p) => progress.push(p.loaded),
      });
      deepEqual(sent.sort(), [1, 3]);
      equal(progress[0], 5 * MiB);
      equal(progress.at(-1), data.length);
      deepEqual(parts.map((p) => p.partNumber), [1, 2, 3]);

      const done = await c.completeMultipartUpload(bucket, "big/file.bin", plan.uploadId, parts);
      ok(done.etag.endsWith("-3"), done.etag);
      const st = await c.statObject(bucket, "big/file.bin");
      equal(st.size, data.length);
      equal(st.contentType, "application/x-test");
      equal(st.metadata.origin, "browser");
      equal(digest(await (await c.getObject(bucket, "big/file.bin")).bytes()), digest(data));
    });
  });

  test(`[${t.name}] presigned multipart: an empty file; abort discards the upload`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const empty = await c.createPresignedMultipartUpload(bucket, "empty", 0);
      const parts = await uploadWithPresignedUrls(new Blob([]), empty);
      await c.completeMultipartUpload(bucket, "empty", empty.uploadId, parts);
      equal((await c.statObject(bucket, "empty")).size, 0);

      const plan = await c.createPresignedMultipartUpload(bucket, "dropped", 6 * MiB);
      await uploadWithPresignedUrls(new Blob([bytesOf(6 * MiB)]), {
        ...plan,
        parts: [plan.parts[0]],
      }, {
        uploadedParts: [{ partNumber: 2, etag: "unused" }],
      });
      await c.abortMultipartUpload(bucket, "dropped", plan.uploadId);
      await rejects(
        c.listUploadedParts(bucket, "dropped", plan.uploadId),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchUpload",
      );
      await rejects(
        c.completeMultipartUpload(bucket, "dropped", plan.uploadId, [{ partNumber: 1, etag: "e" }]),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchUpload",
      );
    });
  });
}
