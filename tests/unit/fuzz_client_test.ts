// Properties of the client on hostile 200 answers: each read operation gets
// a valid answer of the server, mutated, for every request it makes. It
// must return or fail with a typed error, settle within a second, and make
// a bounded number of requests (a page that repeats itself must not be
// asked for again and again).
import fc from "fast-check";
import { ok, test } from "../harness.ts";
import { CopySource, Minio } from "../../mod.ts";
import { hostileXml, runs, settlesTyped } from "./fuzz_support.ts";
import * as S from "./fuzz_samples.ts";
import { assumeRole } from "../../src/credentials/sts.ts";

// More requests than any correct reading of one repeated page needs.
const MAX_REQUESTS = 10;

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length > 100_000) throw new Error("the listing never ends");
  }
  return out;
}

/**
 * A client whose fetch answers with `respond` (the request's method and
 * URL). Lighter than fake_fetch's recording client, which reads every
 * request whole: these properties make tens of thousands of requests.
 */
function answeringClient(
  respond: (method: string, url: URL) => Response,
  region: string | undefined = "us-east-1",
): Minio {
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(respond(init?.method ?? "GET", new URL(String(input))));
  return new Minio({
    endPoint: "s3.example.test",
    port: 9000,
    useSSL: false,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region,
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
}

/** One read operation: what it asks, and the answers it may get. */
interface Case {
  name: string;
  /** The documents of the answer to a request. */
  answers: S.Samples[];
  /** Which of `answers` a request gets (default the first). */
  pick?: (url: URL) => number;
  run: (client: Minio) => Promise<unknown>;
  /** A client without a fixed region, which asks for the bucket's location. */
  noRegion?: boolean;
}

const LOCATION: S.Samples = {
  root: "LocationConstraint",
  docs: [
    `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint ` +
    `xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>`,
  ],
};

const hasQuery = (key: string) => (url: URL) => url.searchParams.has(key) ? 1 : 0;

const CASES: Case[] = [
  {
    name: "listObjects (V2)",
    answers: [S.LIST_V2],
    run: (c) => drain(c.listObjects("b-1", { includeUserMetadata: true })),
  },
  {
    name: "listObjects (V1)",
    answers: [S.LIST_V1],
    run: (c) => drain(c.listObjects("b-1", { useApiV1: true })),
  },
  {
    name: "listObjects (versions)",
    answers: [S.LIST_VERSIONS],
    run: (c) => drain(c.listObjects("b-1", { includeVersion: true })),
  },
  { name: "listBuckets", answers: [S.LIST_BUCKETS], run: (c) => c.listBuckets() },
  {
    name: "listIncompleteUploads (with sizes)",
    answers: [S.LIST_UPLOADS, S.LIST_PARTS],
    pick: hasQuery("uploadId"),
    run: (c) => drain(c.listIncompleteUploads("b-1", { recursive: true, includeSize: true })),
  },
  {
    name: "listUploadedParts",
    answers: [S.LIST_PARTS],
    run: (c) => c.listUploadedParts("b-1", "k", "UP1"),
  },
  {
    name: "removeObjects",
    answers: [S.DELETE_RESULT],
    run: (c) => drain(c.removeObjects("b-1", ["a", "b", "c"])),
  },
  {
    name: "getObjectAttributes",
    answers: [S.OBJECT_ATTRIBUTES],
    run: (c) => c.getObjectAttributes("b-1", "k"),
  },
  { name: "getBucketLifecycle", answers: [S.LIFECYCLE], run: (c) => c.getBucketLifecycle("b-1") },
  {
    name: "getBucketReplication",
    answers: [S.REPLICATION],
    run: (c) => c.getBucketReplication("b-1"),
  },
  {
    name: "getBucketNotification",
    answers: [S.NOTIFICATION],
    run: (c) => c.getBucketNotification("b-1"),
  },
  {
    name: "getObjectLockConfig",
    answers: [S.OBJECT_LOCK],
    run: (c) => c.getObjectLockConfig("b-1"),
  },
  {
    name: "getBucketVersioning",
    answers: [S.VERSIONING],
    run: (c) => c.getBucketVersioning("b-1"),
  },
  {
    name: "getBucketEncryption",
    answers: [S.ENCRYPTION],
    run: (c) => c.getBucketEncryption("b-1"),
  },
  { name: "getBucketTags", answers: [S.TAGGING], run: (c) => c.getBucketTags("b-1") },
  { name: "getObjectTags", answers: [S.TAGGING], run: (c) => c.getObjectTags("b-1", "k") },
  {
    name: "getObjectRetention",
    answers: [S.RETENTION],
    run: (c) => c.getObjectRetention("b-1", "k"),
  },
  {
    name: "isObjectLegalHoldEnabled",
    answers: [S.LEGAL_HOLD],
    run: (c) => c.isObjectLegalHoldEnabled("b-1", "k"),
  },
  {
    name: "copyObject",
    answers: [S.COPY_RESULT],
    run: (c) => c.copyObject("b-1", "k", new CopySource("src", "s")),
  },
  {
    name: "createPresignedMultipartUpload",
    answers: [S.INITIATE],
    run: (c) => c.createPresignedMultipartUpload("b-1", "k", 12 * 1024 * 1024),
  },
  {
    name: "completeMultipartUpload",
    answers: [S.COMPLETE],
    run: (c) =>
      c.completeMultipartUpload("b-1", "k", "UP1", [{ partNumber: 1, etag: "p1" }, {
        partNumber: 2,
        etag: "p2",
      }]),
  },
  {
    name: "getBucketLocation",
    answers: [LOCATION],
    run: (c) => c.getBucketLocation("b-1"),
    noRegion: true,
  },
  {
    name: "getBucketLifecycle (region looked up first)",
    answers: [S.LIFECYCLE, LOCATION],
    pick: hasQuery("location"),
    run: (c) => c.getBucketLifecycle("b-1"),
    noRegion: true,
  },
];

/** Runs `run` against a client answering each request with its mutated document. */
async function against(c: Case, bodies: string[]): Promise<void> {
  let requests = 0;
  const client = answeringClient(
    (_method, url) => {
      requests++;
      // Past the bound, an answer that ends any loop, so a looping client
      // fails the count below instead of running until the time limit.
      if (requests > MAX_REQUESTS) return new Response("stop", { status: 400 });
      return new Response(bodies[c.pick?.(url) ?? 0], {
        status: 200,
        headers: { "content-type": "application/xml" },
      });
    },
    c.noRegion ? undefined : "us-east-1",
  );
  await settlesTyped(() => c.run(client));
  ok(requests <= MAX_REQUESTS, `${c.name} made more than ${MAX_REQUESTS} requests`);
}

CASES.forEach((c, i) => {
  test(`fuzz client ${c.name}: a mutated 200 answer is read or fails typed, promptly`, async () => {
    // The valid answers themselves are read.
    await against(c, c.answers.map((a) => a.docs[0]));
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...c.answers.map((a) => hostileXml(a.root, a.docs))),
        (bodies) => against(c, bodies),
      ),
      runs(1400 + i),
    );
  });
});

const OBJECT_HEADERS: Record<string, string> = {
  "content-length": "11",
  "content-type": "text/plain",
  etag: '"d41d8cd98f00b204e9800998ecf8427e"',
  "last-modified": "Thu, 26 Nov 2026 20:50:11 GMT",
  "x-amz-version-id": "v-1",
  "x-amz-meta-owner": "ann",
  "x-amz-object-lock-mode": "GOVERNANCE",
  "x-amz-object-lock-retain-until-date": "2030-01-01T00:00:00Z",
  "x-amz-object-lock-legal-hold": "ON",
  "x-amz-storage-class": "STANDARD",
  "x-amz-tagging-count": "2",
  "content-range": "bytes 0-10/11",
};

// What a Headers object takes: Latin-1 without NUL, CR and LF.
const headerValue = fc.oneof(
  fc.constantFrom("", "-1", "NaN", "1e400", "bytes */5", "bytes 0-1/x", '"', "not a date", "ON"),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((n) => String.fromCharCode(n)) }),
);

const mutatedHeaders = fc.tuple(
  fc.dictionary(fc.constantFrom(...Object.keys(OBJECT_HEADERS)), headerValue),
  fc.subarray(Object.keys(OBJECT_HEADERS)),
).map(([changed, dropped]) => {
  const headers: Record<string, string> = { ...OBJECT_HEADERS, ...changed };
  for (const k of dropped) delete headers[k];
  return headers;
});

test("fuzz client statObject and getObject: mutated object headers are read or fail typed", async () => {
  await fc.assert(
    fc.asyncProperty(mutatedHeaders, fc.string({ maxLength: 20 }), async (headers, body) => {
      const client = answeringClient((method) =>
        new Response(method === "HEAD" ? null : body, { status: 200, headers })
      );
      await settlesTyped(() => client.statObject("b-1", "k"));
      await settlesTyped(async () => await (await client.getObject("b-1", "k")).bytes());
    }),
    runs(1450),
  );
});

test("fuzz STS AssumeRole: a mutated answer is credentials or a typed error", async () => {
  const errorDocs = [
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
    `<Code>InvalidParameterValue</Code><Message>bad</Message></Error><RequestId>1</RequestId>` +
    `</ErrorResponse>`,
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        hostileXml(S.STS.root, S.STS.docs).map((body) => ({ body, status: 200 })),
        hostileXml("ErrorResponse", errorDocs).map((body) => ({ body, status: 400 })),
      ),
      async ({ body, status }) => {
        const fetchFn = () => Promise.resolve(new Response(body, { status }));
        await settlesTyped(() =>
          assumeRole("http://sts.example.test", "AssumeRole", {}, fetchFn as typeof fetch)
        );
      },
    ),
    runs(1460),
  );
});
