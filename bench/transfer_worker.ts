/**
 * One timed transfer for bench/transfer.ts: upload a file or download an
 * object with one client, then print `{"bytes":N,"ms":T}` on stdout. Run in
 * its own process so its peak RSS is its own.
 *
 *   <runtime> bench/transfer_worker.ts <edge|minio-js|aws-sdk> <upload|download> <bucket> <object> <file>
 *
 * Endpoint and credentials come from the test-bed variables (MINIO_TEST_*).
 */
import { Minio } from "../mod.ts";

const g = globalThis as {
  Deno?: { args: string[]; env: { get(k: string): string | undefined } };
  process?: { argv: string[]; env: Record<string, string | undefined> };
};
const args = g.Deno ? g.Deno.args : g.process!.argv.slice(2);
const env = (k: string) => (g.Deno ? g.Deno.env.get(k) : g.process!.env[k]) ?? "";
const [client, op, bucket, object, file] = args;
const tls = env("BENCH_TLS") === "1";
const port = Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT"));
const host = "127.0.0.1";
const accessKey = env("MINIO_TEST_ACCESS_KEY");
const secretKey = env("MINIO_TEST_SECRET_KEY");

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const c of chunks) n += c.length;
  return n;
}

async function edge(): Promise<number> {
  const c = new Minio({ endPoint: host, port, useSSL: tls, accessKey, secretKey });
  if (op === "upload") {
    // BENCH_PART_MIB: a part size other than minio-py's default (mc's 16 MiB).
    const partMib = Number(env("BENCH_PART_MIB") || 0);
    await c.fPutObject(bucket, object, file, partMib ? { partSize: partMib * 1024 * 1024 } : {});
    return (await c.statObject(bucket, object)).size;
  }
  const res = await c.getObject(bucket, object);
  return drain(res.body as unknown as AsyncIterable<Uint8Array>);
}

async function minioJs(): Promise<number> {
  const spec = "minio";
  const Minio = (await import(spec)).Client;
  const c = new Minio({ endPoint: host, port, useSSL: tls, accessKey, secretKey });
  if (op === "upload") {
    await c.fPutObject(bucket, object, file, {});
    return (await c.statObject(bucket, object)).size;
  }
  return drain(await c.getObject(bucket, object));
}

async function awsSdk(): Promise<number> {
  const s3mod = "@aws-sdk/client-s3";
  const libmod = "@aws-sdk/lib-storage";
  const fsmod = "node:fs";
  const { S3Client, GetObjectCommand, HeadObjectCommand } = await import(s3mod);
  const c = new S3Client({
    endpoint: `${tls ? "https" : "http"}://${host}:${port}`,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
  });
  if (op === "upload") {
    const { Upload } = await import(libmod);
    const { createReadStream } = await import(fsmod);
    await new Upload({
      client: c,
      params: { Bucket: bucket, Key: object, Body: createReadStream(file) },
    })
      .done();
    return (await c.send(new HeadObjectCommand({ Bucket: bucket, Key: object }))).ContentLength;
  }
  const res = await c.send(new GetObjectCommand({ Bucket: bucket, Key: object }));
  return drain(res.Body);
}

const run = { edge, "minio-js": minioJs, "aws-sdk": awsSdk }[client];
if (!run || (op !== "upload" && op !== "download")) {
  throw new Error(
    "usage: transfer_worker.ts <edge|minio-js|aws-sdk> <upload|download> <bucket> <object> <file>",
  );
}
const t0 = performance.now();
const bytes = await run();
console.log(JSON.stringify({ bytes, ms: performance.now() - t0 }));
