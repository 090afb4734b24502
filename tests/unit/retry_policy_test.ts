// The retry policy itself, on an injected clock: how long it waits, for
// what, and when it gives up. Nothing here sleeps; the waits are recorded.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { DEFAULT_RETRY, fetchOnce, type RetryOptions, withRetry } from "../../src/base/retry.ts";
import { ServerError } from "../../mod.ts";

type Answer = Response | "lost";

/** A scripted world: answers in order, a clock that moves only by the waits. */
function world(answers: Answer[] | ((now: number) => Answer), start = 1_700_000_000_000) {
  const waits: number[] = [];
  let clock = start;
  let sent = 0;
  const fetchFn = (() => {
    sent++;
    const a = typeof answers === "function" ? answers(clock) : answers.shift() ?? "lost";
    return a === "lost" ? Promise.reject(new TypeError("connection reset")) : Promise.resolve(a);
  }) as typeof fetch;
  const hooks = {
    now: () => clock,
    random: () => 0,
    sleep: (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  };
  const run = (options: RetryOptions = DEFAULT_RETRY, idempotent = true) =>
    withRetry(
      () => fetchOnce(fetchFn, "http://127.0.0.1:9/", {}),
      options,
      idempotent,
      undefined,
      hooks,
    );
  return { run, waits, sent: () => sent, now: () => clock };
}

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

test("defaults ride out 5 s without answers, even with the shortest waits jitter can draw", async () => {
  const begin = 1_700_000_000_000;
  // Connections fail until 5 s have passed; then the server is back.
  const w = world((now) => now - begin >= 5_000 ? answer(200) : "lost", begin);
  equal((await w.run()).status, 200);
  ok(w.sent() > 1);
});

test("backoff doubles from retryDelayMs up to maxRetryDelayMs, half of each wait random", async () => {
  const w = world(Array(6).fill("lost"));
  await rejects(w.run({ maxRetries: 5, baseDelayMs: 200, maxDelayMs: 1_000 }), ServerError);
  // random() = 0 draws the lower half: 100, 200, 400, then the cap's half.
  deepEqual(w.waits, [100, 200, 400, 500, 500]);
  equal(w.sent(), 6);
});

test("429 and 503 back off five times longer than a 500", async () => {
  const slow = world([answer(503), answer(200)]);
  equal((await slow.run()).status, 200);
  const limited = world([answer(429), answer(200)]);
  equal((await limited.run()).status, 200);
  const broken = world([answer(500), answer(200)]);
  equal((await broken.run()).status, 200);
  deepEqual([slow.waits, limited.waits, broken.waits], [[500], [500], [100]]);
});

test("Retry-After in seconds is honoured", async () => {
  const w = world([answer(503, { "retry-after": "3" }), answer(200)]);
  equal((await w.run()).status, 200);
  deepEqual(w.waits, [3_000]);
});

test("Retry-After as an HTTP date is honoured", async () => {
  const start = Date.UTC(2026, 0, 2, 3, 4, 5);
  const w = world([
    answer(429, { "retry-after": new Date(start + 4_000).toUTCString() }),
    answer(200),
  ], start);
  equal((await w.run()).status, 200);
  deepEqual(w.waits, [4_000]);
});

test("Retry-After is capped, and a date in the past means the usual backoff", async () => {
  const w = world([
    answer(503, { "retry-after": "3600" }),
    answer(503, { "retry-after": "Thu, 01 Jan 1970 00:00:00 GMT" }),
    answer(200),
  ]);
  equal((await w.run()).status, 200);
  // 5 x maxDelayMs (2 s) caps the hint; the second wait is the throttled backoff (1 000 x 2 / 2).
  deepEqual(w.waits, [10_000, 1_000]);
});

test("the deadline bounds the retries whatever maxRetries says", async () => {
  const w = world([]);
  const options = { maxRetries: 1_000, baseDelayMs: 200, maxDelayMs: 2_000, deadlineMs: 20_000 };
  await rejects(w.run(options), ServerError);
  const waited = w.waits.reduce((a, b) => a + b, 0);
  ok(waited <= 20_000, `waited ${waited} ms`);
  // The next wait (the cap's half, 1 000 ms) would have passed the deadline.
  ok(waited + 1_000 > 20_000, `gave up early, after ${waited} ms`);
  equal(w.sent(), w.waits.length + 1);
});

test("a Retry-After beyond the deadline ends the retries with that answer", async () => {
  const w = world([answer(503, { "retry-after": "8" }), answer(200)]);
  const res = await w.run({ ...DEFAULT_RETRY, deadlineMs: 5_000 });
  equal(res.status, 503);
  deepEqual(w.waits, []);
});

test("a request not safe to repeat is not sent again after a lost answer or a 500", async () => {
  const lost = world(["lost", answer(200)]);
  await rejects(lost.run(DEFAULT_RETRY, false), /may have acted on it/);
  equal(lost.sent(), 1);
  const failed = world([answer(500), answer(200)]);
  equal((await failed.run(DEFAULT_RETRY, false)).status, 500);
  equal(failed.sent(), 1);
});

test("a request not safe to repeat is sent again after 503 or 429: the server refused it", async () => {
  const w = world([answer(503), answer(429), answer(200)]);
  equal((await w.run(DEFAULT_RETRY, false)).status, 200);
  equal(w.sent(), 3);
});
