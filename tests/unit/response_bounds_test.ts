// Bodies read without a size limit: an error body is read up to 1 MiB and
// the rest cancelled; a listen-notification line longer than 1 MiB is an
// InvalidResponseError, not an ever-growing buffer.
import { equal, ok, rejects, test } from "../harness.ts";
import { InvalidResponseError, Minio, S3Error, ServerError } from "../../mod.ts";

const MiB = 1024 * 1024;

/** A body of up to `total` bytes of `fill`, made as read; counts what was pulled. */
function endless(total: number, fill: number) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (state.pulled >= total) return c.close();
      state.pulled += chunk.length;
      c.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { body, state };
}

function clientAnswering(res: () => Response) {
  return new Minio({
    endPoint: "s3.example.test",
    port: 9000,
    useSSL: false,
    accessKey: "a",
    secretKey: "s",
    region: "us-east-1",
    maxRetries: 0,
    fetch: (() => Promise.resolve(res())) as typeof fetch,
  });
}

test("an endless error body is read up to 1 MiB and the rest cancelled", async () => {
  const { body, state } = endless(256 * MiB, 0x20);
  const client = clientAnswering(() =>
    new Response(body, { status: 500, headers: { "content-type": "application/xml" } })
  );
  await rejects(client.listBuckets(), (e: unknown) => e instanceof ServerError && e.status === 500);
  ok(state.pulled <= 2 * MiB, `pulled ${state.pulled} bytes`);
  ok(state.cancelled);
});

test("an error document within the bound is still parsed", async () => {
  const xml = `<Error><Code>AccessDenied</Code><Message>${"x".repeat(900_000)}</Message></Error>`;
  const client = clientAnswering(() =>
    new Response(xml, { status: 403, headers: { "content-type": "application/xml" } })
  );
  await rejects(
    client.listBuckets(),
    (e: unknown) => e instanceof S3Error && e.code === "AccessDenied",
  );
});

test("a listen-notification line over 1 MiB is an InvalidResponseError; the body is cancelled", async () => {
  const { body, state } = endless(16 * MiB, 0x41);
  const client = clientAnswering(() => new Response(body, { status: 200 }));
  const events = client.listenBucketNotification("bucket");
  await rejects(
    events.next(),
    (e: unknown) => e instanceof InvalidResponseError && /longer than/.test(e.message),
  );
  ok(state.pulled <= 2 * MiB, `pulled ${state.pulled} bytes`);
  ok(state.cancelled);
  equal((await events.next()).done, true);
});
