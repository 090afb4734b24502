/**
 * The Worker that bench/workerd.mjs runs inside workerd: each request does
 * one measured batch of work with this SDK (the npm package's workerd
 * bundle) or with aws4fetch, against the test bed's MinIO over HTTP, and
 * answers when it is done; the driver times the request. (Inside a Worker
 * the clock only moves on I/O, so no timing happens here.)
 *
 *   GET /setup                        makes the bucket
 *   GET /presign?client=C&n=N         N presigned GET URLs, one after another
 *   GET /small?client=C&objects=N&inflight=K&round=R
 *                                     N objects of 4 KiB: PUT then GET each, K at a time
 *   GET /upload?client=C&mib=M&round=R
 *                                     one M MiB object from a stream, multipart in 5 MiB parts
 *   GET /teardown                     removes every object and the bucket
 *
 * C is `ours` or `aws4fetch`. The binding `MINIO` (JSON) holds `{ endpoint,
 * accessKey, secretKey, bucket }`.
 *
 * @module
 */

// The runner registers the npm package's workerd bundle (mod.workerd.js,
// built from mod.ts) under this name and aws4fetch's ES module under
// `bench/aws4fetch`, so the imports read the same in the source tree.
import { Minio } from "../mod.ts";
import { AwsClient } from "aws4fetch";

const REGION = "us-east-1";
const SMALL = 4096;
const PART = 5 * 1024 * 1024;
const CHUNK = 1024 * 1024;
// As the SDK's default: 4 parts in flight.
const PARTS_IN_FLIGHT = 4;
const small = new Uint8Array(SMALL).map((_, i) => i % 251);

// What a presign test signs, as bench/presign.ts.
const KEY = "2024/summer trip/beach day (1).jpg";
const EXPIRES = 3600;

function clients(env) {
  const { endpoint, accessKey, secretKey } = env.MINIO;
  return {
    ours: new Minio({ endPoint: endpoint, accessKey, secretKey, region: REGION }),
    aws: new AwsClient({
      accessKeyId: accessKey,
      secretAccessKey: secretKey,
      service: "s3",
      region: REGION,
    }),
  };
}

const objectUrl = (env, key) =>
  `${env.MINIO.endpoint}/${env.MINIO.bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;

async function presign(env, client, n) {
  const { ours, aws } = clients(env);
  let url = "";
  for (let i = 0; i < n; i++) {
    url = client === "ours"
      ? await ours.presignedGetObject(env.MINIO.bucket, KEY, EXPIRES)
      : (await aws.sign(`${objectUrl(env, KEY)}?X-Amz-Expires=${EXPIRES}`, {
        method: "GET",
        aws: { signQuery: true },
      })).url;
  }
  if (!/X-Amz-Signature=[0-9a-f]{64}/.test(url)) throw new Error(`no signature in ${url}`);
  return { n };
}

async function checked(res, what) {
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${new TextDecoder().decode(body)}`);
  return body;
}

async function smallObjects(env, client, objects, inflight, round) {
  const { ours, aws } = clients(env);
  const bucket = env.MINIO.bucket;
  let next = 0;
  await Promise.all(Array.from({ length: inflight }, async () => {
    while (next < objects) {
      const key = `small/${client}/${round}/${next++}`;
      let n;
      if (client === "ours") {
        await ours.putObject(bucket, key, small);
        n = (await (await ours.getObject(bucket, key)).bytes()).length;
      } else {
        await checked(await aws.fetch(objectUrl(env, key), { method: "PUT", body: small }), "PUT");
        n = (await checked(await aws.fetch(objectUrl(env, key)), "GET")).length;
      }
      if (n !== SMALL) throw new Error(`got ${n} bytes of ${key}`);
    }
  }));
  return { operations: 2 * objects };
}

/** `mib` MiB in 1 MiB chunks, as a request body or a generator would give them. */
function source(mib) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i === mib) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK).fill(i++ & 0xff));
    },
  }, { highWaterMark: 0 });
}

/** Reads `reader` into `part` until it is full or the stream ends; returns the bytes read. */
async function fill(reader, part, held) {
  let n = 0;
  while (n < part.length) {
    if (!held.chunk) {
      const { done, value } = await reader.read();
      if (done) break;
      held.chunk = value;
    }
    const take = Math.min(held.chunk.length, part.length - n);
    part.set(held.chunk.subarray(0, take), n);
    n += take;
    held.chunk = take === held.chunk.length ? undefined : held.chunk.subarray(take);
  }
  return n;
}

/**
 * A multipart upload with aws4fetch as a Worker would write it: 5 MiB parts
 * read from the stream, `PARTS_IN_FLIGHT` at a time, each part's body hashed
 * for its signature (aws4fetch's default), then CompleteMultipartUpload.
 */
async function aws4fetchUpload(env, aws, key, body) {
  const url = objectUrl(env, key);
  const created = new TextDecoder().decode(
    await checked(await aws.fetch(`${url}?uploads`, { method: "POST" }), "create"),
  );
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
  if (!uploadId) throw new Error(`no UploadId in ${created}`);
  const reader = body.getReader();
  const held = {};
  const etags = [];
  let count = 0;
  let ended = false;
  // Parts are read one after another (a stream has one reader), sent in parallel.
  let reading = Promise.resolve();
  const nextPart = () => {
    const next = reading.then(async () => {
      if (ended) return undefined;
      const part = new Uint8Array(PART);
      const n = await fill(reader, part, held);
      if (n < PART) ended = true;
      return n ? { number: ++count, body: part.subarray(0, n) } : undefined;
    });
    reading = next.then(() => {}, () => {});
    return next;
  };
  await Promise.all(Array.from({ length: PARTS_IN_FLIGHT }, async () => {
    for (let part = await nextPart(); part; part = await nextPart()) {
      const res = await aws.fetch(
        `${url}?partNumber=${part.number}&uploadId=${encodeURIComponent(uploadId)}`,
        { method: "PUT", body: part.body },
      );
      await checked(res, `part ${part.number}`);
      etags[part.number - 1] = res.headers.get("etag");
    }
  }));
  const xml = `<CompleteMultipartUpload>${
    etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join("")
  }</CompleteMultipartUpload>`;
  const done = new TextDecoder().decode(
    await checked(
      await aws.fetch(`${url}?uploadId=${encodeURIComponent(uploadId)}`, {
        method: "POST",
        body: xml,
      }),
      "complete",
    ),
  );
  if (!done.includes("<ETag>")) throw new Error(`complete: ${done}`);
  return { parts: etags.length };
}

async function upload(env, client, mib, round) {
  const { ours, aws } = clients(env);
  const key = `upload/${client}/${round}`;
  if (client === "ours") {
    const { etag } = await ours.putObject(env.MINIO.bucket, key, source(mib), mib * CHUNK);
    return { parts: Number(/-(\d+)$/.exec(etag.replaceAll('"', ""))?.[1]) };
  }
  return await aws4fetchUpload(env, aws, key, source(mib));
}

async function teardown(env) {
  const { ours } = clients(env);
  const bucket = env.MINIO.bucket;
  if (!(await ours.bucketExists(bucket))) return { removed: 0 };
  const names = [];
  for await (const o of ours.listObjects(bucket, { recursive: true })) names.push(o.name);
  const failed = await ours.removeObjects(bucket, names);
  if (failed.length) throw new Error(`${failed.length} objects not removed`);
  await ours.removeBucket(bucket);
  return { removed: names.length };
}

async function route(url, env) {
  const q = url.searchParams;
  const client = q.get("client");
  if (url.pathname !== "/setup" && url.pathname !== "/teardown") {
    if (client !== "ours" && client !== "aws4fetch") throw new Error(`client ${client}`);
  }
  const round = Number(q.get("round") ?? 0);
  switch (url.pathname) {
    case "/setup":
      await clients(env).ours.makeBucket(env.MINIO.bucket);
      return { bucket: env.MINIO.bucket };
    case "/presign":
      return await presign(env, client, Number(q.get("n")));
    case "/small":
      return await smallObjects(
        env,
        client,
        Number(q.get("objects")),
        Number(q.get("inflight")),
        round,
      );
    case "/upload":
      return await upload(env, client, Number(q.get("mib")), round);
    case "/teardown":
      return await teardown(env);
  }
  return undefined;
}

export default {
  async fetch(request, env) {
    try {
      const out = await route(new URL(request.url), env);
      if (!out) return new Response("not found", { status: 404 });
      return Response.json(out);
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return new Response(message, { status: 500 });
    }
  },
};
