/**
 * Upload bodies in S3's aws-chunked encoding, for a fetch that holds copies
 * of a byte body while it sends it and drops the Content-Length of a stream
 * body: Deno 2 (bench/deno_body_copy.ts: a 16 MiB `Uint8Array` body costs
 * about 56 MiB of RSS while it is sent, a stream of views of it none). The
 * body (of 64 KiB or more: src/core/core.ts sends a smaller one as bytes)
 * goes out as a stream of 1 MiB views of the caller's bytes over HTTP
 * chunked transfer, and `x-amz-decoded-content-length` gives the server its
 * length. MinIO takes that; AWS S3 answers 501 to chunked transfer, and the
 * core then sends the bytes as before (src/core/core.ts).
 *
 * - Over plain HTTP, where a payload is signed: STREAMING-AWS4-HMAC-SHA256-PAYLOAD,
 *   each chunk signed after the request's own signature (as minio-go does).
 * - Over TLS, where it is not: STREAMING-UNSIGNED-PAYLOAD-TRAILER with a
 *   CRC32 trailer (S3 asks for one, and MinIO refuses `0\r\n\r\n`, the end
 *   without a trailer).
 *
 * @module
 */

import { sha256Hex } from "../crypto/hash.ts";
import { crc32 } from "../crypto/crc32.ts";
import { bytesToBase64 } from "../crypto/base64.ts";
import { EMPTY_SHA256 } from "../signer/sigv4.ts";
import { signWithScope } from "../signer/signing_key.ts";

/** The payload hash of a body whose chunks are signed. */
export const STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
/** The payload hash of an unsigned chunked body with a trailer. */
export const STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
const CHUNK = 1024 * 1024;

type Crc32 = (bytes: Uint8Array, seed: number) => number;
let crc32Fn: Crc32 | undefined;

/**
 * Deno's native CRC32 (node:zlib, reached through `process.getBuiltinModule`;
 * 1-2 GB/s here against ~200 MB/s for ours, for ~20 ms of loading once),
 * else ours.
 */
function nativeCrc32(): Crc32 {
  const g = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const zlib = g.process?.getBuiltinModule?.("node:zlib") as { crc32?: Crc32 } | undefined;
  return zlib?.crc32 ?? crc32;
}
const CRLF = new Uint8Array([13, 10]);
const enc = new TextEncoder();

/**
 * The headers of an aws-chunked body of `length` decoded bytes; a caller's
 * Content-Encoding stays after `aws-chunked`.
 */
export function awsChunkedHeaders(
  length: number,
  signed: boolean,
  contentEncoding?: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    "content-encoding": contentEncoding ? `aws-chunked,${contentEncoding}` : "aws-chunked",
    "x-amz-decoded-content-length": String(length),
  };
  if (!signed) headers["x-amz-trailer"] = "x-amz-checksum-crc32";
  return headers;
}

/**
 * Signs one chunk: the hex SHA-256 of its bytes and the previous signature
 * (the request's own for the first chunk) in, the chunk's signature out.
 */
export type ChunkSigner = (chunkSha256: string, previous: string) => string;

/**
 * The chunk signer of a request signed at `xAmzDate` for `region` (service
 * s3): HMAC of the chunk's string to sign under the day's signing key.
 */
export function chunkSigner(secretKey: string, xAmzDate: string, region: string): ChunkSigner {
  const day = xAmzDate.slice(0, 8);
  const prefix = "AWS4-HMAC-SHA256-PAYLOAD\n" + xAmzDate + "\n" + day + "/" + region +
    "/s3/aws4_request\n";
  return (hash, previous) =>
    signWithScope(
      secretKey,
      day,
      region,
      "s3",
      prefix + previous + "\n" + EMPTY_SHA256 + "\n" + hash,
    );
}

/** How {@link awsChunkedBody} frames a body. */
export interface AwsChunkedOptions {
  /** Hears of each chunk's decoded length as the HTTP stack takes it. */
  onBytes?: (n: number) => void;
  /** Signs each chunk after `seed`, the request's own signature; without, a CRC32 trailer. */
  signer?: { seed: string; sign: ChunkSigner };
  /** Decoded bytes per chunk (default 1 MiB; MinIO takes up to 16 MiB). */
  chunkSize?: number;
}

/** `bytes` as an aws-chunked stream of views of it (no copy). */
export function awsChunkedBody(
  bytes: Uint8Array,
  { onBytes, signer, chunkSize = CHUNK }: AwsChunkedOptions = {},
): ReadableStream<Uint8Array> {
  let off = 0;
  let crc = 0;
  let previous = signer?.seed ?? "";
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      if (done) return c.close();
      if (off < bytes.length) {
        const view = bytes.subarray(off, off + chunkSize);
        off += view.length;
        let head = view.length.toString(16);
        if (signer) {
          previous = signer.sign(await sha256Hex(view), previous);
          head += `;chunk-signature=${previous}`;
        } else {
          crc = (crc32Fn ??= nativeCrc32())(view, crc);
        }
        c.enqueue(enc.encode(head + "\r\n"));
        c.enqueue(view);
        c.enqueue(CRLF);
        onBytes?.(view.length);
        return;
      }
      done = true;
      if (signer) {
        previous = signer.sign(EMPTY_SHA256, previous);
        c.enqueue(enc.encode(`0;chunk-signature=${previous}\r\n\r\n`));
        return;
      }
      const sum = new Uint8Array([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
      c.enqueue(enc.encode(`0\r\nx-amz-checksum-crc32:${bytesToBase64(sum)}\r\n\r\n`));
    },
  }, { highWaterMark: 0 });
}
