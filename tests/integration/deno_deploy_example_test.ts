// examples/deno-deploy/main.ts against the real MinIO. Under Deno its
// handler runs in Deno.serve on a loopback port, as on Deno Deploy; under
// Bun and Node the same handler is called with each Request.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { handler } from "../../examples/deno-deploy/main.ts";
import { bytesOf, env, targets, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Runs `fn` with a fetch to the app: over Deno.serve under Deno, else a direct call. */
async function withApp(
  app: (req: Request) => Promise<Response>,
  fn: (fetchApp: Fetch) => Promise<void>,
): Promise<void> {
  const deno = (globalThis as {
    Deno?: {
      serve(
        o: { hostname: string; port: number; onListen(): void },
        h: typeof app,
      ): { addr: { port: number }; shutdown(): Promise<void> };
    };
  }).Deno;
  if (!deno) {
    return await fn((path, init) => app(new Request(`http://app.test${path}`, init)));
  }
  const server = deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app);
  try {
    await fn((path, init) => fetch(`http://127.0.0.1:${server.addr.port}${path}`, init));
  } finally {
    await server.shutdown();
  }
}

for (const t of targets) {
  test(`[${t.name}] examples/deno-deploy: presigned upload, streamed download, range, 404`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const scheme = t.name === "tls" ? "https" : "http";
      const port = env(t.name === "tls" ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT");
      const app = handler({
        MINIO_ENDPOINT: `${scheme}://127.0.0.1:${port}`,
        MINIO_ACCESS_KEY: env("MINIO_TEST_ACCESS_KEY"),
        MINIO_SECRET_KEY: env("MINIO_TEST_SECRET_KEY"),
        BUCKET: bucket,
      });
      const data = bytesOf(MiB + 7);
      await withApp(app, async (fetchApp) => {
        const presigned = await fetchApp("/uploads/a%20b.bin", { method: "POST" });
        equal(presigned.status, 200);
        const { url } = await presigned.json() as { url: string };
        const put = await fetch(url, { method: "PUT", body: data });
        await put.body?.cancel();
        equal(put.status, 200);
        equal((await c.statObject(bucket, "a b.bin")).size, data.length);

        const whole = await fetchApp("/files/a%20b.bin");
        equal(whole.status, 200);
        equal(whole.headers.get("content-length"), String(data.length));
        ok(new Uint8Array(await whole.arrayBuffer()).every((b, i) => b === data[i]));

        const part = await fetchApp("/files/a%20b.bin", { headers: { range: "bytes=10-19" } });
        equal(part.status, 206);
        deepEqual([...new Uint8Array(await part.arrayBuffer())], [...data.subarray(10, 20)]);

        const missing = await fetchApp("/files/none");
        await missing.body?.cancel();
        equal(missing.status, 404);
        const other = await fetchApp("/elsewhere");
        await other.body?.cancel();
        equal(other.status, 404);
      });
    });
  });
}
