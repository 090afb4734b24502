/**
 * The browser side of a presigned multipart upload: uploads a `File` or
 * `Blob` to the part URLs a server presigned (`createPresignedMultipartUpload`),
 * several parts at a time, with progress, cancellation, retries and resume.
 * It holds no credentials and sends nothing but the parts: the server
 * completes (or aborts) the upload with the ETags this returns.
 *
 * @module
 */

import { InvalidArgumentError, InvalidResponseError } from "../base/errors.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { errorFromResponse } from "../core/parse_error.ts";
import { fetchOnce, withRetry } from "../base/retry.ts";
import { linkedController } from "../base/abort.ts";
import { runPool } from "../base/pool.ts";
import type { CompletedPart, PresignedMultipartUpload } from "../s3/upload/presigned_multipart.ts";
import { hasXhr, xhrFetch } from "./xhr_fetch.ts";

/**
 * Progress of a whole upload, in bytes of the file.
 *
 * @example
 * ```ts
 * import { type UploadProgress, uploadWithPresignedUrls } from "@minio-edge/minio";
 * const onProgress = ({ loaded, total }: UploadProgress) =>
 *   console.log(`${Math.round((100 * loaded) / total)}%`);
 * const parts = await uploadWithPresignedUrls(file, plan, { onProgress });
 * ```
 */
export interface UploadProgress {
  /** Bytes sent so far, parts already on the server included; never goes down. */
  loaded: number;
  /** The file's size. */
  total: number;
}

/**
 * A part already on the server, as `listUploadedParts` lists it.
 *
 * @example
 * ```ts
 * import { type ResumedPart, uploadWithPresignedUrls } from "@minio-edge/minio";
 * // What the server's `listUploadedParts` answered for this upload:
 * const uploadedParts: ResumedPart[] = [
 *   { partNumber: 1, etag: "9b2cf535f27731c974343645a3985328", size: 5242880 },
 *   { partNumber: 2, etag: "6f5902ac237024bdd0c176cb93063dc4", size: 5242880 },
 * ];
 * // Parts 1 and 2 are kept; only the others are sent.
 * const parts = await uploadWithPresignedUrls(file, plan, { uploadedParts });
 * ```
 */
export interface ResumedPart {
  /** 1 to 10,000. */
  partNumber: number;
  /** Its ETag. */
  etag: string;
  /** Its size; when given and not the planned size, the part is sent again. */
  size?: number;
}

/**
 * What {@link uploadWithPresignedUrls} needs of the server's plan.
 *
 * @example
 * ```ts
 * import { type UploadPlan, uploadWithPresignedUrls } from "@minio-edge/minio";
 * // The server's `createPresignedMultipartUpload` answer, sent to the browser as JSON.
 * const res = await fetch(`/uploads?size=${file.size}`, { method: "POST" });
 * const plan: UploadPlan = await res.json();
 * console.log(plan.size, plan.partSize, plan.parts.length); // e.g. 209715200 5242880 40
 * const parts = await uploadWithPresignedUrls(file, plan);
 * ```
 */
export type UploadPlan = Pick<PresignedMultipartUpload, "size" | "partSize" | "parts">;

/**
 * Options of {@link uploadWithPresignedUrls}.
 *
 * @example
 * ```ts
 * import { type PresignedUploadOptions, uploadWithPresignedUrls } from "@minio-edge/minio";
 * const options: PresignedUploadOptions = {
 *   concurrency: 8,
 *   retries: 5,
 *   signal: AbortSignal.timeout(30 * 60_000),
 *   onPartUploaded: (part) => localStorage.setItem(`part-${part.partNumber}`, part.etag),
 * };
 * const parts = await uploadWithPresignedUrls(file, plan, options);
 * ```
 */
export interface PresignedUploadOptions {
  /** Parts sent at once, 1 to 64 (default 4). Parts are Blob slices, not copies. */
  concurrency?: number;
  /** Called as bytes go out (per progress event in browsers, per part elsewhere). */
  onProgress?: (progress: UploadProgress) => void;
  /** Called as each part is stored, e.g. to remember it for a resume. */
  onPartUploaded?: (part: CompletedPart) => void;
  /** Stops the upload; parts already stored stay on the server for a resume. */
  signal?: AbortSignal;
  /** Further attempts of a part after a network error or a 429/5xx (default 3). */
  retries?: number;
  /** First retry backoff in milliseconds, doubled per attempt, with jitter (default 500). */
  retryDelayMs?: number;
  /** Parts already uploaded (from `listUploadedParts`): they are not sent again. */
  uploadedParts?: readonly ResumedPart[];
  /**
   * The fetch to send parts with (default: XMLHttpRequest where there is one,
   * for progress while a part is sent, else the global fetch).
   */
  fetch?: typeof fetch;
}

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

const unquote = (etag: string) => etag.replace(/^"(.*)"$/, "$1");

/** The parts to send and the ETags of those to keep, checked to cover the whole file. */
function planWork(blob: Blob, plan: UploadPlan, uploaded: readonly ResumedPart[]) {
  if (!(blob instanceof Blob)) throw new InvalidArgumentError("blob must be a Blob or File");
  if (plan === null || typeof plan !== "object" || !Array.isArray(plan.parts)) {
    throw new InvalidArgumentError("plan must be the result of createPresignedMultipartUpload");
  }
  if (blob.size !== plan.size) {
    throw new InvalidArgumentError(`the file has ${blob.size} bytes; the plan is for ${plan.size}`);
  }
  const count = Math.max(1, Math.ceil(plan.size / plan.partSize));
  const sizeOf = (n: number) => Math.min(plan.partSize, plan.size - (n - 1) * plan.partSize);
  const kept = new Map<number, CompletedPart>();
  for (const p of uploaded) {
    if (!p || typeof p.etag !== "string" || !p.etag) {
      throw new InvalidArgumentError("each uploaded part needs a partNumber and an etag");
    }
    const n = p.partNumber;
    // A part of another size belongs to another plan: it is sent again.
    if (n >= 1 && n <= count && (p.size ?? sizeOf(n)) === sizeOf(n)) {
      kept.set(n, { partNumber: n, etag: unquote(p.etag) });
    }
  }
  const todo = plan.parts.filter((p) => !kept.has(p.partNumber));
  const covered = new Set([...kept.keys(), ...todo.map((p) => p.partNumber)]);
  for (let n = 1; n <= count; n++) {
    if (!covered.has(n)) throw new InvalidArgumentError(`part ${n} has neither a URL nor an ETag`);
  }
  for (const p of todo) {
    if (p.offset !== (p.partNumber - 1) * plan.partSize || p.size !== sizeOf(p.partNumber)) {
      throw new InvalidArgumentError(`part ${p.partNumber} does not match the plan's part size`);
    }
  }
  let keptBytes = 0;
  for (const n of kept.keys()) keptBytes += sizeOf(n);
  return { todo, kept, keptBytes };
}

/**
 * Uploads `blob` to the presigned part URLs of `plan`, `concurrency` parts
 * at a time, each read from the Blob as it is sent (a `File` is not read
 * into memory whole). A part that fails with a network error or a 429/5xx
 * answer is sent again, up to `retries` times with exponential backoff; any
 * other failure, or `signal`, stops the whole upload. Returns every part's
 * number and ETag, in order, for the server's `completeMultipartUpload`.
 *
 * To resume, pass the parts the server lists (`listUploadedParts`) as
 * `uploadedParts`; only the others are sent. The ETag must be readable
 * cross-origin: the bucket's CORS has to expose it (MinIO does by default).
 *
 * @example
 * ```ts ignore
 * import { uploadWithPresignedUrls } from "@minio-edge/minio";
 * const file = document.querySelector("input[type=file]").files[0];
 * const plan = await (await fetch(`/uploads?size=${file.size}`, { method: "POST" })).json();
 * const parts = await uploadWithPresignedUrls(file, plan, {
 *   onProgress: ({ loaded, total }) => console.log(`${Math.round(100 * loaded / total)}%`),
 * });
 * await fetch(`/uploads/${plan.uploadId}/complete`, { method: "POST", body: JSON.stringify(parts) });
 * ```
 */
export async function uploadWithPresignedUrls(
  blob: Blob,
  plan: UploadPlan,
  options: PresignedUploadOptions = {},
): Promise<CompletedPart[]> {
  checkOptionalInteger(options.concurrency, "concurrency", 1, MAX_CONCURRENCY);
  checkOptionalInteger(options.retries, "retries", 0, 100);
  checkOptionalInteger(options.retryDelayMs, "retryDelayMs", 0, 60_000);
  const { todo, kept, keptBytes } = planWork(blob, plan, options.uploadedParts ?? []);
  options.signal?.throwIfAborted();

  const retry = { maxRetries: options.retries ?? 3, baseDelayMs: options.retryDelayMs ?? 500 };
  // Bytes counted per part: the most any attempt sent, so a retry never
  // makes the total go down.
  const counted = new Array<number>(todo.length).fill(0);
  let loaded = keptBytes;
  const report = () => options.onProgress?.({ loaded, total: plan.size });
  const count = (i: number, sent: number) => {
    if (sent <= counted[i]) return;
    loaded += sent - counted[i];
    counted[i] = sent;
    report();
  };
  report();

  const controller = linkedController(options.signal);
  const xhr = !options.fetch && hasXhr();
  // Called through the global: a detached fetch is an illegal invocation in some runtimes.
  const fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const sendPart = async (i: number): Promise<CompletedPart> => {
    const part = todo[i];
    // Deno sends an empty Blob chunked, without the Content-Length S3 requires.
    const body = part.size ? blob.slice(part.offset, part.offset + part.size) : new Uint8Array(0);
    const signal = controller.signal;
    const send: typeof fetch = xhr
      ? (url) => xhrFetch(String(url), "PUT", body, signal, (sent) => count(i, sent))
      : fetchFn;
    const attempt = () => fetchOnce(send, part.url, { method: "PUT", body, signal });
    const res = await withRetry(attempt, retry, true, signal);
    if (!res.ok) throw await errorFromResponse(res, { method: "PUT" });
    await res.body?.cancel();
    const etag = res.headers.get("etag");
    if (!etag) {
      throw new InvalidResponseError(
        `part ${part.partNumber} was stored but its ETag is not readable: ` +
          "the bucket's CORS must list ETag in Access-Control-Expose-Headers",
        res.status,
      );
    }
    count(i, part.size);
    const done = { partNumber: part.partNumber, etag: unquote(etag) };
    options.onPartUploaded?.(done);
    return done;
  };

  try {
    const sent = await runPool(
      todo.length,
      options.concurrency ?? DEFAULT_CONCURRENCY,
      sendPart,
      (reason) => controller.abort(reason),
    );
    return [...kept.values(), ...sent].sort((a, b) => a.partNumber - b.partNumber);
  } catch (e) {
    throw options.signal?.aborted ? options.signal.reason : e;
  } finally {
    controller.dispose();
  }
}
