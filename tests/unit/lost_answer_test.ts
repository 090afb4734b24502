// Requests whose answer is lost after the server acted on them: the fake
// below keeps the state a server would (uploads, parts, objects) and, for a
// chosen request, does the work and then fails like a reset connection.
// The same cases run against the real MinIO in
// tests/integration/lost_answer_test.ts.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { Minio, S3Error, ServerError } from "../../mod.ts";
import { multipartETag } from "../../src/s3/upload/multipart_recovery.ts";

const MiB = 1024 * 1024;
const BODY = new Uint8Array(5 * MiB + 7).map((_, i) => i % 251);
const xml = (body: string, headers: Record<string, string> = {}) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`, {
    headers: { "content-type": "application/xml", ...headers },
  });

interface Upload {
  id: string;
  key: string;
  initiated: number;
  parts: Map<number, string>;
}

/**
 * A tiny S3 of one bucket: enough state to see what a lost answer leaves.
 * `slow` holds a request back that many ms before the server acts on it;
 * the server's clock then is the real one, so uploads are dated by when
 * they arrived.
 */
function fakeS3(lose: (req: Request) => boolean, slow?: (req: Request) => number) {
  const uploads = new Map<string, Upload>();
  const objects = new Map<string, string>();
  const sent: string[] = [];
  let clock = Date.UTC(2026, 0, 2, 3, 4, 5);
  let ids = 0;
  const act = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const key = decodeURIComponent(url.pathname.split("/").slice(2).join("/"));
    const q = url.searchParams;
    const id = q.get("uploadId") ?? "";
    if (req.method === "POST" && q.has("uploads")) {
      const initiated = slow ? Date.now() : clock += 40;
      const u = { id: `up-${++ids}`, key, initiated, parts: new Map() };
      uploads.set(u.id, u);
      return xml(
        `<InitiateMultipartUploadResult><UploadId>${u.id}</UploadId>` +
          `</InitiateMultipartUploadResult>`,
      );
    }
    if (req.method === "GET" && q.has("uploads")) {
      let list = "";
      const sorted = [...uploads.values()].sort((a, b) =>
        a.key < b.key ? -1 : a.key > b.key ? 1 : 0
      );
      for (const u of sorted) {
        list += `<Upload><Key>${u.key}</Key><UploadId>${u.id}</UploadId>` +
          `<Initiated>${new Date(u.initiated).toISOString()}</Initiated></Upload>`;
      }
      return xml(
        `<ListMultipartUploadsResult>${list}<IsTruncated>false</IsTruncated>` +
          `</ListMultipartUploadsResult>`,
        { date: new Date(slow ? Date.now() : clock).toUTCString() },
      );
    }
    const upload = uploads.get(id);
    if (id && !upload) {
      return new Response("<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>", {
        status: 404,
      });
    }
    if (req.method === "PUT" && upload) {
      const etag = bytesToHex(md5(new Uint8Array(await req.arrayBuffer())));
      upload.parts.set(Number(q.get("partNumber")), etag);
      return new Response(null, { headers: { etag: `"${etag}"` } });
    }
    if (req.method === "POST" && upload) {
      const parts = [...upload.parts].sort(([a], [b]) => a - b);
      const etag = multipartETag(parts.map(([partNumber, etag]) => ({ partNumber, etag })))!;
      objects.set(key, etag);
      uploads.delete(id);
      return xml(
        `<CompleteMultipartUploadResult><ETag>"${etag}"</ETag>` +
          `</CompleteMultipartUploadResult>`,
      );
    }
    if (req.method === "DELETE" && upload) {
      uploads.delete(id);
      return new Response(null, { status: 204 });
    }
    if (req.method === "HEAD") {
      const etag = objects.get(key);
      return new Response(null, etag ? { headers: { etag: `"${etag}"` } } : { status: 404 });
    }
    if (req.method === "POST" && q.has("delete")) {
      await req.arrayBuffer();
      return xml("<DeleteResult></DeleteResult>");
    }
    return new Response(null, { status: 501 });
  };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    sent.push(`${req.method} ${url.search}`);
    const lost = lose(req);
    const wait = slow?.(req) ?? 0;
    if (wait) await new Promise((r) => setTimeout(r, wait));
    const res = await act(req);
    if (!lost) return res;
    await res.body?.cancel();
    throw new TypeError("connection reset");
  }) as typeof globalThis.fetch;
  const client = new Minio({
    endPoint: "s3.example.test",
    useSSL: false,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    retryDelayMs: 0,
    fetch,
  });
  return { client, uploads, objects, sent };
}

/** True the first time `match` holds, then never again. */
function once(match: (req: Request) => boolean): (req: Request) => boolean {
  let done = false;
  return (req) => !done && match(req) && (done = true);
}

const isComplete = (req: Request) => req.method === "POST" && req.url.includes("uploadId=");
const isCreate = (req: Request) => req.method === "POST" && req.url.includes("?uploads");

test("putObject succeeds when the answer to CompleteMultipartUpload is lost", async () => {
  const s3 = fakeS3(once(isComplete));
  const result = await s3.client.putObject("bkt", "big.bin", BODY, undefined, {
    partSize: 5 * MiB,
  });
  equal(result.etag, s3.objects.get("big.bin"));
  ok(result.etag.endsWith("-2"));
  equal(s3.sent.filter((s) => s.startsWith("POST ?uploadId")).length, 2);
  equal(s3.uploads.size, 0);
});

test("a retried complete's NoSuchUpload stands when the object is not ours", async () => {
  const s3 = fakeS3(once(isComplete));
  const real = s3.objects.set.bind(s3.objects);
  // Another writer's object lands under the name right after our complete.
  s3.objects.set = (k, _v) => real(k, "0123456789abcdef0123456789abcdef-3");
  await rejects(
    s3.client.putObject("bkt", "big.bin", BODY, undefined, { partSize: 5 * MiB }),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchUpload",
  );
});

test("completeMultipartUpload (public) succeeds when its answer is lost", async () => {
  const s3 = fakeS3(once(isComplete));
  const id = await s3.client.createPresignedMultipartUpload("bkt", "p.bin", 6);
  const part = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const etag = bytesToHex(md5(part));
  s3.uploads.get(id.uploadId)!.parts.set(1, etag);
  const done = await s3.client.completeMultipartUpload("bkt", "p.bin", id.uploadId, [
    { partNumber: 1, etag },
  ]);
  equal(done.etag, multipartETag([{ partNumber: 1, etag }]));
});

test("a lost answer to CreateMultipartUpload leaves no upload behind", async () => {
  const s3 = fakeS3(once(isCreate));
  // Someone else's upload of the same name, started long before: not ours to abort.
  s3.uploads.set("theirs", { id: "theirs", key: "big.bin", initiated: 0, parts: new Map() });
  // And one of a longer name, started just now: another object's.
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);
  s3.uploads.set("other", { id: "other", key: "big.bin2", initiated: now, parts: new Map() });
  const result = await s3.client.putObject("bkt", "big.bin", BODY, undefined, {
    partSize: 5 * MiB,
  });
  equal(result.etag, s3.objects.get("big.bin"));
  equal(s3.sent.filter((s) => s.startsWith("POST ?uploads")).length, 2);
  deepEqual([...s3.uploads.keys()].sort(), ["other", "theirs"]);
});

test("a lost create's upload is aborted when the retry that answered reached the server late", async () => {
  // The first create is made and its answer lost; the retry leaves at once
  // but reaches the server 1.5 s later, so the server dates the two uploads
  // 1.5 s apart although their sends were a moment apart. (Seen in the soak
  // through Toxiproxy's slicer: an upload left 7.5 s before the answered
  // one, of a create whose sends spanned 6.2 s.)
  let creates = 0;
  const s3 = fakeS3(once(isCreate), (req) => isCreate(req) && ++creates === 2 ? 1_500 : 0);
  await s3.client.putObject("bkt", "big.bin", BODY, undefined, { partSize: 5 * MiB });
  equal(creates, 2);
  equal(s3.uploads.size, 0);
});

test("every answer to CreateMultipartUpload lost: putObject fails typed and leaves no upload behind", async () => {
  const s3 = fakeS3(isCreate);
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);
  s3.uploads.set("theirs", { id: "theirs", key: "big.bin", initiated: 0, parts: new Map() });
  s3.uploads.set("other", { id: "other", key: "big.bin2", initiated: now, parts: new Map() });
  await rejects(
    s3.client.putObject("bkt", "big.bin", BODY, undefined, { partSize: 5 * MiB }),
    (e: unknown) => e instanceof ServerError && e.status === 0,
  );
  equal(
    s3.sent.filter((s) => s.startsWith("POST ?uploads")).length,
    11,
    "the create and 10 retries",
  );
  equal(
    s3.sent.filter((s) => s.startsWith("GET ") && s.includes("uploads=")).length,
    1,
    "one listing",
  );
  deepEqual([...s3.uploads.keys()].sort(), ["other", "theirs"]);
});

test("a failed create's clean-up listing is one attempt: no answer to it adds no retries", async () => {
  const isListing = (req: Request) => req.method === "GET" && req.url.includes("?uploads");
  const s3 = fakeS3((req) => isCreate(req) || isListing(req));
  await rejects(
    s3.client.putObject("bkt", "big.bin", BODY, undefined, { partSize: 5 * MiB }),
    // The create's error, not the listing's.
    (e: unknown) => e instanceof ServerError && e.status === 0 && !/not sent again/.test(e.message),
  );
  equal(s3.sent.filter((s) => s.startsWith("GET ") && s.includes("uploads=")).length, 1);
});

test("DeleteObjects is not sent again after a lost answer", async () => {
  const s3 = fakeS3(once((req) => req.method === "POST" && req.url.includes("?delete")));
  const removing = async () => {
    for await (const _ of s3.client.removeObjects("bkt", ["x", "y"])) { /* errors only */ }
  };
  await rejects(removing(), ServerError);
  equal(s3.sent.filter((s) => s.startsWith("POST ?delete")).length, 1);
});
