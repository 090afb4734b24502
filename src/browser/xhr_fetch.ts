/**
 * A `fetch`-shaped PUT over XMLHttpRequest, for the one thing fetch cannot
 * do in a browser: report upload progress. (A streamed fetch body would, but
 * browsers send streams only over HTTP/2 and S3 wants a Content-Length.)
 *
 * @module
 */

// The part of XMLHttpRequest used here, declared so the module type-checks
// without the DOM library (Deno, JSR).
interface Xhr {
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((e: { loaded: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  ontimeout: (() => void) | null;
  onabort: (() => void) | null;
  open(method: string, url: string): void;
  send(body: Blob | Uint8Array): void;
  abort(): void;
  getAllResponseHeaders(): string;
}

const xhrClass = () => (globalThis as { XMLHttpRequest?: new () => Xhr }).XMLHttpRequest;

/** Whether this runtime has XMLHttpRequest (browsers; not Workers, Deno, Node). */
export function hasXhr(): boolean {
  return typeof xhrClass() === "function";
}

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

// Statuses a Response may not have a body with.
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Sends `body` with `method` to `url` and resolves with the answer as a
 * `Response` (its headers are those CORS lets the page read). Calls
 * `onSent(bytes)` as the browser sends the body. Rejects with a TypeError on
 * a network error, as fetch does, and with the signal's reason on abort.
 */
export function xhrFetch(
  url: string,
  method: string,
  body: Blob | Uint8Array,
  signal: AbortSignal,
  onSent: (bytes: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const XhrClass = xhrClass()!;
    const xhr = new XhrClass();
    const onAbort = () => xhr.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => signal.removeEventListener("abort", onAbort);
    xhr.open(method, url);
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () => {
      done();
      const status = xhr.status;
      resolve(
        new Response(NULL_BODY.has(status) ? null : xhr.responseText, {
          status,
          headers: headersOf(xhr.getAllResponseHeaders()),
        }),
      );
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      reject(new TypeError(`network error sending ${method} ${new URL(url).pathname}`));
    };
    xhr.onabort = () => {
      done();
      reject(signal.reason);
    };
    xhr.send(body);
  });
}
