// Answers lost after the real MinIO acted on the request: the client's
// fetch forwards the request, waits for MinIO's real answer, reads it, and
// then fails like a reset connection. The server has done the work; the
// client never hears of it. Nothing half-done may be reported, nothing may
// be left behind, and a POST that is not safe to repeat is not repeated.
import { equal, ok, rejects, test } from "../harness.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { ComposeSource, Minio, ServerError, SseCustomerKey, SseS3 } from "../../mod.ts";
import { bytesOf, env, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
const hex = (b: Uint8Array) => bytesToHex(sha256(b));

/**
 * A client whose fetch loses the answers to the first `times` requests
 * `lose` matches; `sent` counts the requests that matched, lost or not.
 */
function losingClient(
  tls: boolean,
  lose: (method: string, url: URL) => boolean,
  { times = 1, maxRetries }: { times?: number; maxRetries?: number } = {},
) {
  const counter = { sent: 0, lost: 0 };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await globalThis.fetch(input, init);
    if (!lose(init?.method ?? "GET", url)) return res;
    counter.sent++;
    if (counter.lost >= times) return res;
    counter.lost++;
    await res.arrayBuffer();
    throw new TypeError("connection reset by peer");
  }) as typeof globalThis.fetch;
  const client = new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    maxRetries,
    fetch,
  });
  return { client, counter };
}

async function readAll(c: Minio, bucket: string, name: string): Promise<Uint8Array> {
  return new Uint8Array(await (await c.getObject(bucket, name)).arrayBuffer());
}

async function incomplete(c: Minio, bucket: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const u of c.listIncompleteUploads(bucket, { recursive: true })) ids.push(u.uploadId);
  return ids;
}

const isComplete = (m: string, u: URL) => m === "POST" && u.searchParams.has("uploadId");
const isCreate = (m: string, u: URL) => m === "POST" && u.searchParams.has("uploads");

for (const tls of [false, true]) {
  const name = tls ? "tls" : "http";

  test(`${name}: putObject succeeds byte-exact when MinIO's answer to the complete is lost`, async () => {
    const { client, counter } = losingClient(tls, isComplete);
    const data = bytesOf(11 * MiB, 13);
    await withBucket(client, async (bucket) => {
      const result = await client.putObject(bucket, "big.bin", data, undefined, {
        partSize: 5 * MiB,
      });
      equal(counter.lost, 1);
      equal(counter.sent, 2, "the complete was retried once");
      equal(result.etag, (await client.statObject(bucket, "big.bin")).etag);
      equal(hex(await readAll(client, bucket, "big.bin")), hex(data));
      equal((await incomplete(client, bucket)).length, 0);
    });
  });

  test(`${name}: putObject leaves no upload behind when the answer to the create is lost`, async () => {
    const { client, counter } = losingClient(tls, isCreate);
    const data = bytesOf(6 * MiB, 17);
    await withBucket(client, async (bucket) => {
      await client.putObject(bucket, "big.bin", data, undefined, { partSize: 5 * MiB });
      equal(counter.lost, 1);
      equal(counter.sent, 2, "the create was retried once");
      equal(hex(await readAll(client, bucket, "big.bin")), hex(data));
      equal((await incomplete(client, bucket)).length, 0);
    });
  });

  test(`${name}: putObject fails typed and leaves no upload behind when every answer to the create is lost`, async () => {
    const { client, counter } = losingClient(tls, isCreate, { times: Infinity, maxRetries: 2 });
    await withBucket(client, async (bucket) => {
      await rejects(
        client.putObject(bucket, "big.bin", bytesOf(6 * MiB, 23), undefined, {
          partSize: 5 * MiB,
        }),
        (e: unknown) => e instanceof ServerError && e.status === 0,
      );
      equal(counter.sent, 3, "the create and its 2 retries, each making an upload");
      equal((await incomplete(client, bucket)).length, 0);
    });
  });

  test(`${name}: composeObject succeeds when the answer to its complete is lost`, async () => {
    const { client, counter } = losingClient(tls, isComplete);
    const a = bytesOf(5 * MiB, 3);
    const b = bytesOf(MiB, 4);
    await withBucket(client, async (bucket) => {
      await client.putObject(bucket, "a", a);
      await client.putObject(bucket, "b", b);
      await client.composeObject(bucket, "ab", [
        new ComposeSource(bucket, "a"),
        new ComposeSource(bucket, "b"),
      ]);
      equal(counter.lost, 1);
      const got = await readAll(client, bucket, "ab");
      equal(hex(got), hex(new Uint8Array([...a, ...b])));
      equal((await incomplete(client, bucket)).length, 0);
    });
  });

  test(`${name}: DeleteObjects is not sent again when its answer is lost`, async () => {
    const { client, counter } = losingClient(
      tls,
      (m, u) => m === "POST" && u.searchParams.has("delete"),
    );
    await withBucket(client, async (bucket) => {
      await client.putObject(bucket, "x", "x");
      await client.putObject(bucket, "y", "y");
      const removing = async () => {
        for await (const e of client.removeObjects(bucket, ["x", "y"])) ok(!e, `${e}`);
      };
      await rejects(removing(), ServerError);
      equal(counter.sent, 1);
      // MinIO did delete them: the error says the answer is unknown, not that nothing happened.
      let left = 0;
      for await (const _ of client.listObjects(bucket)) left++;
      equal(left, 0);
    });
  });
}

const encryptions: [string, SseCustomerKey | SseS3][] = [
  ["SSE-C", new SseCustomerKey(bytesOf(32, 7))],
  ["SSE-S3", new SseS3()],
];
for (const [name, sse] of encryptions) {
  test(`tls: an ${name} putObject succeeds when the answer to the complete is lost`, async () => {
    const { client, counter } = losingClient(true, isComplete);
    const data = bytesOf(6 * MiB, 19);
    await withBucket(client, async (bucket) => {
      await client.putObject(bucket, "enc.bin", data, undefined, { partSize: 5 * MiB, sse });
      equal(counter.sent, 2, "the complete was retried once");
      const ssec = sse instanceof SseCustomerKey ? sse : undefined;
      const res = await client.getObject(bucket, "enc.bin", { ssec });
      equal(hex(new Uint8Array(await res.arrayBuffer())), hex(data));
      equal((await incomplete(client, bucket)).length, 0);
    });
  });
}
