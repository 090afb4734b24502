/**
 * SSE-C: the server encrypts an object with a key only the client holds.
 * Upload and download with the same 32-byte key over TLS; a wrong key is
 * refused by the server; without TLS the client refuses to send the key at
 * all. Runs against a MinIO over TLS named by MINIO_ENDPOINT (https://...),
 * MINIO_ACCESS_KEY and MINIO_SECRET_KEY, and MINIO_HTTP_ENDPOINT for the
 * plain-HTTP attempt.
 *
 *   deno run -A examples/sse_c.ts
 *   bun examples/sse_c.ts
 *   SSE_C_MAIN=1 node --import tsx examples/sse_c.ts
 */
import { Minio, S3Error, SseCustomerKey } from "../mod.ts";

/** What the example saw. */
export interface SseCResult {
  /** The text downloaded with the right key. */
  downloaded: string;
  /** How the server answered a download with a wrong key. */
  wrongKey: string;
  /** How the client refused the key without TLS. */
  withoutTls: string;
}

/**
 * Uploads `secret.txt` to `bucket` with a fresh customer key through
 * `client` (TLS), downloads it with that key and with a wrong one, and tries
 * the upload through `plain` (no TLS).
 */
export async function sseC(client: Minio, bucket: string, plain: Minio): Promise<SseCResult> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);
  // Keep the key safe: without it the object cannot be read, not even by an admin.
  const key = new SseCustomerKey(crypto.getRandomValues(new Uint8Array(32)));

  await client.putObject(bucket, "secret.txt", "for your eyes only", undefined, { sse: key });
  const downloaded = await (await client.getObject(bucket, "secret.txt", { ssec: key })).text();
  console.log("downloaded with the key:", downloaded);

  const wrong = new SseCustomerKey(crypto.getRandomValues(new Uint8Array(32)));
  const wrongKey = await client.getObject(bucket, "secret.txt", { ssec: wrong }).then(
    () => "accepted?!",
    (e) => e instanceof S3Error ? `${e.status} ${e.code}: ${e.message}` : String(e),
  );
  console.log("with a wrong key:", wrongKey);

  const withoutTls = await plain.putObject(bucket, "secret.txt", "x", undefined, { sse: key }).then(
    () => "sent?!",
    (e) => `${(e as Error).name}: ${(e as Error).message}`,
  );
  console.log("without TLS:", withoutTls);
  return { downloaded, wrongKey, withoutTls };
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("SSE_C_MAIN") === "1")) {
  const credentials = {
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  };
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "https://127.0.0.1:9443",
    ...credentials,
  });
  const plain = new Minio({
    endPoint: env("MINIO_HTTP_ENDPOINT") ?? "http://127.0.0.1:9000",
    ...credentials,
  });
  await sseC(client, "sse-c-example", plain);
}
