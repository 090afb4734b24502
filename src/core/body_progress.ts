/**
 * Reporting upload progress while a request body is sent. fetch has no
 * upload events, so the body goes out as a stream with a fixed length and
 * bytes count as the HTTP stack pulls them. That needs a fetch that honours
 * Content-Length on a stream body: Node and Bun do, workerd does through its
 * `FixedLengthStream`; Deno and browsers send streams chunked (S3 answers
 * 411), so there progress is reported once the request is done.
 *
 * @module
 */

const CHUNK = 1024 * 1024;

interface FixedLengthStreamCtor {
  new (
    length: number,
  ): { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
}

type Mode = "node" | "workerd" | "none";

function detect(): Mode {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.FixedLengthStream === "function") return "workerd";
  if (g.Deno) return "none";
  const versions = (g.process as { versions?: Record<string, string> } | undefined)?.versions;
  return versions?.node || versions?.bun ? "node" : "none";
}

let mode: Mode | undefined;

/**
 * A body that calls `onBytes(n)` as each chunk is taken, with the
 * `RequestInit` fields it needs; `undefined` where the runtime cannot send a
 * fixed-length stream.
 */
export function progressBody(
  bytes: Uint8Array,
  onBytes: (n: number) => void,
): { body: ReadableStream<Uint8Array>; duplex: "half" } | undefined {
  mode ??= detect();
  if (mode === "none" || bytes.length === 0) return undefined;
  let offset = 0;
  const counted = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const chunk = bytes.subarray(offset, offset + CHUNK);
      offset += chunk.length;
      controller.enqueue(chunk);
      onBytes(chunk.length);
    },
  }, { highWaterMark: 0 });
  if (mode === "node") return { body: counted, duplex: "half" };
  const Fixed = (globalThis as unknown as { FixedLengthStream: FixedLengthStreamCtor })
    .FixedLengthStream;
  const fixed = new Fixed(bytes.length);
  counted.pipeTo(fixed.writable).catch(() => {});
  return { body: fixed.readable, duplex: "half" };
}
