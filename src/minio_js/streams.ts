/**
 * The streams minio-js hands out: a Node `Readable` where the runtime has
 * `node:stream` (Node, Bun and Deno, reached lazily through
 * `process.getBuiltinModule` so no bundle names it), else a web
 * `ReadableStream` (Workers, browsers).
 *
 * @module
 */

/**
 * The part of a Node `Readable` this adapter's callers use: what
 * `listObjects` and `getObject` return on Node, Bun and Deno.
 *
 * @example
 * ```ts
 * import { Client, type NodeReadable } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const stream = (await client.getObject("photos", "a.txt")) as NodeReadable;
 * stream.on("data", (chunk) => console.log(chunk)).on("end", () => console.log("done"));
 * ```
 */
export interface NodeReadable extends AsyncIterable<unknown> {
  /** Adds an event listener (`data`, `end`, `error`). */
  on(event: string, listener: (...args: unknown[]) => void): this;
  /** Pipes into a writable. */
  pipe<W>(destination: W): W;
}

interface NodeStreamModule {
  Readable: {
    from(source: AsyncIterable<unknown>, options?: { objectMode?: boolean }): NodeReadable;
    fromWeb(source: ReadableStream<Uint8Array>): NodeReadable;
  };
}

/** `node:stream`, where the runtime has it. */
function nodeStream(): NodeStreamModule | undefined {
  const g = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  return g.process?.getBuiltinModule?.("node:stream") as NodeStreamModule | undefined;
}

/** A stream of the objects `source` yields (an object-mode `Readable` on Node, Bun and Deno). */
export function objectStream<T>(
  source: AsyncGenerator<T, void, undefined>,
): NodeReadable | ReadableStream<T> {
  const node = nodeStream();
  if (node) return node.Readable.from(source, { objectMode: true });
  return new ReadableStream<T>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return();
    },
  });
}

/** `body` as a Node `Readable` where the runtime has one, else as it is. */
export function byteStream(
  body: ReadableStream<Uint8Array>,
): NodeReadable | ReadableStream<Uint8Array> {
  const node = nodeStream();
  return node ? node.Readable.fromWeb(body) : body;
}
