/**
 * S3's multipart limits, apart from the part-size rules (part_size.ts) so
 * that an upload can tell a body that is surely one part without loading
 * them.
 *
 * @module
 */

/** Smallest part (all but the last): 5 MiB. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** Largest part: 5 GiB. */
export const MAX_PART_SIZE = 5 * 1024 ** 3;
/** Most parts in one upload. */
export const MAX_PART_COUNT = 10_000;
/** Largest object: 5 TiB. */
export const MAX_OBJECT_SIZE = 5 * 1024 ** 4;
