// Request deadlines against real sockets: a server that accepts the
// connection and never answers, and one whose body stalls mid-way, give a
// TimeoutError instead of hanging; against the real MinIO short deadlines
// leave a healthy transfer alone. The stalled servers are node:net servers
// of the test (workerd cannot listen; tests/edge/workerd_suite.mjs skips
// this file).
import { createServer, type Server, type Socket } from "node:net";
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { Minio, TimeoutError } from "../../mod.ts";
import { bytesOf, env, withBucket } from "./testbed.ts";

/** A TCP server on 127.0.0.1 that hands each connection to `onSocket`. */
async function tcpServer(onSocket: (s: Socket) => void) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, close, accepted: () => sockets.size };
}

function clientOn(port: number, retries = 0) {
  return new Minio({
    endPoint: "127.0.0.1",
    port,
    useSSL: false,
    accessKey: "minioadmin",
    secretKey: "minioadmin",
    region: "us-east-1",
    maxRetries: retries,
    retryDelayMs: 10,
  });
}

/** Fails the test instead of hanging it when `p` has not settled in `ms` (a hang detector only). */
async function settlesWithin<T>(p: Promise<T>, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

test("a server that accepts and never answers: putObject rejects with a headers TimeoutError, after retrying", async () => {
  let requests = 0;
  const silent = await tcpServer((s) => {
    // Reads the requests, answers nothing. Counted by request line: a
    // runtime may open a connection it does not use.
    s.on("data", (d: Uint8Array) => {
      if (new TextDecoder().decode(d.subarray(0, 4)) === "PUT ") requests++;
    });
  });
  try {
    const c = clientOn(silent.port, 1);
    await rejects(
      settlesWithin(c.putObject("bucket", "tiny", "tiny", undefined, { headersTimeoutMs: 300 })),
      (e: unknown) => e instanceof TimeoutError && e.timeout === "headers" && e.timeoutMs === 300,
    );
    // The timeout was retried like a failed connection: two attempts.
    equal(requests, 2);
  } finally {
    await silent.close();
  }
});

test("a body that stalls mid-way fails the read with a body TimeoutError", async () => {
  const head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n" +
    "Content-Length: 1000\r\nConnection: close\r\n\r\n";
  const stalling = await tcpServer((s) => {
    s.once("data", () => s.write(head + "x".repeat(100))); // then nothing
  });
  try {
    const c = clientOn(stalling.port);
    const res = await settlesWithin(c.getObject("bucket", "k", { bodyTimeoutMs: 300 }));
    await rejects(
      settlesWithin(res.arrayBuffer()),
      (e: unknown) => e instanceof TimeoutError && e.timeout === "body" && e.timeoutMs === 300,
    );
  } finally {
    await stalling.close();
  }
});

test("short deadlines leave a healthy transfer with the real MinIO alone", async () => {
  const c = new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env("MINIO_TEST_PORT")),
    useSSL: false,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 2_000,
  });
  await withBucket(c, async (bucket) => {
    const data = bytesOf(24 * 1024 * 1024, 13);
    await c.putObject(bucket, "big.bin", data);
    const res = await c.getObject(bucket, "big.bin");
    const got = new Uint8Array(await res.arrayBuffer());
    equal(got.length, data.length);
    ok(got.every((b, i) => b === data[i]), "the object read back differs");
    const names: string[] = [];
    for await (const o of c.listObjects(bucket)) names.push(o.name);
    deepEqual(names, ["big.bin"]);
  });
});
