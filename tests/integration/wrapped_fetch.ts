/**
 * Clients of the real MinIO whose `fetch` is wrapped: to count what reaches
 * the network, or to break a response body part-way as a dropped connection
 * does.
 *
 * @module
 */
import { Minio } from "../../mod.ts";
import { env } from "./testbed.ts";

/** A client of the test bed's MinIO (TLS or not) that sends through `fetch`. */
export function clientWithFetch(tls: boolean, fetch: typeof globalThis.fetch): Minio {
  return new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    fetch,
  });
}

/** A request as it went to the real fetch. */
export interface Forwarded {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * A fetch that forwards to the real one and records each request; `cut`
 * decides per request (by its index) after how many body bytes the response
 * breaks, or `undefined` to pass it whole. A cut errors the stream with a
 * TypeError("terminated") as undici does when the connection drops, and
 * cancels the real body so the connection is released. `before`, if given,
 * runs before a request is forwarded.
 */
export function cuttingFetch(
  cut: (index: number, req: Forwarded) => number | undefined,
  before?: (index: number, req: Forwarded) => Promise<void>,
) {
  const requests: Forwarded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req: Forwarded = {
      method: init?.method ?? "GET",
      url: String(input),
      headers: new Headers(init?.headers),
    };
    const index = requests.push(req) - 1;
    await before?.(index, req);
    const res = await globalThis.fetch(input, init);
    const after = cut(index, req);
    if (after === undefined || !res.body) return res;
    const reader = res.body.getReader();
    let passed = 0;
    const broken = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // The error comes on the read after the last bytes: an error drops
        // what is still queued.
        if (passed === after) return controller.error(new TypeError("terminated"));
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const room = after - passed;
        if (value.length >= room) {
          passed = after;
          await reader.cancel();
          if (room > 0) controller.enqueue(value.subarray(0, room));
          else controller.error(new TypeError("terminated"));
          return;
        }
        passed += value.length;
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    }, { highWaterMark: 0 });
    return new Response(broken, { status: res.status, headers: res.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
