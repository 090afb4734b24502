// A download whose body breaks part-way resumes from the byte reached, with a
// Range and If-Match on the ETag; what cannot be resumed is a typed
// DownloadInterruptedError, never the runtime's raw TypeError("terminated").
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DownloadInterruptedError,
  InvalidArgumentError,
  Minio,
  S3Error,
  ServerError,
  TimeoutError,
} from "../../mod.ts";
import { fakeClientWith, recordRequest, type Sent } from "./fake_fetch.ts";

const DATA = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
const ETAG = '"0123456789abcdef0123456789abcdef"';

/** A body that gives `bytes` and then fails as a dropped connection does in Node. */
function breaking(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let given = false;
  return new ReadableStream({
    pull(c) {
      if (given) return c.error(new TypeError("terminated"));
      given = true;
      c.enqueue(bytes);
    },
  });
}

/** The answer to a GET of DATA[from..to] (whole with no range), cut after `cut` bytes if given. */
function answer(s: Sent, cut?: number, etag = ETAG): Response {
  const m = /^bytes=(\d+)-(\d*)$/.exec(s.headers.get("range") ?? "");
  const from = m ? Number(m[1]) : 0;
  const to = m && m[2] ? Number(m[2]) : DATA.length - 1;
  const part = DATA.slice(from, to + 1);
  const headers: Record<string, string> = { etag, "content-length": String(part.length) };
  if (m) headers["content-range"] = `bytes ${from}-${to}/${DATA.length}`;
  const body = cut === undefined ? part : breaking(part.slice(0, cut));
  return new Response(body, { status: m ? 206 : 200, headers });
}

function interrupted(check: (e: DownloadInterruptedError) => void) {
  return (e: unknown) => {
    ok(e instanceof DownloadInterruptedError, `expected DownloadInterruptedError, got ${e}`);
    equal(e.status, 0);
    equal(e.bucket, "b-1");
    equal(e.object, "big.bin");
    check(e);
    return true;
  };
}

test("getObject: a body that breaks part-way resumes from the byte reached, If-Match on the ETag", async () => {
  const { client, sent } = fakeClientWith((s) => answer(s, sent.length === 1 ? 300 : undefined));
  const loaded: number[] = [];
  const res = await client.getObject("b-1", "big.bin", {
    onProgress: (p) => {
      loaded.push(p.loaded);
      equal(p.total, DATA.length);
    },
  });
  deepEqual(await res.bytes(), DATA);
  equal(sent.length, 2);
  equal(sent[0].headers.get("range"), null);
  equal(sent[0].headers.get("if-match"), null);
  equal(sent[1].headers.get("range"), "bytes=300-");
  equal(sent[1].headers.get("if-match"), ETAG);
  equal(loaded.at(-1), DATA.length);
  equal(res.stat.size, DATA.length);
});

test("getObject: a range resumes within the range; the first answer's conditions are not resent", async () => {
  const since = new Date("2020-01-01T00:00:00Z");
  const { client, sent } = fakeClientWith((s) => answer(s, sent.length <= 2 ? 25 : undefined));
  const res = await client.getObject("b-1", "big.bin", {
    offset: 100,
    length: 200,
    versionId: "v-1",
    notMatchETag: '"other"',
    modifiedSince: since,
  });
  deepEqual(await res.bytes(), DATA.slice(100, 300));
  deepEqual(sent.map((s) => s.headers.get("range")), [
    "bytes=100-299",
    "bytes=125-299",
    "bytes=150-299",
  ]);
  for (const s of sent.slice(1)) {
    equal(s.headers.get("if-match"), ETAG);
    equal(s.headers.get("if-none-match"), null);
    equal(s.headers.get("if-modified-since"), null);
    equal(s.url.searchParams.get("versionId"), "v-1");
  }
});

test("getObject: an object changed before the resume is a DownloadInterruptedError, not spliced", async () => {
  const { client, sent } = fakeClientWith((s) =>
    sent.length === 1 ? answer(s, 400) : new Response(
      `<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>`,
      { status: 412 },
    )
  );
  const res = await client.getObject("b-1", "big.bin");
  const reader = res.body.getReader();
  let got = 0;
  await rejects(
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        got += value.length;
      }
    })(),
    interrupted((e) => {
      equal(e.bytesRead, 400);
      equal(e.resumes, 1);
      ok(e.cause instanceof S3Error && e.cause.code === "PreconditionFailed", String(e.cause));
      ok(/changed/.test(e.message), e.message);
    }),
  );
  equal(got, 400);
  equal(sent.length, 2);
  equal(sent[1].headers.get("if-match"), ETAG);
});

test("getObject: resumes are bounded by maxResumes, per call and per client", async () => {
  const { client, sent } = fakeClientWith((s) => answer(s, 10));
  const res = await client.getObject("b-1", "big.bin", { maxResumes: 2 });
  await rejects(
    res.bytes(),
    interrupted((e) => {
      equal(e.resumes, 2);
      equal(e.bytesRead, 30);
      // The runtime's error, typed by the body: a ServerError of status 0 with it as cause.
      ok(e.cause instanceof ServerError && e.cause.status === 0);
      ok((e.cause as Error).cause instanceof TypeError);
    }),
  );
  equal(sent.length, 3);

  // Off for the call, or off for the client.
  for (const [clientResumes, callResumes] of [[5, 0], [0, undefined]]) {
    const sent: Sent[] = [];
    const zero = new Minio({
      endPoint: "s3.example.test",
      useSSL: false,
      accessKey: "AKIDTEST",
      secretKey: "wJalrXUtnFEMI/SECRET/KEY",
      region: "us-east-1",
      maxRetries: 0,
      maxResumes: clientResumes,
      fetch: async (input, init) => {
        sent.push(await recordRequest(input, init));
        return answer(sent.at(-1)!, 10);
      },
    });
    const r = await zero.getObject("b-1", "big.bin", { maxResumes: callResumes });
    await rejects(r.bytes(), interrupted((e) => ok(/maxResumes 0/.test(e.message), e.message)));
    equal(sent.length, 1);
  }
  throws(() => new Minio({ endPoint: "s3.example.test", maxResumes: 1.5 }), InvalidArgumentError);
  await rejects(client.getObject("b-1", "big.bin", { maxResumes: -1 }), InvalidArgumentError);
});

test("getObject: without an ETag, or content-encoded, the body is not resumed", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /no strong ETag/],
    [{ etag: 'W/"weak"' }, /no strong ETag/],
    [{ etag: ETAG, "content-encoding": "gzip" }, /Content-Encoding gzip/],
  ];
  for (const [headers, why] of cases) {
    const { client, sent } = fakeClientWith(() =>
      new Response(breaking(DATA.slice(0, 5)), { status: 200, headers })
    );
    const res = await client.getObject("b-1", "big.bin");
    await rejects(res.text(), interrupted((e) => ok(why.test(e.message), e.message)));
    equal(sent.length, 1);
  }
});

test("getObject: a typed body failure (a timeout's) resumes, or stays as it is when it cannot", async () => {
  const stalled = new TimeoutError("body", 50);
  const failing = (headers: Record<string, string>) =>
    new Response(
      new ReadableStream({
        pull(c) {
          c.enqueue(DATA.slice(0, 10));
          c.error(stalled);
        },
      }, { highWaterMark: 0 }),
      { headers: { "content-length": String(DATA.length), ...headers } },
    );
  const noEtag = fakeClientWith(() => failing({}));
  const res = await noEtag.client.getObject("b-1", "big.bin");
  await rejects(res.bytes(), (e) => e === stalled);
  const withEtag = fakeClientWith((s) =>
    withEtag.sent.length === 1 ? failing({ etag: ETAG }) : answer(s)
  );
  deepEqual(await (await withEtag.client.getObject("b-1", "big.bin")).bytes(), DATA);
  equal(withEtag.sent[1].headers.get("range"), "bytes=10-");
});

test("getObject: a resume answered with the whole object (Range ignored) is an error, not spliced", async () => {
  const { client, sent } = fakeClientWith((s) =>
    sent.length === 1 ? answer(s, 100) : new Response(DATA, { headers: { etag: ETAG } })
  );
  const res = await client.getObject("b-1", "big.bin");
  await rejects(res.bytes(), interrupted((e) => ok(/HTTP 200/.test(e.message), e.message)));
  equal(sent.length, 2);
});

test("getObject: a body that ends short of its Content-Length resumes too", async () => {
  const { client, sent } = fakeClientWith((s) => {
    if (sent.length > 1) return answer(s);
    return new Response(DATA.slice(0, 600), {
      headers: { etag: ETAG, "content-length": String(DATA.length) },
    });
  });
  deepEqual(await (await client.getObject("b-1", "big.bin")).bytes(), DATA);
  equal(sent[1].headers.get("range"), "bytes=600-");
});

test("getObject: an abort mid-body surfaces its reason and is not resumed", async () => {
  const ac = new AbortController();
  const { client, sent } = fakeClientWith((s) =>
    new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(DATA.slice(0, 10));
          s.signal?.addEventListener("abort", () => c.error(s.signal?.reason), { once: true });
        },
      }),
      { headers: { etag: ETAG, "content-length": String(DATA.length) } },
    )
  );
  const res = await client.getObject("b-1", "big.bin", { signal: ac.signal });
  const reader = res.body.getReader();
  equal((await reader.read()).value?.length, 10);
  ac.abort(new Error("enough"));
  await rejects(reader.read(), /enough/);
  equal(sent.length, 1);
});

test("fGetObject: a broken body resumes and the file is byte-exact", async () => {
  const dir = mkdtempSync(join(tmpdir(), "resume-"));
  try {
    const { client, sent } = fakeClientWith((s) => answer(s, sent.length === 1 ? 123 : undefined));
    const stat = await client.fGetObject("b-1", "big.bin", join(dir, "out.bin"));
    equal(stat.size, DATA.length);
    deepEqual(new Uint8Array(readFileSync(join(dir, "out.bin"))), DATA);
    equal(sent[1].headers.get("range"), "bytes=123-");
    equal(sent[1].headers.get("if-match"), ETAG);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
