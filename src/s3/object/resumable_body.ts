/**
 * A download body that survives a broken connection: when the body of a GET
 * fails part-way, the rest is requested from the byte reached, with a Range
 * and `If-Match` on the first answer's ETag, so bytes of a changed object are
 * never spliced in. A failure that is not resumed is a
 * `DownloadInterruptedError`, never the runtime's raw `TypeError`;
 * one that is typed already (the body timeout's) stays as it is when no
 * resume was tried. Only the watch for a failure is here: the resume
 * (src/s3/object/resume_download.ts) is loaded when a body first fails.
 *
 * @module
 */

import type { DownloadSpec, DownloadState } from "./resume_download.ts";

export type { DownloadSpec };

/**
 * `body`, the body of `first` (a successful GET of `spec`), resumed up to
 * `maxResumes` times when it fails or ends short of its Content-Length;
 * a failure not resumed is a `DownloadInterruptedError`.
 */
export function resumableBody(
  first: Response,
  body: ReadableStream<Uint8Array>,
  spec: DownloadSpec,
): ReadableStream<Uint8Array> {
  const { signal } = spec.options;
  const length = first.headers.get("content-length");
  const expected = length === null ? undefined : Number(length);
  const state: DownloadState = {
    reader: body.getReader(),
    received: 0,
    resumes: 0,
    cancelled: false,
  };
  const resume = async (cause: unknown) => {
    // Loaded on the first failure: most bodies never break.
    const { resumeDownload } = await import("./resume_download.ts");
    state.reader = await resumeDownload(first, spec, state, cause);
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await state.reader.read();
        } catch (e) {
          if (state.cancelled) return;
          if (signal?.aborted) throw signal.reason;
          // Every byte arrived and only the end of the exchange broke.
          if (state.received === expected) return controller.close();
          await resume(e);
          continue;
        }
        if (state.cancelled) return;
        if (chunk.done) {
          if (expected === undefined || state.received >= expected) return controller.close();
          await resume(new Error(`the body ended at ${state.received} of ${expected} bytes`));
          continue;
        }
        state.received += chunk.value.length;
        controller.enqueue(chunk.value);
        return;
      }
    },
    cancel(reason) {
      state.cancelled = true;
      return state.reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
