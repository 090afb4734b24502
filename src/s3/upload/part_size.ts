/**
 * The part size for an object. On Deno, Bun and Node it is minio-go's and
 * mc's: at least 16 MiB, a multiple of 16 MiB large enough that 10,000
 * parts cover the object (fewer, larger parts: less per-part work on the
 * server). On Workers and browsers, whose memory is capped (a Worker has
 * 128 MB per isolate), it is at least 5 MiB, a multiple of 5 MiB on the
 * same rule: at the default 4 parts in flight the part buffers
 * (concurrency + 1 of them) then take 25 MiB for any object up to 48.8 GiB.
 * The multipart limits of part_limits.ts are exported here too.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { MAX_OBJECT_SIZE, MAX_PART_COUNT, MAX_PART_SIZE, MIN_PART_SIZE } from "./part_limits.ts";

export { MAX_OBJECT_SIZE, MAX_PART_COUNT, MAX_PART_SIZE, MIN_PART_SIZE };

/** Smallest default part on Deno, Bun and Node: 16 MiB, as minio-go and mc. */
export const SERVER_PART_SIZE = 16 * 1024 * 1024;

/** Smallest default part on Workers and browsers: 5 MiB, S3's minimum. */
export const CAPPED_PART_SIZE = MIN_PART_SIZE;

interface RuntimeGlobals {
  Deno?: unknown;
  Bun?: unknown;
  process?: { versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

/**
 * Whether this runtime's memory is capped: a Cloudflare Worker (even with
 * `nodejs_compat`, which gives it a `process`), a browser, anything that is
 * not Deno, Bun or Node.
 */
export function isMemoryCapped(g: RuntimeGlobals = globalThis as RuntimeGlobals): boolean {
  if (g.navigator?.userAgent === "Cloudflare-Workers") return true;
  return !(g.Deno || g.Bun || g.process?.versions?.node);
}

/**
 * The default part size for an object of `size` bytes (undefined: unknown,
 * then the smallest part, so a stream reaches 10,000 x that: 156 GiB on
 * Deno, Bun and Node, 48.8 GiB on Workers and browsers).
 */
export function defaultPartSize(size: number | undefined, capped = isMemoryCapped()): number {
  const unit = capped ? CAPPED_PART_SIZE : SERVER_PART_SIZE;
  if (size === undefined) return unit;
  return Math.max(1, Math.ceil(size / MAX_PART_COUNT / unit)) * unit;
}

/**
 * The given part size, or the default for `size` (undefined: unknown);
 * fails where the object or its part count would break S3's limits. The
 * caller has checked both to be integers (`checkPartSize`, `checkInteger`).
 * `capped` picks the Workers and browsers rule whatever runs this (for
 * presigned parts, which a browser uploads).
 */
export function choosePartSize(
  size: number | undefined,
  partSize?: number,
  capped?: boolean,
): number {
  if (size === undefined) return partSize ?? defaultPartSize(undefined, capped);
  if (size > MAX_OBJECT_SIZE) throw new InvalidArgumentError("objects are at most 5 TiB");
  const chosen = partSize ?? defaultPartSize(size, capped);
  if (Math.ceil(size / chosen) > MAX_PART_COUNT) {
    throw new InvalidArgumentError(
      `partSize ${chosen} would split ${size} bytes into more than ${MAX_PART_COUNT} parts`,
    );
  }
  return chosen;
}
