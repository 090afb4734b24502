/**
 * Response bodies of Node's transport (src/base/node_https_fetch.ts)
 * decoded as fetch decodes them: a body sent with `Content-Encoding: gzip`,
 * `deflate` or `br` (an object stored with one, say) reaches the reader
 * decompressed, as it does through Node's fetch (undici), and its headers
 * stay as the server sent them. gzip and deflate go through
 * `DecompressionStream`; Node 20's has no Brotli, so `br` goes through
 * `node:zlib`, which the caller passes in (the lookup is made on the first
 * `br` body). Any other coding is passed on as it came, as fetch does.
 *
 * @module
 */

/** The part of `node:zlib` used. */
export interface NodeZlib {
  createBrotliDecompress(): NodeTransform;
}

interface NodeTransform {
  write(chunk: Uint8Array, done: (e?: Error | null) => void): boolean;
  end(): void;
  on(event: "data", f: (chunk: Uint8Array) => void): unknown;
  on(event: "error", f: (e: Error) => void): unknown;
  once(event: "end", f: () => void): unknown;
}

/** The formats of `DecompressionStream` that a Content-Encoding names. */
const DECOMPRESSED: Record<string, CompressionFormat> = {
  gzip: "gzip",
  "x-gzip": "gzip",
  deflate: "deflate",
};

/**
 * A Brotli decoder over `node:zlib` as a web stream: each chunk is written
 * to it and taken as decoded once zlib has processed it (back-pressure), and
 * a body that is not Brotli errors the stream.
 */
function brotliDecoder(zlib: NodeZlib): ReadableWritablePair<Uint8Array, Uint8Array> {
  const z = zlib.createBrotliDecompress();
  let failed: Error | undefined;
  let ended: (() => void) | undefined;
  return new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      z.on("data", (chunk) => c.enqueue(chunk));
      z.on("error", (e) => {
        failed = new TypeError(`the response body could not be decoded (br): ${e.message}`, {
          cause: e,
        });
        c.error(failed);
      });
      z.once("end", () => ended?.());
    },
    transform: (chunk) =>
      new Promise<void>((resolve, reject) =>
        z.write(chunk, (e) => e ? reject(failed ?? e) : resolve())
      ),
    flush: () =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        ended = resolve;
        // The start's handler has set `failed` by then.
        z.on("error", () => reject(failed));
        z.end();
      }),
  });
}

/**
 * `body` decoded as its `content-encoding` header says; `zlib` gives
 * `node:zlib` for a `br` body (undefined: passed on as it came).
 *
 * @example
 * ```ts
 * import { decoded, type NodeZlib } from "./node_decode.ts";
 * const zlib = () => process.getBuiltinModule("node:zlib") as unknown as NodeZlib;
 * const res = await fetch("http://127.0.0.1:9000/photos/page.html.br");
 * const text = await new Response(decoded(res.body!, res.headers, zlib)).text();
 * ```
 */
export function decoded(
  body: ReadableStream<Uint8Array>,
  headers: Headers,
  zlib?: () => NodeZlib | undefined,
): ReadableStream<Uint8Array> {
  const coding = headers.get("content-encoding")?.trim().toLowerCase() ?? "";
  const format = DECOMPRESSED[coding];
  if (format) {
    return body.pipeThrough(
      new DecompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  }
  const z = coding === "br" ? zlib?.() : undefined;
  return z ? body.pipeThrough(brotliDecoder(z)) : body;
}
