// The part-size policy: mc's and minio-go's 16 MiB rule on Deno, Bun and
// Node, the 5 MiB rule where memory is capped (Workers, browsers), and the
// refusals of a partSize S3 would not take, all before any request.
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import { fakeClient } from "./fake_fetch.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { choosePartSize, defaultPartSize, isMemoryCapped } from "../../src/s3/upload/part_size.ts";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TiB = 1024 * GiB;

test("defaultPartSize on Deno, Bun and Node: 16 MiB, then multiples of 16 MiB for 10,000 parts", () => {
  const cases: [number, number][] = [
    [0, 16 * MiB],
    [1, 16 * MiB],
    [GiB, 16 * MiB],
    [16 * MiB * 10_000, 16 * MiB], // 156.25 GiB: the most 16 MiB parts reach
    [16 * MiB * 10_000 + 1, 32 * MiB],
    [32 * MiB * 10_000 + 1, 48 * MiB],
    [5 * TiB, 528 * MiB], // mc's part size for the largest object
  ];
  deepEqual(cases.map(([size]) => defaultPartSize(size, false)), cases.map(([, p]) => p));
  equal(defaultPartSize(undefined, false), 16 * MiB);
});

test("defaultPartSize on Workers and browsers: 5 MiB, then multiples of 5 MiB for 10,000 parts", () => {
  const cases: [number, number][] = [
    [0, 5 * MiB],
    [GiB, 5 * MiB],
    [5 * MiB * 10_000, 5 * MiB],
    [5 * MiB * 10_000 + 1, 10 * MiB],
    [5 * TiB, 525 * MiB],
  ];
  deepEqual(cases.map(([size]) => defaultPartSize(size, true)), cases.map(([, p]) => p));
  equal(defaultPartSize(undefined, true), 5 * MiB);
});

test("every default covers its object in at most 10,000 parts of at most 5 GiB", () => {
  for (const capped of [false, true]) {
    for (const size of [0, 7, 48 * GiB, 157 * GiB, TiB + 3, 5 * TiB - 1, 5 * TiB]) {
      const p = choosePartSize(size, undefined, capped);
      equal(Math.ceil(size / p) <= 10_000 && p <= 5 * GiB && p >= 5 * MiB, true, `${size}`);
    }
  }
});

test("isMemoryCapped: Workers (even with a process) and browsers are, Deno, Bun and Node are not", () => {
  equal(isMemoryCapped(), false, "this test runs on Deno, Bun or Node");
  equal(isMemoryCapped({ Deno: {} }), false);
  equal(isMemoryCapped({ Bun: {} }), false);
  equal(isMemoryCapped({ process: { versions: { node: "20.20.2" } } }), false);
  equal(
    isMemoryCapped({
      navigator: { userAgent: "Cloudflare-Workers" },
      process: { versions: { node: "22.0.0" } },
    }),
    true,
  );
  equal(isMemoryCapped({ navigator: { userAgent: "Mozilla/5.0" } }), true);
  equal(isMemoryCapped({}), true);
});

test("choosePartSize: an explicit partSize is kept, or refused when it gives more than 10,000 parts", () => {
  equal(choosePartSize(GiB, 5 * MiB), 5 * MiB);
  equal(choosePartSize(5 * MiB * 10_000, 5 * MiB), 5 * MiB);
  throws(() => choosePartSize(5 * MiB * 10_000 + 1, 5 * MiB), InvalidArgumentError);
  throws(() => choosePartSize(5 * TiB + 1), /at most 5 TiB/);
});

test("putObject refuses partSize under 5 MiB, over 5 GiB or making over 10,000 parts, before any request", async () => {
  const { client, sent } = fakeClient([]);
  for (const partSize of [5 * MiB - 1, 5 * GiB + 1]) {
    await rejects(
      client.putObject("b-1", "k", new Uint8Array(10), undefined, { partSize }),
      (e) => e instanceof InvalidArgumentError && /partSize/.test(e.message),
    );
  }
  // 10,001 parts of 5 MiB, declared on a stream that is never read.
  let pulled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull() {
      pulled = true;
    },
  }, { highWaterMark: 0 });
  await rejects(
    client.putObject("b-1", "k", stream, 5 * MiB * 10_000 + 1, { partSize: 5 * MiB }),
    (e) => e instanceof InvalidArgumentError && /more than 10000 parts/.test(e.message),
  );
  equal(pulled, false, "the body was not read");
  equal(sent.length, 0, "no request was sent");
});

test("createPresignedMultipartUpload keeps the browser rule (5 MiB parts) on any runtime", async () => {
  const { client, sent } = fakeClient([]);
  await rejects(
    client.createPresignedMultipartUpload("b-1", "k", 5 * MiB * 10_000 + 1, { partSize: 5 * MiB }),
    /more than 10000 parts/,
  );
  equal(sent.length, 0);
  equal(choosePartSize(12 * MiB, undefined, true), 5 * MiB);
});
