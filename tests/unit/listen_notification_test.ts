// listenBucketNotification over a scripted streaming body: what is sent, how
// lines become records across chunk boundaries, and that every way of
// stopping cancels the body.
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import {
  DEFAULT_LISTEN_EVENTS,
  InvalidArgumentError,
  InvalidResponseError,
  Minio,
  type NotificationRecord,
  S3Error,
} from "../../mod.ts";

const enc = new TextEncoder();

/** A client whose fetch answers with a body the test writes to. */
function streaming(answer?: { status: number; body: string }, endPoint = "s3.example.test") {
  const state = {
    urls: [] as URL[],
    signal: undefined as AbortSignal | undefined,
    cancelled: false,
    body: undefined as ReadableStreamDefaultController<Uint8Array> | undefined,
  };
  // Made at once so the test can queue lines before the request is sent.
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (state.body = c),
    cancel: () => void (state.cancelled = true),
  });
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    state.urls.push(new URL(String(input)));
    state.signal = init?.signal ?? undefined;
    if (answer) return Promise.resolve(new Response(answer.body, { status: answer.status }));
    return Promise.resolve(
      new Response(body, { headers: { "content-type": "text/event-stream" } }),
    );
  };
  const client = new Minio({
    endPoint,
    port: 9000,
    useSSL: false,
    accessKey: "AKIDTEST",
    secretKey: "SECRET",
    region: "us-east-1",
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
  const send = (text: string | Uint8Array) =>
    state.body!.enqueue(typeof text === "string" ? enc.encode(text) : text);
  return { client, state, send };
}

const record = (eventName: string, key = "k") => ({ eventName, s3: { object: { key } } });
const line = (...records: unknown[]) => JSON.stringify({ Records: records }) + "\n";

test("listenBucketNotification: GET /bucket with prefix, suffix, ping and each event", async () => {
  const { client, state } = streaming();
  const events = client.listenBucketNotification("my-bucket", "in/", ".jpg", [
    "s3:ObjectCreated:*",
    "s3:ObjectRemoved:Delete",
  ]);
  equal(state.urls.length, 0, "nothing is sent before the stream is read");
  await events.ready();
  const url = state.urls[0];
  equal(url.pathname, "/my-bucket");
  deepEqual(url.searchParams.getAll("events"), ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"]);
  equal(url.searchParams.get("prefix"), "in/");
  equal(url.searchParams.get("suffix"), ".jpg");
  equal(url.searchParams.get("ping"), "10");
  await events.close();
  equal(state.cancelled, true);

  const defaults = streaming();
  const all = defaults.client.listenBucketNotification(
    "my-bucket",
    undefined,
    undefined,
    undefined,
    { ping: 2 },
  );
  await all.ready();
  // The signer sends parameters in canonical (sorted) order.
  deepEqual(
    defaults.state.urls[0].searchParams.getAll("events"),
    [...DEFAULT_LISTEN_EVENTS].sort(),
  );
  equal(defaults.state.urls[0].searchParams.get("prefix"), "");
  equal(defaults.state.urls[0].searchParams.get("ping"), "2");
  await all.close();
});

test("listenBucketNotification: records across chunks, keep-alives skipped, last line at the end", async () => {
  const { client, send, state } = streaming();
  const events = client.listenBucketNotification("my-bucket");
  const seen: NotificationRecord[] = [];
  const done = (async () => {
    for await (const r of events) seen.push(r);
  })();
  const two = line(record("b", "é/ü"), record("c"));
  const bytes = enc.encode(two);
  const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "é"
  send('{"Records":[{"eventName":"a"');
  send('}]}\n   \n{"Records":null}\n   ');
  send(bytes.subarray(0, cut));
  send(bytes.subarray(cut));
  send('{"Records":[]}\n' + JSON.stringify({ Records: [record("d")] })); // no newline before the end
  state.body!.close();
  await done;
  deepEqual(seen.map((r) => r.eventName), ["a", "b", "c", "d"]);
  equal(seen[1].s3.object.key, "é/ü");
});

test("listenBucketNotification: break out of for-await cancels the body", async () => {
  const { client, send, state } = streaming();
  send(line(record("a"), record("b")));
  for await (const r of client.listenBucketNotification("my-bucket")) {
    equal(r.eventName, "a");
    break;
  }
  equal(state.cancelled, true);
  equal(state.signal?.aborted, true);
});

test("listenBucketNotification: aborting the signal ends a waiting iteration and cancels the body", async () => {
  const { client, send, state } = streaming();
  const ac = new AbortController();
  const events = client.listenBucketNotification("my-bucket", "", "", ["s3:ObjectCreated:*"], {
    signal: ac.signal,
  });
  send(line(record("a")));
  equal((await events.next()).value?.eventName, "a");
  const waiting = events.next();
  ac.abort();
  deepEqual(await waiting, { done: true, value: undefined });
  equal(state.cancelled, true);
  deepEqual(await events.next(), { done: true, value: undefined });
});

test("listenBucketNotification: return() while a next() waits resolves both at once", async () => {
  const { client, state } = streaming();
  const events = client.listenBucketNotification("my-bucket");
  const waiting = events.next();
  await events.ready();
  deepEqual(await events.return(), { done: true, value: undefined });
  deepEqual(await waiting, { done: true, value: undefined });
  equal(state.cancelled, true);
});

test("listenBucketNotification: close() before the server answers aborts the request", async () => {
  let signal: AbortSignal | undefined;
  let fetched!: () => void;
  const called = new Promise<void>((r) => fetched = r);
  const pending = (_: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      signal = init?.signal ?? undefined;
      signal?.addEventListener("abort", () => reject(signal!.reason));
      fetched();
    });
  const client = new Minio({
    endPoint: "s3.example.test",
    useSSL: false,
    accessKey: "a",
    secretKey: "b",
    region: "us-east-1",
    fetch: pending as typeof fetch,
    maxRetries: 0,
  });
  const events = client.listenBucketNotification("my-bucket");
  const ready = events.ready();
  const next = events.next();
  await called; // the request is out and has no answer
  equal(signal?.aborted, false);
  await events.close();
  await ready;
  deepEqual(await next, { done: true, value: undefined });
  equal(signal?.aborted, true);
});

test("listenBucketNotification: a line that is not JSON fails and closes the connection", async () => {
  const { client, send, state } = streaming();
  const events = client.listenBucketNotification("my-bucket");
  send(line(record("a")) + "<html>proxy error</html>\n");
  equal((await events.next()).value?.eventName, "a");
  await rejects(
    events.next(),
    (e: unknown) =>
      e instanceof InvalidResponseError && e.message.includes("not JSON: <html>proxy error"),
  );
  equal(state.cancelled, true);
  deepEqual(await events.next(), { done: true, value: undefined });
});

test("listenBucketNotification: an error answer is thrown by next() and ready()", async () => {
  const error =
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>`;
  const { client } = streaming({ status: 404, body: error });
  await rejects(
    client.listenBucketNotification("my-bucket").next(),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket",
  );
  await rejects(
    client.listenBucketNotification("my-bucket").ready(),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket" && e.status === 404,
  );
});

test("listenBucketNotification: bad arguments are refused at the call, before any request", () => {
  const { client, state } = streaming();
  throws(() => client.listenBucketNotification("my-bucket", "", "", []), /non-empty array/);
  throws(() => client.listenBucketNotification("my-bucket", "", "", [""]), InvalidArgumentError);
  throws(() => client.listenBucketNotification("my-bucket", 5 as unknown as string), /prefix/);
  throws(() => client.listenBucketNotification("my-bucket", "", "x".repeat(1025)), /suffix/);
  throws(
    () => client.listenBucketNotification("my-bucket", "", "", undefined, { ping: 0 }),
    /ping/,
  );
  throws(() => client.listenBucketNotification("Bad_Bucket!"), InvalidArgumentError);
  const aws = streaming(undefined, "s3.amazonaws.com").client;
  throws(() => aws.listenBucketNotification("my-bucket"), /MinIO extension/);
  equal(state.urls.length, 0);
});
