/**
 * Server-side helpers of the browser and edge tests (run by Node with the
 * SDK): digests to compare uploads byte for byte, and bucket cleanup.
 *
 * @module
 */

import { createHash } from "node:crypto";

/** Size and SHA-256 of a stream of byte chunks, read to its end. */
export async function streamDigest(body) {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** Size and SHA-256 of an object, read as a stream. */
export async function objectDigest(client, bucket, name) {
  return await streamDigest((await client.getObject(bucket, name)).body);
}

/** Size and SHA-256 of bytes in memory. */
export const digestOf = (bytes) => ({
  size: bytes.length,
  sha256: createHash("sha256").update(bytes).digest("hex"),
});

/** Removes the bucket with its objects and unfinished uploads. */
export async function removeBucket(client, bucket) {
  for await (const u of client.listIncompleteUploads(bucket, { recursive: true })) {
    await client.removeIncompleteUpload(bucket, u.name);
  }
  for await (const o of client.listObjects(bucket, { recursive: true })) {
    await client.removeObject(bucket, o.name);
  }
  await client.removeBucket(bucket);
}
