/**
 * How much memory a runtime's fetch holds while it sends request bodies, by
 * the form of the body: the repro of Deno's request-body copy (issue 16).
 *
 *   deno run -A bench/deno_body_copy.ts [--parts 32] [--part-mib 16] [--concurrency 4]
 *     [--forms bytes,stream,blob,aws-chunked] [--runtimes deno,node,bun] [--rounds 1]
 *     [--chunk-kib 1024] [--gc] [--minio] [--tls]
 *
 * The script (on Deno) starts a sink, `Deno.serve` on 127.0.0.1 that reads
 * each request body to the end and answers with its length and framing, and
 * then runs one client process per runtime and body form. A client holds one
 * part buffer per worker (filled once, reused, as the SDK's uploader does) and
 * PUTs `--parts` parts of `--part-mib` MiB, `--concurrency` at a time, each as
 *
 * - `bytes`: the `Uint8Array` itself;
 * - `stream`: a `ReadableStream` of 1 MiB views of it, with a Content-Length
 *   header (which a runtime may honour or drop);
 * - `blob`: `new Blob([bytes])`, made for each request;
 * - `aws-chunked`: a `ReadableStream` of the same views framed as S3's
 *   aws-chunked encoding (`x-amz-content-sha256:
 *   STREAMING-UNSIGNED-PAYLOAD-TRAILER`, `x-amz-decoded-content-length`,
 *   an empty trailer section), the stream S3 defines for a body whose
 *   length the headers declare. MinIO takes it over chunked transfer; AWS S3
 *   refuses chunked transfer (501).
 *
 * `--gc` (Deno only) starts the clients with `--v8-flags=--expose-gc` and runs
 * the collector after each response, to show how much of the peak is garbage
 * not yet collected.
 *
 * It reports the client's CPU per GiB sent, its peak RSS (the kernel's VmHWM,
 * and the highest `memoryUsage().rss` sampled every 5 ms), its RSS once the
 * buffers are filled, and MiB/s. With `--minio` the PUTs go to the test bed's MinIO
 * instead (source $TESTBED_DIR/env first; `--tls` for its TLS port), signed
 * in the header, each part an object of its own; the first and last objects
 * are read back and compared byte for byte.
 *
 * The sink and the bodies use nothing of the SDK; only `--minio` loads its
 * signer. Node runs an esbuild bundle of this file (tsx adds ~40 MiB of RSS).
 */

import { arg, argv, env } from "./runtime.ts";

const g = globalThis as unknown as {
  Deno?: { memoryUsage(): { rss: number } };
  process?: { memoryUsage: { rss(): number } };
  Bun?: unknown;
};
const opt = (name: string, dflt: string) => arg(name) ?? dflt;
const MIB = 1024 * 1024;
const PARTS = Number(opt("--parts", "32"));
const PART = Number(opt("--part-mib", "16")) * MIB;
const CONCURRENCY = Number(opt("--concurrency", "4"));
const CHUNK = Number(opt("--chunk-kib", "1024")) * 1024;
/** Deno only: run the collector after each response, to show what it frees. */
const GC = argv.includes("--gc");
const MINIO = argv.includes("--minio");
const TLS = argv.includes("--tls");
const FORMS = ["bytes", "stream", "blob", "aws-chunked"] as const;
type Form = typeof FORMS[number];
const UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
const enc = new TextEncoder();

const runtime = g.Deno ? "deno" : g.Bun ? "bun" : "node";
const rss = () => (g.Deno ? g.Deno.memoryUsage().rss : g.process!.memoryUsage.rss());

/** User + system CPU seconds of this process so far. */
async function cpuSeconds(): Promise<number> {
  const procmod = "node:process";
  const { cpuUsage } = (await import(procmod)).default as {
    cpuUsage(): { user: number; system: number };
  };
  const { user, system } = cpuUsage();
  return (user + system) / 1e6;
}

/** The kernel's peak RSS of this process (Linux), in bytes. */
async function vmHwm(): Promise<number> {
  const fsmod = "node:fs";
  const { readFileSync } = await import(fsmod);
  const line = (readFileSync("/proc/self/status", "utf8") as string)
    .split("\n").find((l) => l.startsWith("VmHWM:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

/** 1 MiB views of `bytes`, pulled one at a time. */
function viewStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let off = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (off >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(off, off + CHUNK));
      off += CHUNK;
    },
  }, { highWaterMark: 0 });
}

/**
 * `bytes` in aws-chunked framing: each 1 MiB view between its hex length
 * line and CRLF, then the zero chunk and an empty trailer section.
 */
function awsChunkedStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let off = 0;
  let done = false;
  const crlf = enc.encode("\r\n");
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (done) return c.close();
      if (off >= bytes.length) {
        c.enqueue(enc.encode("0\r\n\r\n\r\n"));
        done = true;
        return;
      }
      const view = bytes.subarray(off, off + CHUNK);
      off += view.length;
      c.enqueue(enc.encode(view.length.toString(16) + "\r\n"));
      c.enqueue(view);
      c.enqueue(crlf);
    },
  }, { highWaterMark: 0 });
}

/** The bytes on the wire of `n` bytes in aws-chunked framing. */
function awsChunkedLength(n: number): number {
  let len = 7; // "0\r\n\r\n\r\n"
  for (let off = 0; off < n; off += CHUNK) {
    const size = Math.min(CHUNK, n - off);
    len += size.toString(16).length + 2 + size + 2;
  }
  return len;
}

function requestInit(form: Form, bytes: Uint8Array): RequestInit & { duplex?: "half" } {
  const length = String(bytes.length);
  switch (form) {
    case "bytes":
      return { body: bytes as BodyInit };
    case "blob":
      return { body: new Blob([bytes as BlobPart]) };
    case "stream":
      return { body: viewStream(bytes), duplex: "half", headers: { "content-length": length } };
    case "aws-chunked":
      return {
        body: awsChunkedStream(bytes),
        duplex: "half",
        headers: {
          "content-encoding": "aws-chunked",
          "x-amz-decoded-content-length": length,
        },
      };
  }
}

/** One client process: PUTs the parts in `form`, prints a JSON line. */
async function client(form: Form): Promise<void> {
  const target = opt("--url", "");
  const buffers = Array.from({ length: CONCURRENCY }, () => {
    const b = new Uint8Array(PART);
    for (let off = 0; off < PART; off += 65536) {
      crypto.getRandomValues(b.subarray(off, off + 65536));
    }
    return b;
  });
  const stamp = (b: Uint8Array, part: number) => new DataView(b.buffer).setUint32(0, part);
  let sign: ((name: string, init: RequestInit, hash: string) => Promise<string>) | undefined;
  if (MINIO) sign = await minioSigner();
  const cpu0 = await cpuSeconds();
  const startRss = rss();
  let peak = startRss;
  const timer = setInterval(() => void (peak = Math.max(peak, rss())), 5);
  const framing = new Set<string>();
  const sentBy: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(buffers.map(async (buf, worker) => {
    while (next < PARTS) {
      const part = next++;
      sentBy[part] = worker;
      stamp(buf, part);
      const init: RequestInit = { method: "PUT", ...requestInit(form, buf) };
      let url = `${target}/part-${part}`;
      if (sign) {
        const hash = form === "aws-chunked" ? UNSIGNED_TRAILER : "UNSIGNED-PAYLOAD";
        url = await sign(`part-${part}`, init, hash);
      }
      const res = await fetch(url, init);
      const text = await res.text();
      if (!res.ok) {
        const code = /<Code>(.*?)<\/Code>/.exec(text)?.[1] ?? text.slice(0, 80);
        throw new Error(`${form}: PUT part ${part}: ${res.status} ${code}`);
      }
      if (GC) (globalThis as unknown as { gc?: () => void }).gc?.();
      if (sign) continue;
      const got = JSON.parse(text) as { bytes: number; framing: string };
      const want = form === "aws-chunked" ? awsChunkedLength(buf.length) : buf.length;
      if (got.bytes !== want) throw new Error(`${form}: sink got ${got.bytes} bytes, sent ${want}`);
      framing.add(got.framing);
    }
  }));
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, rss());
  const hwm = await vmHwm();
  const cpu = (await cpuSeconds()) - cpu0;
  if (sign) {
    // The first and last parts, read back: their worker's bytes, their number stamped.
    for (const part of new Set([0, PARTS - 1])) {
      const want = buffers[sentBy[part]];
      stamp(want, part);
      if (!(await verifyWith(`part-${part}`, want))) {
        throw new Error(`${form}: part ${part} differs`);
      }
    }
    framing.add("MinIO: 200, read back byte-exact");
  }
  console.log(JSON.stringify({
    runtime,
    form,
    framing: [...framing].join(", "),
    mibps: (PARTS * PART / MIB) / (ms / 1000),
    cpuPerGib: cpu / (PARTS * PART / (1024 * MIB)),
    startRss,
    peakSampled: peak,
    hwm,
  }));
}

/**
 * Signs a PUT of `name` into the bench bucket in the header (the SDK's
 * signer); sets the request's headers and returns its URL.
 */
async function minioSigner() {
  const { Minio, signV4Headers } = await import("../mod.ts");
  const port = env(TLS ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT");
  const accessKey = env("MINIO_TEST_ACCESS_KEY");
  const secretKey = env("MINIO_TEST_SECRET_KEY");
  const host = `127.0.0.1:${port}`;
  const bucket = "bench-deno-body-copy";
  const c = new Minio({
    endPoint: "127.0.0.1",
    port: Number(port),
    useSSL: TLS,
    accessKey,
    secretKey,
  });
  if (!(await c.bucketExists(bucket))) await c.makeBucket(bucket).catch(() => {});
  verifyWith = async (name, want) => {
    const got = new Uint8Array(await (await c.getObject(bucket, name)).arrayBuffer());
    return got.length === want.length && got.every((b, i) => b === want[i]);
  };
  return (name: string, init: RequestInit, hash: string) => {
    const now = new Date();
    const headers: Record<string, string> = {
      ...(init.headers as Record<string, string> | undefined),
      host,
      "x-amz-date": now.toISOString().replace(/[-:]|\.\d{3}/g, ""),
      "x-amz-content-sha256": hash,
    };
    const path = `/${bucket}/${name}`;
    const signed = signV4Headers(
      { method: "PUT", path, query: [], headers, payloadHash: hash },
      { accessKey, secretKey },
      "us-east-1",
      "s3",
      now,
    );
    delete headers.host;
    headers.authorization = signed.authorization;
    init.headers = headers;
    return Promise.resolve(`${TLS ? "https" : "http"}://${host}${path}`);
  };
}
let verifyWith: (name: string, want: Uint8Array) => Promise<boolean>;

type Row = {
  runtime: string;
  form: string;
  framing: string;
  mibps: number;
  cpuPerGib: number;
  startRss: number;
  peakSampled: number;
  hwm: number;
};

/** The orchestrator (Deno): the sink, one client process per runtime and form, the table. */
async function main(): Promise<void> {
  const Deno = g.Deno as unknown as typeof globalThis.Deno;
  const forms = opt("--forms", FORMS.join(",")).split(",") as Form[];
  const runtimes = opt("--runtimes", "deno").split(",");
  const rounds = Number(opt("--rounds", "1"));
  for (const f of forms) if (!FORMS.includes(f)) throw new Error(`unknown form ${f}`);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    let bytes = 0;
    if (req.body) { for await (const c of req.body) bytes += c.length; }
    const framing = req.headers.has("content-length")
      ? "Content-Length"
      : `Transfer-Encoding: ${req.headers.get("transfer-encoding")}`;
    return Response.json({ bytes, framing });
  });
  const url = `http://127.0.0.1:${server.addr.port}`;
  const bin = new URL("../node_modules/.bin/", import.meta.url).pathname;
  const self = new URL(import.meta.url).pathname;
  let nodeBundle = "";
  if (runtimes.includes("node")) {
    nodeBundle = new URL("./.out/deno_body_copy.mjs", import.meta.url).pathname;
    const out = await new Deno.Command(`${bin}esbuild`, {
      args: [self, "--bundle", "--format=esm", "--platform=node", `--outfile=${nodeBundle}`],
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error("esbuild failed");
  }
  const cmd = (rt: string): [string, string[]] =>
    rt === "deno"
      ? [`${bin}deno`, ["run", "-A", ...(GC ? ["--v8-flags=--expose-gc"] : []), self]]
      : rt === "bun"
      ? [`${bin}bun`, [self]]
      : ["node", [nodeBundle]];
  const pass = ["--parts", String(PARTS), "--part-mib", String(PART / MIB)];
  pass.push("--concurrency", String(CONCURRENCY), "--chunk-kib", String(CHUNK / 1024));
  pass.push("--url", url);
  if (GC) pass.push("--gc");
  if (MINIO) pass.push("--minio");
  if (TLS) pass.push("--tls");
  const results = new Map<string, Row[]>();
  for (let r = 0; r < rounds; r++) {
    for (const rt of runtimes) {
      // Rotate the order of the forms from round to round.
      const order = forms.map((_, i) => forms[(i + r) % forms.length]);
      for (const form of order) {
        const [exe, args] = cmd(rt);
        const out = await new Deno.Command(exe, {
          args: [...args, "--client", form, ...pass],
          stdout: "piped",
          stderr: "piped",
          env: { NO_COLOR: "1" },
        }).output();
        const text = new TextDecoder().decode(out.stdout).trim();
        const key = `${rt} ${form}`;
        if (!out.success) {
          const err = new TextDecoder().decode(out.stderr).trim().split("\n").slice(0, 3);
          console.error(`${key}: failed: ${err.join(" | ")}`);
          results.set(key, [...(results.get(key) ?? []), {
            runtime: rt,
            form,
            framing: "refused: " +
              (err.find((l) => /Error: /.test(l)) ?? err[0]).replace(/^.*?Error: /, "").slice(
                0,
                80,
              ),
            mibps: NaN,
            cpuPerGib: NaN,
            startRss: NaN,
            peakSampled: NaN,
            hwm: NaN,
          }]);
          continue;
        }
        const row = JSON.parse(text.split("\n").pop()!) as Row;
        console.error(`${key}: ${JSON.stringify(row)}`);
        results.set(key, [...(results.get(key) ?? []), row]);
      }
    }
  }
  await server.shutdown();
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const mib = (n: number) => (Number.isNaN(n) ? "" : String(Math.round(n / MIB)));
  const target = MINIO ? `MinIO over ${TLS ? "TLS" : "HTTP"}` : "the local sink";
  console.log(
    `\n${PARTS} parts of ${PART / MIB} MiB, ${CONCURRENCY} at a time, to ${target}; stream ` +
      `chunks of ${CHUNK / 1024} KiB${GC ? "; collector run after each response" : ""}; ` +
      `median of ${rounds} round(s)\n`,
  );
  console.log(
    "| runtime | body | sent as | MiB/s | client CPU s/GiB | RSS before MiB | " +
      "peak RSS MiB (sampled) | peak RSS MiB (VmHWM) | peak - before MiB |",
  );
  console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [, rows] of results) {
    const ok = rows.filter((x) => !Number.isNaN(x.mibps));
    const r0 = rows[0];
    const m = (f: (x: Row) => number) => (ok.length ? med(ok.map(f)) : NaN);
    const mibps = m((x) => x.mibps);
    console.log(
      `| ${r0.runtime} | ${r0.form} | ${(ok[0] ?? r0).framing} | ` +
        `${Number.isNaN(mibps) ? "" : Math.round(mibps)} | ` +
        `${Number.isNaN(mibps) ? "" : m((x) => x.cpuPerGib).toFixed(1)} | ${
          mib(m((x) => x.startRss))
        } | ` +
        `${mib(m((x) => x.peakSampled))} | ${mib(m((x) => x.hwm))} | ` +
        `${mib(m((x) => x.hwm - x.startRss))} |`,
    );
  }
}

if (argv.includes("--client")) await client(opt("--client", "") as Form);
else if (g.Deno) await main();
else throw new Error("run the orchestrator on Deno: deno run -A bench/deno_body_copy.ts");
