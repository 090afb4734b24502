// Uploads of 64 KiB or more on Deno go as aws-chunked streams (src/core/aws_chunked.ts): the
// real MinIO stores them byte-exact, over HTTP (signed chunks) and TLS
// (unsigned, CRC32 trailer), one PUT and multipart. On Node and Bun the same
// uploads go as before and must land the same.
import { deepEqual, equal, test } from "../harness.ts";
import { clientWithFetch } from "./wrapped_fetch.ts";
import { withBucket } from "./testbed.ts";

const MIB = 1024 * 1024;

function pattern(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) b[i] = (i / 4096) & 255;
  b[size - 1] = 7;
  return b;
}

for (const tls of [false, true]) {
  test(`[${tls ? "tls" : "http"}] putObject lands byte-exact as one PUT and as parts`, async () => {
    const forms = new Set<string>();
    const c = clientWithFetch(tls, (url, init) => {
      if (init?.method === "PUT" && String(url).includes("/o-")) {
        const h = init.headers as Record<string, string>;
        const hash = h["x-amz-content-sha256"];
        const size = String(url).split("/o-")[1].split("?")[0];
        forms.add(
          `${size} ${init.body instanceof ReadableStream} ${hash.length === 64 ? "sha256" : hash}`,
        );
      }
      return fetch(url, init);
    });
    await withBucket(c, async (bucket) => {
      for (const size of [1, 5 * MIB + 3, 33 * MIB + 1]) {
        const data = pattern(size);
        let loaded = 0;
        await c.putObject(bucket, `o-${size}`, data, undefined, {
          onProgress: (p) => void (loaded = p.loaded),
        });
        const got = new Uint8Array(await (await c.getObject(bucket, `o-${size}`)).arrayBuffer());
        equal(got.length, size);
        equal(got.every((x, i) => x === data[i]), true);
        equal(loaded, size);
      }
    });
    // With onProgress, Node and Bun stream every part with its Content-Length;
    // Deno sends data of 64 KiB or more aws-chunked, smaller data as bytes.
    const deno = "Deno" in globalThis;
    const bytes = tls ? "UNSIGNED-PAYLOAD" : "sha256";
    const large = deno
      ? tls ? "STREAMING-UNSIGNED-PAYLOAD-TRAILER" : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
      : bytes;
    deepEqual([...forms], [
      `1 ${!deno} ${bytes}`,
      `${5 * MIB + 3} true ${large}`,
      `${33 * MIB + 1} true ${large}`,
    ]);
  });
}
