// Request deadlines apart from the caller's signal: no response headers
// within headersTimeoutMs, or a body read that waits bodyTimeoutMs, is a
// TimeoutError; a headers timeout is retried like a failed connection; an
// abort of the caller's signal is its own reason and never retried.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio, ServerError, TimeoutError } from "../../mod.ts";
import { FAKE_ENDPOINT, heldUntilAborted } from "./fake_fetch.ts";
import { timedFetch } from "../../src/core/timeout.ts";

type Answer = (init: RequestInit) => Promise<Response>;

function client(answers: Answer[], options: Record<string, number> = {}) {
  const calls: RequestInit[] = [];
  const c = new Minio({
    ...FAKE_ENDPOINT,
    maxRetries: 0,
    retryDelayMs: 1,
    ...options,
    fetch: ((_: RequestInfo | URL, init: RequestInit) => {
      calls.push(init);
      return answers.shift()!(init);
    }) as typeof fetch,
  });
  return { client: c, calls };
}

/** Fails the test instead of hanging it when `p` does not settle within `ms`. */
async function settlesWithin<T>(p: Promise<T>, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const held: Answer = (init) => heldUntilAborted(init.signal ?? undefined);
const isTimeout = (which: "headers" | "body", ms: number) => (e: unknown) =>
  e instanceof TimeoutError && e instanceof ServerError && e.timeout === which &&
  e.timeoutMs === ms && e.status === 0;

test("no response headers within the client's headersTimeoutMs: TimeoutError", async () => {
  const { client: c, calls } = client([held], { headersTimeoutMs: 50 });
  await rejects(
    settlesWithin(c.putObject("bucket", "tiny", "tiny")),
    (e: unknown) =>
      e instanceof TimeoutError && e.timeout === "headers" && /headersTimeoutMs/.test(e.message),
  );
  equal(calls.length, 1);
  equal(calls[0].signal?.aborted, true);
});

test("a per-call headersTimeoutMs overrides the client's", async () => {
  const { client: c } = client([held], { headersTimeoutMs: 600_000 });
  await rejects(
    settlesWithin(c.statObject("bucket", "k", { headersTimeoutMs: 40 })),
    isTimeout("headers", 40),
  );
});

test("a headers timeout is retried like a failed connection", async () => {
  const { client: c, calls } = client(
    [held, () => Promise.resolve(new Response("", { status: 200 }))],
    { headersTimeoutMs: 40, maxRetries: 2 },
  );
  await settlesWithin(c.putObject("bucket", "tiny", "tiny"));
  equal(calls.length, 2);
});

test("the caller's abort is its own reason, not a timeout, and is not retried", async () => {
  const ac = new AbortController();
  const reason = new Error("caller gave up");
  const { client: c, calls } = client([(init) => {
    queueMicrotask(() => ac.abort(reason));
    return heldUntilAborted(init.signal ?? undefined);
  }], { headersTimeoutMs: 600_000, maxRetries: 3 });
  const e = await settlesWithin(c.statObject("bucket", "k", { signal: ac.signal })).catch((e) => e);
  equal(e, reason);
  equal(calls.length, 1);
});

test("the headers deadline grows with the request body", async () => {
  const { client: c } = client([held], { headersTimeoutMs: 30 });
  // 64 KiB of body: one second more than the 30 ms.
  const e = await settlesWithin(c.putObject("bucket", "k", new Uint8Array(64 * 1024)))
    .catch((e) => e);
  ok(isTimeout("headers", 1030)(e), String(e));
});

/** A 200 whose body sends `first` and then nothing, until cancelled. */
function stalling(first: Uint8Array, state: { cancelled?: unknown }): Answer {
  return () =>
    Promise.resolve(
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(first);
          },
          cancel(reason) {
            state.cancelled = reason ?? true;
          },
        }),
        { status: 200, headers: { "content-length": "1000" } },
      ),
    );
}

test("a body that stalls mid-way fails the read with a body TimeoutError and is cancelled", async () => {
  const state: { cancelled?: unknown } = {};
  const { client: c, calls } = client([stalling(new Uint8Array(100).fill(1), state)], {
    bodyTimeoutMs: 50,
  });
  const res = await c.getObject("bucket", "k");
  const reader = res.body!.getReader();
  const first = await settlesWithin(reader.read());
  equal(first.value?.length, 100);
  await rejects(settlesWithin(reader.read()), isTimeout("body", 50));
  ok(state.cancelled !== undefined);
  equal(calls[0].signal?.aborted, true);
});

test("a per-call bodyTimeoutMs applies to text() of a listing", async () => {
  const state: { cancelled?: unknown } = {};
  const { client: c } = client([stalling(new TextEncoder().encode("<?xml"), state)]);
  await rejects(
    settlesWithin(c.listBuckets({ bodyTimeoutMs: 40 })),
    isTimeout("body", 40),
  );
  ok(state.cancelled !== undefined);
});

test("timeouts off (0): the caller's signal is what ends a stalled request", async () => {
  const ac = new AbortController();
  const { client: c, calls } = client([(init) => {
    queueMicrotask(() => ac.abort(new Error("stop")));
    return heldUntilAborted(init.signal ?? undefined);
  }], { headersTimeoutMs: 0, bodyTimeoutMs: 0 });
  await rejects(settlesWithin(c.statObject("bucket", "k", { signal: ac.signal })), /stop/);
  equal(calls[0].signal, ac.signal);
});

test("timeout options must be non-negative integers", async () => {
  for (const key of ["headersTimeoutMs", "bodyTimeoutMs"]) {
    throws(() => client([], { [key]: -1 }), InvalidArgumentError);
    const { client: c, calls } = client([]);
    await rejects(c.statObject("bucket", "k", { [key]: 1.5 }), InvalidArgumentError);
    equal(calls.length, 0);
  }
});

test("with a headers timeout only, the caller's abort still ends a body read with its reason", async () => {
  const state: { cancelled?: unknown } = {};
  const { client: c, calls } = client([stalling(new Uint8Array(10), state)], {
    headersTimeoutMs: 600_000,
    bodyTimeoutMs: 0,
  });
  const ac = new AbortController();
  const res = await c.getObject("bucket", "k", { signal: ac.signal });
  const reader = res.body!.getReader();
  await reader.read();
  const pending = reader.read();
  ac.abort(new Error("caller stops"));
  await rejects(settlesWithin(pending), /caller stops/);
  equal(calls[0].signal?.aborted, true);
});

test("an empty answer (Content-Length: 0) is read to its end, never aborted, and has no body", async () => {
  const original = new Response(new Uint8Array(0), {
    status: 200,
    headers: { "content-length": "0", etag: '"e1"' },
  });
  let signal: AbortSignal | undefined;
  const res = await timedFetch(
    ((_: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return Promise.resolve(original);
    }) as typeof fetch,
    "http://s3.example.test/b/o",
    { method: "PUT" },
    60_000,
    60_000,
  );
  equal(res.body, null);
  equal(res.status, 200);
  equal(res.headers.get("etag"), '"e1"');
  equal(original.bodyUsed, true);
  equal(signal?.aborted, false);
});
