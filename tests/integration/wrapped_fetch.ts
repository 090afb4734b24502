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
 * cancels the real body so the connection is released.
 */
export function cuttingFetch(cut: (index: number, req: Forwarded) => number | undefined) {
  const requests: Forwarded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req: Forwarded = {
      method: init?.method ?? "GET",
      url: String(input),
      headers: new Headers(init?.headers),
    };
    const index = requests.push(req) - 1;
    const res = await globalThis.fetch(input, init);
    const after = cut(index, req);
    if (after === undefined || !res.body) return res;
    const reader = res.body.getReader();
    let passed = 0;
    const broken = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const room = after - passed;
        if (value.length >= room) {
          if (room > 0) controller.enqueue(value.subarray(0, room));
          passed = after;
          await reader.cancel();
          controller.error(new TypeError("terminated"));
          return;
        }
        passed += value.length;
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(broken, { status: res.status, headers: res.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
