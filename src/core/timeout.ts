/**
 * Deadlines of one request, apart from the caller's AbortSignal: how long
 * to wait for the response headers, and how long a response body may send
 * nothing while it is read. A deadline that passes aborts the fetch with a
 * {@link TimeoutError}; an abort of the caller's signal still surfaces as
 * its own reason.
 *
 * @module
 */

import { linkedController } from "../base/abort.ts";
import { ServerError } from "../base/errors.ts";
import { TimeoutError } from "../base/timeout_error.ts";

/** The two deadlines in milliseconds; 0 turns one off. */
export interface Timeouts {
  /** Until the response headers, counted from when the request is sent. */
  headersMs: number;
  /** Longest wait for the next bytes of a response body being read. */
  bodyMs: number;
}

/**
 * 60 s each: minio-go waits a minute for response headers (Go's
 * `ResponseHeaderTimeout`, counted once the body is written) and MinIO
 * sends bytes at least every few seconds while it works on a long answer
 * (whitespace in CompleteMultipartUpload, continuation messages in Select).
 */
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { headersMs: 60_000, bodyMs: 60_000 };

/**
 * fetch does not tell when a request body has gone out, so the headers
 * deadline grows with the body at this floor rate: a 16 MiB part gets 256 s
 * more, a stalled server answering a tiny request is given up on after
 * `headersMs`.
 */
export const SEND_FLOOR_BYTES_PER_SECOND = 64 * 1024;

/** The headers deadline of a request with a body of `bodyLength` bytes. */
export function headersDeadline(headersMs: number, bodyLength: number): number {
  if (!headersMs) return 0;
  return headersMs + Math.floor((bodyLength / SEND_FLOOR_BYTES_PER_SECOND) * 1000);
}

/**
 * Where a response body stands, shared with its {@link BodyResume}.
 *
 * @example
 * ```ts
 * import type { BodyState } from "@minio-edge/minio";
 * const describe = (s: BodyState) => `${s.received} bytes after ${s.resumes} resumes`;
 * ```
 */
export interface BodyState {
  /** The reader of the current answer's body. */
  reader: ReadableStreamDefaultReader<Uint8Array>;
  /** Bytes passed on so far. */
  received: number;
  /** Resumes made so far (counted by the resume). */
  resumes: number;
  /** Whether the consumer cancelled the body. */
  cancelled: boolean;
}

/**
 * Continues a body that broke or stalled (`cause`), or ended short of its
 * Content-Length: a reader of the rest, or a throw whose error ends the
 * body. A download's resume (src/s3/object/resume_download.ts) is one.
 *
 * @example
 * ```ts
 * import { type BodyResume, MinioCore } from "@minio-edge/minio";
 * const core = new MinioCore({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * // A body that breaks is not resumed: its error ends the stream.
 * const noResume: BodyResume = (_state, cause) => Promise.reject(cause);
 * const res = await core.request({ method: "GET", bucket: "photos", object: "a.jpg", resumeBody: noResume });
 * ```
 */
export type BodyResume = (
  state: BodyState,
  cause: unknown,
) => Promise<ReadableStreamDefaultReader<Uint8Array>>;

/**
 * Calls `fetchFn` with both deadlines. Rejects with a {@link TimeoutError}
 * when the headers do not arrive within `headersMs`; the body of the
 * response it returns errors with one when a read waits `bodyMs` for bytes.
 * `init.signal` (the caller's) still aborts the request and its body. A
 * body whose connection breaks part-way errors with a `ServerError` (status
 * 0), never the runtime's own error (undici's `TypeError: terminated`,
 * Deno's "error reading a body from connection"). With `resume`, a body
 * that breaks, stalls or ends short is handed to it instead, in the same
 * stream: a download needs no second wrapper (on Node each web stream and
 * Response costs as much as signing the request).
 */
export async function timedFetch(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  headersMs: number,
  bodyMs: number,
  resume?: BodyResume,
): Promise<Response> {
  const controller = linkedController(init.signal ?? undefined);
  let timedOut: TimeoutError | undefined;
  const timer = headersMs
    ? setTimeout(() => {
      timedOut = new TimeoutError("headers", headersMs);
      controller.abort(timedOut);
    }, headersMs)
    : undefined;
  let res: Response;
  try {
    // With both deadlines off the fetch keeps the caller's own signal.
    res = await fetchFn(url, headersMs || bodyMs ? { ...init, signal: controller.signal } : init);
  } catch (e) {
    controller.dispose();
    throw timedOut ?? e;
  } finally {
    clearTimeout(timer);
  }
  if (!res.body) {
    controller.dispose();
    return res;
  }
  const length = res.headers.get("content-length");
  if (length === "0") {
    // Most writes answer with no body (PUT, DELETE, tagging): nothing to time or
    // type, so no wrapper stream. The runtime's empty one is read to its end
    // here: cancelling it would abort the request (undici makes an AbortError).
    controller.dispose();
    await res.arrayBuffer();
    return new Response(null, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  }
  // fetch decodes a body sent with a Content-Encoding: its length then says
  // nothing of how many bytes the reader gets.
  const encoding = res.headers.get("content-encoding");
  const counted = length !== null && (!encoding || encoding.toLowerCase() === "identity");
  // Also without a body timeout: the stream types a broken body's error and
  // unlinks the caller's signal once the body is done.
  const body = guardedBody(res.body, bodyMs, controller, {
    signal: init.signal ?? undefined,
    expected: counted ? Number(length) : undefined,
    resume,
  });
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}

/**
 * The broken-connection error of a body read; a typed one (a resumed body's
 * own timeout or broken connection) stays as it is.
 */
function brokenBody(e: unknown): ServerError | TimeoutError {
  if (e instanceof ServerError || e instanceof TimeoutError) return e;
  return new ServerError(
    `the connection broke while the response body was read: ${(e as Error)?.message ?? e}`,
    0,
    { cause: e },
  );
}

/**
 * `body` as a stream whose read fails with a {@link TimeoutError} after
 * `ms` without bytes (never with `ms` 0), whose broken connection is a
 * `ServerError` (status 0, the runtime's error as its cause), and that
 * unlinks `controller` from the caller's signal once it ends. Only a
 * pending read counts: a consumer that reads slowly never times out. One
 * timer per stall, not per chunk: it is re-armed for the time left when it
 * fires early. With `resume`, a failure, a stall or a short end goes to it
 * instead (unless the caller's `signal` aborted, or every byte arrived), and
 * the rest is read from the reader it gives, whose own request times itself.
 */
function guardedBody(
  body: ReadableStream<Uint8Array>,
  ms: number,
  controller: AbortController & { dispose(): void },
  { signal, expected, resume }: {
    signal?: AbortSignal;
    expected?: number;
    resume?: BodyResume;
  },
): ReadableStream<Uint8Array> {
  const state: BodyState = { reader: body.getReader(), received: 0, resumes: 0, cancelled: false };
  let waitingSince = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  // Set once a resume took over: this attempt's deadlines and signal link are done.
  let handedOver = false;
  // A body timeout that a resume is to continue from.
  let stalled: TimeoutError | undefined;
  let out!: ReadableStreamDefaultController<Uint8Array>;
  const unlink = () => {
    clearTimeout(timer);
    timer = undefined;
    controller.signal.removeEventListener("abort", onAbort);
    controller.dispose();
  };
  const finish = () => {
    finished = true;
    unlink();
  };
  // An abort (the caller's, or a timeout) ends the stream itself, whatever the fetch does with its body.
  const onAbort = () => {
    if (finished) return;
    const reason = controller.signal.reason;
    if (resume && reason instanceof TimeoutError && !signal?.aborted) {
      // The pending read ends (cancelled), and pull hands the stall to the resume.
      stalled = reason;
      state.reader.cancel(reason).catch(() => {});
      return;
    }
    finish();
    out.error(reason);
    state.reader.cancel(reason).catch(() => {});
  };
  const check = () => {
    timer = undefined;
    if (finished || handedOver || !waitingSince) return;
    const left = waitingSince + ms - Date.now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    // Closes the connection and, through onAbort, fails the pending read.
    controller.abort(new TimeoutError("body", ms));
  };
  /** Hands a failure to the resume: the rest comes from the reader it gives. */
  const resumeFrom = async (cause: unknown) => {
    try {
      if (signal?.aborted) throw signal.reason;
      if (!handedOver) {
        handedOver = true;
        unlink();
      }
      state.reader = await resume!(state, cause);
    } catch (e) {
      finish();
      throw e;
    }
  };
  return new ReadableStream<Uint8Array>({
    start(c) {
      out = c;
      controller.signal.addEventListener("abort", onAbort, { once: true });
    },
    async pull(c) {
      for (;;) {
        if (ms && !handedOver) {
          waitingSince = Date.now();
          timer ??= setTimeout(check, ms);
        }
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await state.reader.read();
        } catch (e) {
          waitingSince = 0;
          if (finished || state.cancelled) return;
          const error = stalled ?? brokenBody(e);
          stalled = undefined;
          if (!resume) {
            finish();
            throw error;
          }
          // Every byte arrived and only the end of the exchange broke.
          if (state.received === expected) {
            finish();
            return c.close();
          }
          await resumeFrom(error);
          continue;
        }
        waitingSince = 0;
        if (finished || state.cancelled) return;
        if (chunk.done) {
          if (stalled) {
            const cause = stalled;
            stalled = undefined;
            await resumeFrom(cause);
            continue;
          }
          if (resume && expected !== undefined && state.received < expected) {
            await resumeFrom(new Error(`the body ended at ${state.received} of ${expected} bytes`));
            continue;
          }
          finish();
          return c.close();
        }
        state.received += chunk.value.length;
        c.enqueue(chunk.value);
        return;
      }
    },
    cancel(reason) {
      state.cancelled = true;
      finish();
      return state.reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
