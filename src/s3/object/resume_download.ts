/**
 * The resume of a broken download, loaded when a body first fails: the
 * checks that the first answer can be resumed, the Range + `If-Match`
 * request for the rest and the checks of its answer, and the
 * {@link DownloadInterruptedError} that ends a body not resumed.
 *
 * @module
 */

import { S3Error } from "../../base/errors.ts";
import { TimeoutError } from "../../base/timeout_error.ts";
import { DownloadInterruptedError } from "../../base/download_error.ts";
import type { MinioCore, RequestOptions } from "../../core/core.ts";
import type { BodyState } from "../../core/timeout.ts";
import type { QueryParam } from "../../signer/encode.ts";

/** A download, as the resume needs it to ask for the rest. */
export interface DownloadSpec {
  /** The client that sent the first GET. */
  core: MinioCore;
  /** Bucket of the object. */
  bucket: string;
  /** Name of the object. */
  object: string;
  /** The query of the first GET. */
  query: QueryParam[];
  /** The headers of the first GET (range and conditions). */
  headers: Record<string, string>;
  /**
   * The call's options: `offset` and `length` give the range, `maxResumes`
   * the resumes allowed (the client's without it; 0 turns resuming off),
   * and once `signal` aborts, its reason ends the body, never a resume.
   */
  options: RequestOptions & { offset?: number; length?: number; maxResumes?: number };
}

/** The GET of the bytes from `from` to the end of the first request's range, with `If-Match`. */
function reopen(spec: DownloadSpec, from: number, etag: string): Promise<Response> {
  const { offset, length } = spec.options;
  const end = length ? String((offset ?? 0) + length - 1) : "";
  // The rest of the same range of the same object; the first answer met the
  // other conditions, and If-Match holds the object to it.
  const { range: _, ...kept } = spec.headers;
  for (const k of ["if-none-match", "if-modified-since", "if-unmodified-since"]) delete kept[k];
  return spec.core.request({
    method: "GET",
    bucket: spec.bucket,
    object: spec.object,
    query: spec.query,
    headers: { ...kept, range: `bytes=${from}-${end}`, "if-match": etag },
    options: spec.options,
  });
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
 * A reader of the rest of the download of `first` (a successful GET of
 * `spec`) after a failure `cause`, or the error that ends the body: up to
 * `maxResumes` resumes, counted in `state`.
 */
export async function resumeDownload(
  first: Response,
  spec: DownloadSpec,
  state: BodyState,
  cause: unknown,
): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const { bucket, object, options: { signal } } = spec;
  const maxResumes = spec.options.maxResumes ?? spec.core.maxResumes;
  const start = spec.options.offset ?? 0;
  const cannot = notResumable(first, maxResumes);
  const etag = first.headers.get("etag") ?? "";
  const what = () => `the download of ${bucket}/${object} broke after ${state.received} bytes`;
  const fail = (message: string, cause: unknown) =>
    new DownloadInterruptedError(
      message,
      { bucket, object, bytesRead: state.received, resumes: state.resumes },
      { cause },
    );
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (cannot) {
    // A body TimeoutError: with no resume tried, it says it all.
    if (cause instanceof TimeoutError) throw cause;
    throw fail(`${what()} (${reason}); it cannot resume: ${cannot}`, cause);
  }
  if (state.resumes >= maxResumes) {
    throw fail(`${what()} (${reason}); gave up after ${state.resumes} resumes (maxResumes)`, cause);
  }
  state.resumes++;
  state.reader.cancel().catch(() => {});
  let res: Response;
  try {
    res = await reopen(spec, start + state.received, etag);
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
  const at = start + state.received;
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
  if (state.cancelled) await res.body.cancel();
  return res.body.getReader();
}
