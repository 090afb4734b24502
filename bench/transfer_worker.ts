/**
 * One timed transfer for bench/transfer.ts: upload a file or download an
 * object with one client, then print `{"bytes":N,"ms":T}` on stdout. Run in
 * its own process so its peak RSS is its own.
 *
 *   <runtime> bench/transfer_worker.ts <edge|raw|raw-signed|bun-s3|minio-js|aws-sdk> <upload|download> <bucket> <object> <file>
 *
 * `raw` is the runtime's floor: bare `fetch` of presigned URLs, the part
 * PUTs at the SDK's default part size and concurrency (BENCH_PART_MIB
 * overrides both it and the SDK's), and one GET streamed to nothing.
 * `raw-signed` (uploads only) is the same floor for a signed payload, what
 * the SDK sends over plain HTTP: each part hashed with the runtime's
 * `node:crypto` and PUT with its SHA-256 in a header signature.
 * `bun-s3` is Bun's native `Bun.S3Client` (Bun only).
 * Endpoint and credentials come from the test-bed variables (MINIO_TEST_*).
 */
import { Minio, signV4Headers } from "../mod.ts";
import { defaultPartSize } from "../src/s3/upload/part_size.ts";
import { amzDate } from "../src/signer/time.ts";
import { uriEncodePath } from "../src/signer/encode.ts";
import { argv, env, optionalEnv } from "./runtime.ts";

const [client, op, bucket, object, file] = argv;
const tls = optionalEnv("BENCH_TLS") === "1";
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
  // The runtime's floor of memory: one 1-byte PUT through the SDK.
  if (op === "floor") return (await c.putObject(bucket, object, new Uint8Array(1)), 1);
  if (op === "upload") {
    // BENCH_PART_MIB: a part size other than the SDK's default.
    const partMib = Number(optionalEnv("BENCH_PART_MIB") || 0);
    await c.fPutObject(bucket, object, file, partMib ? { partSize: partMib * 1024 * 1024 } : {});
    return (await c.statObject(bucket, object)).size;
  }
  const res = await c.getObject(bucket, object);
  return drain(res.body as unknown as AsyncIterable<Uint8Array>);
}

/** The SDK's default of 4 parts in flight. */
const CONCURRENCY = 4;

/**
 * A part PUT of the signed floor: the part's SHA-256 signed in the
 * request's headers, as the SDK signs an upload over plain HTTP.
 */
async function signedPut(
  partNumber: number,
  uploadId: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<Response> {
  const cryptoMod = "node:crypto";
  const { createHash } = await import(cryptoMod);
  const payloadHash: string = createHash("sha256").update(body).digest("hex");
  const path = `/${bucket}/${uriEncodePath(object)}`;
  const query: [string, string][] = [["partNumber", String(partNumber)], ["uploadId", uploadId]];
  const now = new Date();
  const headers: Record<string, string> = {
    host: `${host}:${port}`,
    "x-amz-date": amzDate(now),
    "x-amz-content-sha256": payloadHash,
  };
  const signed = signV4Headers(
    { method: "PUT", path, query, headers, payloadHash },
    { accessKey, secretKey },
    "us-east-1",
    "s3",
    now,
  );
  const url = `${tls ? "https" : "http"}://${host}:${port}${path}?${signed.query}`;
  delete headers.host;
  return fetch(url, {
    method: "PUT",
    body,
    headers: { ...headers, authorization: signed.authorization },
  });
}

async function raw(): Promise<number> {
  const signed = client === "raw-signed";
  if (signed && op !== "upload") throw new Error("raw-signed uploads only");
  const c = new Minio({
    endPoint: host,
    port,
    useSSL: tls,
    accessKey,
    secretKey,
    region: "us-east-1",
  });
  if (op === "download") {
    const res = await fetch(await c.presignedGetObject(bucket, object, 3600));
    if (!res.ok) throw new Error(`GET ${res.status}`);
    return drain(res.body as unknown as AsyncIterable<Uint8Array>);
  }
  const fsmod = "node:fs/promises";
  const { open, stat } = await import(fsmod);
  const size: number = (await stat(file)).size;
  const partMib = Number(optionalEnv("BENCH_PART_MIB") || 0);
  const partSize = partMib ? partMib * 1024 * 1024 : defaultPartSize(size);
  const plan = await c.createPresignedMultipartUpload(bucket, object, size, { partSize });
  const fh = await open(file, "r");
  const etags: { partNumber: number; etag: string }[] = [];
  let next = 0;
  // One buffer per worker, reused: partSize x concurrency, as the SDK holds.
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    const buf = new Uint8Array(partSize);
    while (next < plan.parts.length) {
      const p = plan.parts[next++];
      const { bytesRead } = await fh.read(buf, 0, p.size, p.offset);
      const body = buf.subarray(0, bytesRead);
      const res = signed
        ? await signedPut(p.partNumber, plan.uploadId, body)
        : await fetch(p.url, { method: "PUT", body });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`PUT part ${p.partNumber}: ${res.status}`);
      etags.push({ partNumber: p.partNumber, etag: res.headers.get("etag") ?? "" });
    }
  }));
  await fh.close();
  etags.sort((a, b) => a.partNumber - b.partNumber);
  await c.completeMultipartUpload(bucket, object, plan.uploadId, etags);
  return (await c.statObject(bucket, object)).size;
}

async function bunS3(): Promise<number> {
  const bun = (globalThis as {
    Bun?: {
      S3Client: new (o: Record<string, string>) => {
        write(k: string, d: unknown, o: Record<string, number>): Promise<number>;
        file(k: string): { stream(): ReadableStream<Uint8Array> };
        size(k: string): Promise<number>;
      };
      file(path: string): unknown;
    };
  }).Bun;
  if (!bun) throw new Error("bun-s3 runs on Bun only");
  const s3 = new bun.S3Client({
    accessKeyId: accessKey,
    secretAccessKey: secretKey,
    endpoint: `${tls ? "https" : "http"}://${host}:${port}`,
    bucket,
    region: "us-east-1",
  });
  if (op === "upload") {
    // Its own default part size and queue; BENCH_PART_MIB as for the others.
    const partMib = Number(optionalEnv("BENCH_PART_MIB") || 0);
    await s3.write(object, bun.file(file), partMib ? { partSize: partMib * 1024 * 1024 } : {});
    return s3.size(object);
  }
  return drain(s3.file(object).stream() as unknown as AsyncIterable<Uint8Array>);
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

const run =
  { edge, raw, "raw-signed": raw, "bun-s3": bunS3, "minio-js": minioJs, "aws-sdk": awsSdk }[client];
if (!run || (op !== "upload" && op !== "download" && (op !== "floor" || run !== edge))) {
  throw new Error(
    "usage: transfer_worker.ts <edge|raw|raw-signed|bun-s3|minio-js|aws-sdk> <upload|download> <bucket> <object> <file>",
  );
}
const t0 = performance.now();
const bytes = await run();
console.log(JSON.stringify({ bytes, ms: performance.now() - t0 }));
