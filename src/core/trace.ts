/**
 * `traceOn` / `traceOff`: each attempt of each request, and its answer,
 * handed to a sink with every secret redacted (see trace_format.ts).
 *
 * @module
 */

import type { MinioCore } from "./core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { setLayers } from "./fetch_layers.ts";
import type { TraceSink } from "./trace_format.ts";

/**
 * Traces every attempt of every request from now on (minio-py `trace_on`):
 * method, URL, request headers, then the answer's status and headers, or
 * why no answer came. The Authorization signature, the session token,
 * SSE-C keys, cookies and a presigned URL's signature are redacted; bodies
 * are not traced. `sink` is a function given each {@link TraceEntry}, or an
 * object whose `write` is given its text (`process.stdout`). It is called
 * once the answer's headers came; like an event listener's, what it throws
 * is reported as an uncaught error and does not fail the request.
 *
 * @example
 * ```ts
 * client.traceOn((entry) => console.log(entry.method, entry.url, entry.status));
 * await client.listBuckets();
 * client.traceOff();
 * ```
 */
export function traceOn(core: MinioCore, sink: TraceSink): void {
  const ok = typeof sink === "function" ||
    (sink !== null && typeof sink === "object" && typeof sink.write === "function");
  if (!ok) {
    throw new InvalidArgumentError(
      `trace sink must be a function or an object with a write(text) method (got ${
        sink === null ? "null" : typeof sink
      })`,
    );
  }
  setLayers(core, { sink });
}

/**
 * Stops tracing (minio-py `trace_off`).
 *
 * @example
 * ```ts
 * client.traceOff();
 * ```
 */
export function traceOff(core: MinioCore): void {
  setLayers(core, { sink: undefined });
}
