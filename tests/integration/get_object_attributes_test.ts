// getObjectAttributes against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { S3Error } from "../../mod.ts";
import { checksumBase64 } from "../../src/crypto/checksum_compute.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;

for (const t of targets) {
  test(`[${t.name}] getObjectAttributes of a multipart object: size, ETag, parts by page`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "big.bin", bytesOf(11 * MiB, 5), undefined, {
        partSize: 5 * MiB,
      });
      const a = await c.getObjectAttributes(bucket, "big.bin");
      equal(a.etag, w.etag);
      equal(a.objectSize, 11 * MiB);
      equal(a.storageClass, "STANDARD");
      equal(a.objectParts?.partsCount, 3);
      equal(a.objectParts?.isTruncated, false);
      deepEqual(a.objectParts?.parts.map((p) => [p.partNumber, p.size]), [
        [1, 5 * MiB],
        [2, 5 * MiB],
        [3, 1 * MiB],
      ]);
      const page1 = await c.getObjectAttributes(bucket, "big.bin", { maxParts: 2 });
      equal(page1.objectParts?.isTruncated, true);
      equal(page1.objectParts?.maxParts, 2);
      equal(page1.objectParts?.nextPartNumberMarker, 2);
      deepEqual(page1.objectParts?.parts.map((p) => p.partNumber), [1, 2]);
      const page2 = await c.getObjectAttributes(bucket, "big.bin", {
        maxParts: 2,
        partNumberMarker: page1.objectParts!.nextPartNumberMarker,
      });
      equal(page2.objectParts?.isTruncated, false);
      equal(page2.objectParts?.partNumberMarker, 2);
      deepEqual(page2.objectParts?.parts, [{ partNumber: 3, size: MiB, checksum: {} }]);
    });
  });

  test(`[${t.name}] getObjectAttributes of a small object and of a missing one`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "s.txt", "hello");
      const a = await c.getObjectAttributes(bucket, "s.txt");
      equal(a.etag, w.etag);
      equal(a.objectSize, 5);
      equal(a.name, "s.txt");
      equal(a.lastModified instanceof Date, true);
      await rejects(
        c.getObjectAttributes(bucket, "missing"),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchKey" && e.status === 404,
      );
    });
  });

  test(`[${t.name}] getObjectAttributes reports the checksums of the object and its parts`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(11 * MiB, 9);
      await c.putObject(bucket, "crc.bin", data, undefined, {
        checksum: "CRC32",
        partSize: 5 * MiB,
      });
      const a = await c.getObjectAttributes(bucket, "crc.bin");
      equal(a.checksumType, "COMPOSITE");
      equal(typeof a.checksum.CRC32, "string");
      deepEqual(
        a.objectParts?.parts.map((p) => p.checksum),
        await Promise.all([0, 1, 2].map(async (i) => ({
          CRC32: await checksumBase64("CRC32", data.subarray(i * 5 * MiB, (i + 1) * 5 * MiB)),
        }))),
      );
      await c.putObject(bucket, "sha.txt", "abc", undefined, { checksum: "SHA256" });
      const s = await c.getObjectAttributes(bucket, "sha.txt");
      equal(s.checksumType, "FULL_OBJECT");
      deepEqual(s.checksum, { SHA256: "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=" });
    });
  });
}
