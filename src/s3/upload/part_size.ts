/**
 * The part size for an object, chosen as minio-py chooses it: the smallest
 * multiple of 5 MiB that keeps the object within 10,000 parts. The
 * multipart limits of part_limits.ts are exported here too.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { MAX_OBJECT_SIZE, MAX_PART_COUNT, MAX_PART_SIZE, MIN_PART_SIZE } from "./part_limits.ts";

export { MAX_OBJECT_SIZE, MAX_PART_COUNT, MAX_PART_SIZE, MIN_PART_SIZE };

/**
 * Part size for a body of unknown length when none is given: 16 MiB, so a
 * stream may reach 156 GiB while memory stays near 16 MiB x (concurrency + 1).
 */
export const DEFAULT_STREAM_PART_SIZE = 16 * 1024 * 1024;

/**
 * The given part size, or one picked for `size` (undefined: unknown); fails
 * where the object or its part count would break S3's limits. The caller
 * has checked both to be integers (`checkPartSize`, `checkInteger`).
 */
export function choosePartSize(size: number | undefined, partSize?: number): number {
  if (size === undefined) return partSize ?? DEFAULT_STREAM_PART_SIZE;
  if (size > MAX_OBJECT_SIZE) throw new InvalidArgumentError("objects are at most 5 TiB");
  const chosen = partSize ??
    Math.max(1, Math.ceil(size / MAX_PART_COUNT / MIN_PART_SIZE)) * MIN_PART_SIZE;
  if (Math.ceil(size / chosen) > MAX_PART_COUNT) {
    throw new InvalidArgumentError(
      `partSize ${chosen} would split ${size} bytes into more than ${MAX_PART_COUNT} parts`,
    );
  }
  return chosen;
}
