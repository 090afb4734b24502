/**
 * A download body that survives a broken connection: when the body of a GET
 * fails part-way, the rest is requested from the byte reached, with a Range
 * and `If-Match` on the first answer's ETag, so bytes of a changed object are
 * never spliced in. A failure that is not resumed is a
 * {@link DownloadInterruptedError}, never the runtime's raw `TypeError`;
 * one that is typed already (the body timeout's) stays as it is when no
 * resume was tried.
 *
 * @module
 */

import { DownloadInterruptedError, S3Error, ServerError } from "../../base/errors.ts";

/** A download, as {@link resumableBody} needs it to ask for the rest. */
export interface DownloadSpec {
  /** Bucket of the object. */
  bucket: string;
  /** Name of the object. */
  object: string;
  /** The byte of the object the body starts at (the range's first, else 0). */
  start: number;
  /** Resumes allowed; 0 turns resuming off. */
  maxResumes: number;
  /** The caller's signal: once it aborts, its reason ends the body, never a resume. */
  signal?: AbortSignal;
  /**
   * Sends the GET for the bytes from `from` to the end of the first
   * request's range, with `If-Match: etag`; rejects on an error answer.
   */
  reopen(from: number, etag: string): Promise<Response>;
}

/** Why a download cannot resume, from its first answer; undefined when it can. */
function notResumable(res: Response, maxResumes: number): string | undefined {
  if (maxResumes === 0) return "resuming is off (maxResumes 0)";
  const etag = res.headers.get("etag");
  if (!etag || etag.startsWith("W/")) return "the server sent no strong ETag to resume by";
  const encoding = res.headers.get("content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") {
    // fetch decodes the body, so its byte count is no offset into the object.
    return `the body is sent with Content-Encoding ${encoding}`;
  }
  return undefined;
}

/** The first byte a `Content-Range: bytes first-last/size` names, or -1. */
function rangeStart(res: Response): number {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers.get("content-range") ?? "");
  return m ? Number(m[1]) : -1;
}

/**
 * `body`, the body of `first` (a successful GET of `spec`), resumed up to
 * `spec.maxResumes` times when it fails or ends short of its Content-Length.
 */
export function resumableBody(
  first: Response,
  body: ReadableStream<Uint8Array>,
  spec: DownloadSpec,
): ReadableStream<Uint8Array> {
  const { bucket, object, signal } = spec;
  const cannot = notResumable(first, spec.maxResumes);
  const etag = first.headers.get("etag") ?? "";
  const length = first.headers.get("content-length");
  const expected = length === null ? undefined : Number(length);
  let reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader();
  let received = 0;
  let resumes = 0;
  let cancelled = false;

  const what = () => `the download of ${bucket}/${object} broke after ${received} bytes`;
  const fail = (message: string, cause: unknown) =>
    new DownloadInterruptedError(message, { bucket, object, bytesRead: received, resumes }, {
      cause,
    });

  /** A reader of the rest after a failure `cause`, or the error that ends the body. */
  async function resume(cause: unknown): Promise<ReadableStreamDefaultReader<Uint8Array>> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    if (cannot) {
      // Already one of ours (a body TimeoutError): with no resume tried, it says it all.
      if (cause instanceof ServerError) throw cause;
      throw fail(`${what()} (${reason}); it cannot resume: ${cannot}`, cause);
    }
    if (resumes >= spec.maxResumes) {
      throw fail(`${what()} (${reason}); gave up after ${resumes} resumes (maxResumes)`, cause);
    }
    resumes++;
    reader.cancel().catch(() => {});
    let res: Response;
    try {
      res = await spec.reopen(spec.start + received, etag);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof S3Error && e.code === "PreconditionFailed") {
        throw fail(
          `${what()}; the object changed since (its ETag no longer matches ${etag}), ` +
            "so the rest was not read",
          e,
        );
      }
      throw fail(`${what()}; the request to resume it failed: ${(e as Error)?.message}`, e);
    }
    const at = spec.start + received;
    if (
      res.status !== 206 || rangeStart(res) !== at || res.headers.get("etag") !== etag || !res.body
    ) {
      await res.body?.cancel();
      throw fail(
        `${what()}; the server answered the resume from byte ${at} with HTTP ${res.status}, ` +
          `Content-Range ${res.headers.get("content-range")}, ETag ${res.headers.get("etag")}`,
        cause,
      );
    }
    // The consumer gave up while the resume was under way.
    if (cancelled) await res.body.cancel();
    return res.body.getReader();
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (cancelled) return;
          if (signal?.aborted) throw signal.reason;
          // Every byte arrived and only the end of the exchange broke.
          if (received === expected) return controller.close();
          reader = await resume(e);
          continue;
        }
        if (cancelled) return;
        if (chunk.done) {
          if (expected === undefined || received >= expected) return controller.close();
          reader = await resume(new Error(`the body ended at ${received} of ${expected} bytes`));
          continue;
        }
        received += chunk.value.length;
        controller.enqueue(chunk.value);
        return;
      }
    },
    cancel(reason) {
      cancelled = true;
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
