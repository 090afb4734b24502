// The browser helper's logic, on a recording fetch (the real thing runs in
// Chromium against MinIO in tests/browser): which parts it sends, resume,
// retries, abort, progress, and bad input refused before any request.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  InvalidArgumentError,
  InvalidResponseError,
  S3Error,
  ServerError,
  type UploadPlan,
  uploadWithPresignedUrls,
} from "../../mod.ts";

const BYTES = new TextEncoder().encode("0123456789");
const BLOB = new Blob([BYTES]);
const PLAN: UploadPlan = {
  size: 10,
  partSize: 4,
  parts: [1, 2, 3].map((n) => ({
    partNumber: n,
    url: `https://s3.example.test/b/k?partNumber=${n}&uploadId=U`,
    offset: (n - 1) * 4,
    size: Math.min(4, 10 - (n - 1) * 4),
  })),
};

type Answer = (part: number, attempt: number, body: string) => Response | Promise<Response>;

/** A fetch that records each PUT's part number and body, answering with `answer`. */
function recorder(answer: Answer = (n) => ok200(n)) {
  const calls: [number, string][] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    init?.signal?.throwIfAborted();
    const part = Number(new URL(String(input)).searchParams.get("partNumber"));
    const body = await new Response(init?.body).text();
    calls.push([part, body]);
    return answer(part, calls.filter(([p]) => p === part).length, body);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const ok200 = (n: number) => new Response("", { headers: { etag: `"e${n}"` } });

test("uploadWithPresignedUrls: every part's bytes to its URL; ETags in order; progress to the total", async () => {
  const { calls, fetch } = recorder();
  const progress: number[] = [];
  const stored: number[] = [];
  const parts = await uploadWithPresignedUrls(BLOB, PLAN, {
    fetch,
    concurrency: 2,
    onProgress: (p) => {
      equal(p.total, 10);
      progress.push(p.loaded);
    },
    onPartUploaded: (p) => stored.push(p.partNumber),
  });
  deepEqual(parts, [{ partNumber: 1, etag: "e1" }, { partNumber: 2, etag: "e2" }, {
    partNumber: 3,
    etag: "e3",
  }]);
  deepEqual(calls.sort(), [[1, "0123"], [2, "4567"], [3, "89"]]);
  deepEqual(stored.sort(), [1, 2, 3]);
  equal(progress[0], 0);
  equal(progress.at(-1), 10);
  ok(progress.every((v, i) => i === 0 || v >= progress[i - 1]), `monotone: ${progress}`);
});

test("uploadWithPresignedUrls: resume sends only the parts the server lacks", async () => {
  const { calls, fetch } = recorder();
  const progress: number[] = [];
  const parts = await uploadWithPresignedUrls(BLOB, PLAN, {
    fetch,
    uploadedParts: [
      { partNumber: 1, etag: '"old1"', size: 4 },
      { partNumber: 3, etag: "old3", size: 1 }, // another plan's part: sent again
    ],
    onProgress: (p) => progress.push(p.loaded),
  });
  deepEqual(calls.map(([n]) => n).sort(), [2, 3]);
  deepEqual(parts.map((p) => p.etag), ["old1", "e2", "e3"]);
  equal(progress[0], 4);
  equal(progress.at(-1), 10);
});

test("uploadWithPresignedUrls: a plan of only the missing parts, with the others' ETags", async () => {
  const { calls, fetch } = recorder();
  const parts = await uploadWithPresignedUrls(BLOB, { ...PLAN, parts: [PLAN.parts[1]] }, {
    fetch,
    uploadedParts: [{ partNumber: 1, etag: "a" }, { partNumber: 3, etag: "c" }],
  });
  deepEqual(calls, [[2, "4567"]]);
  deepEqual(parts.map((p) => p.etag), ["a", "e2", "c"]);
});

test("uploadWithPresignedUrls: 503 and network errors are retried; 403 is not", async () => {
  const flaky = recorder((n, attempt) => {
    if (n === 2 && attempt === 1) return new Response("", { status: 503 });
    if (n === 3 && attempt === 1) throw new TypeError("connection reset");
    return ok200(n);
  });
  const parts = await uploadWithPresignedUrls(BLOB, PLAN, {
    fetch: flaky.fetch,
    retryDelayMs: 1,
  });
  equal(parts.length, 3);
  deepEqual(flaky.calls.map(([n]) => n).sort(), [1, 2, 2, 3, 3]);

  const denied = recorder((n) =>
    n === 2
      ? new Response(
        "<Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error>",
        { status: 403, headers: { "content-type": "application/xml" } },
      )
      : ok200(n)
  );
  await rejects(
    uploadWithPresignedUrls(BLOB, PLAN, { fetch: denied.fetch, retryDelayMs: 1 }),
    (e: unknown) => e instanceof S3Error && e.code === "SignatureDoesNotMatch" && e.status === 403,
  );
  equal(denied.calls.filter(([n]) => n === 2).length, 1);
});

test("uploadWithPresignedUrls: retries are bounded", async () => {
  const down = recorder(() => {
    throw new TypeError("down");
  });
  await rejects(
    uploadWithPresignedUrls(BLOB, PLAN, { fetch: down.fetch, retries: 2, retryDelayMs: 1 }),
    (e: unknown) => e instanceof ServerError && e.status === 0,
  );
  equal(down.calls.filter(([n]) => n === 1).length, 3);
});

test("uploadWithPresignedUrls: AbortSignal stops the upload with its reason", async () => {
  const ac = new AbortController();
  const { calls, fetch } = recorder((n) => {
    if (n === 2) {
      // The user leaves while part 2 is on the wire: its fetch fails with the reason.
      ac.abort(new Error("user left"));
      ac.signal.throwIfAborted();
    }
    return ok200(n);
  });
  await rejects(
    uploadWithPresignedUrls(BLOB, PLAN, { fetch, concurrency: 1, signal: ac.signal }),
    /user left/,
  );
  deepEqual(calls.map(([n]) => n), [1, 2], "nothing after the abort");
  await rejects(uploadWithPresignedUrls(BLOB, PLAN, { fetch, signal: ac.signal }), /user left/);
  equal(calls.length, 2);
});

test("uploadWithPresignedUrls: an unreadable ETag names the CORS setting", async () => {
  const { fetch } = recorder(() => new Response(""));
  await rejects(
    uploadWithPresignedUrls(BLOB, PLAN, { fetch }),
    (e: unknown) => e instanceof InvalidResponseError && /Expose-Headers/.test(e.message),
  );
});

test("uploadWithPresignedUrls: bad input fails before any request", async () => {
  const { calls, fetch } = recorder();
  const bad: [RegExp, () => Promise<unknown>][] = [
    [/11 bytes/, () => uploadWithPresignedUrls(new Blob(["01234567890"]), PLAN, { fetch })],
    [
      /part 2 has neither/,
      () =>
        uploadWithPresignedUrls(BLOB, { ...PLAN, parts: [PLAN.parts[0], PLAN.parts[2]] }, {
          fetch,
        }),
    ],
    [/part 2 does not match/, () =>
      uploadWithPresignedUrls(BLOB, {
        ...PLAN,
        parts: PLAN.parts.map((p) => p.partNumber === 2 ? { ...p, offset: 3 } : p),
      }, { fetch })],
    [/concurrency/, () => uploadWithPresignedUrls(BLOB, PLAN, { fetch, concurrency: 0 })],
    [/retries/, () => uploadWithPresignedUrls(BLOB, PLAN, { fetch, retries: -1 })],
    [/etag/, () =>
      uploadWithPresignedUrls(BLOB, PLAN, {
        fetch,
        uploadedParts: [{ partNumber: 1, etag: "" }],
      })],
    // deno-lint-ignore no-explicit-any
    [/Blob/, () => uploadWithPresignedUrls("abc" as any, PLAN, { fetch })],
  ];
  for (const [message, call] of bad) {
    await rejects(call(), (e: unknown) => {
      ok(e instanceof InvalidArgumentError, String(e));
      ok(message.test((e as Error).message), (e as Error).message);
      return true;
    });
  }
  equal(calls.length, 0);
});
