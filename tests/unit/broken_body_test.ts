// A response body whose connection breaks part-way (found by the soak under
// toxiproxy's reset_peer: a listing failed with undici's raw
// `TypeError: terminated`). Small XML answers are read inside the attempt,
// so the break is retried like a lost answer; any other body that breaks
// errors with a ServerError of status 0, never the runtime's own error.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { DownloadInterruptedError, Minio, MinioCore, ServerError } from "../../mod.ts";
import { FAKE_ENDPOINT } from "./fake_fetch.ts";

const LISTING = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bkt</Name>
<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>
<Contents><Key>a.txt</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>
<ETag>"e"</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>
</ListBucketResult>`;

/** A 200 whose body sends `head` and then fails as undici does on a reset. */
function brokenAfter(head: string, headers: Record<string, string> = {}): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent) return c.error(new TypeError("terminated"));
      sent = true;
      c.enqueue(new TextEncoder().encode(head));
    },
  });
  return new Response(body, { status: 200, headers });
}

function client(answers: (() => Response)[], options: Record<string, unknown> = {}) {
  let calls = 0;
  const c = new Minio({
    ...FAKE_ENDPOINT,
    retryDelayMs: 1,
    ...options,
    fetch: (() =>
      Promise.resolve(answers[Math.min(calls++, answers.length - 1)]())) as typeof fetch,
  });
  return { client: c, calls: () => calls };
}

test("a listing whose body breaks part-way is sent again and completes", async () => {
  const { client: c, calls } = client([
    () => brokenAfter(LISTING.slice(0, 120)),
    () => new Response(LISTING, { status: 200 }),
  ]);
  const names: string[] = [];
  for await (const o of c.listObjects("bkt")) names.push(o.name!);
  deepEqual(names, ["a.txt"]);
  equal(calls(), 2);
});

test("a listing body that keeps breaking ends in a ServerError, not the runtime's TypeError", async () => {
  const { client: c, calls } = client([() => brokenAfter(LISTING.slice(0, 120))], {
    maxRetries: 2,
  });
  await rejects(
    (async () => {
      for await (const _ of c.listObjects("bkt")) { /* nothing arrives */ }
    })(),
    (e: unknown) =>
      e instanceof ServerError && e.status === 0 && !(e instanceof TypeError) &&
      /response body was read: terminated/.test(e.message),
  );
  equal(calls(), 3);
});

test("a streamed body that breaks (a request read by its caller) is a ServerError of status 0", async () => {
  const core = new MinioCore({
    endPoint: "s3.example.test",
    useSSL: false,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    fetch: (() => Promise.resolve(brokenAfter("partial"))) as typeof fetch,
  });
  const res = await core.request({ method: "GET", bucket: "bkt", object: "o" });
  await rejects(
    res.text(),
    (e: unknown) =>
      e instanceof ServerError && e.status === 0 && (e.cause as Error)?.message === "terminated",
  );
});

test("a download whose body breaks and cannot resume is still a DownloadInterruptedError", async () => {
  const { client: c } = client([() => brokenAfter("partial", { etag: '"abc"' })]);
  const res = await c.getObject("bkt", "o", { maxResumes: 0 });
  await rejects(
    res.bytes(),
    (e: unknown) =>
      e instanceof DownloadInterruptedError && e.bytesRead === 7 &&
      /terminated/.test(e.message),
  );
});
