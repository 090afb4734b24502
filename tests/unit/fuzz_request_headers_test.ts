// Properties of the headers a caller gives (contentType, storageClass,
// extraHeaders): an upload or a read with any of them is refused with an
// InvalidArgumentError before fetch, or sent with exactly those values.
import fc from "fast-check";
import { equal, ok, test } from "../harness.ts";
import { InvalidArgumentError, type Minio } from "../../mod.ts";
import { clientWithFetch, runs } from "./fuzz_support.ts";

// Mostly what may be sent (printable ASCII), then what may not.
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)),
});
const text = fc.oneof(
  { weight: 6, arbitrary: printable },
  fc.string({ unit: fc.constantFrom(..."ab/; =-_\r\n\t\u0000\u007féü😀\ud800") }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("text/plain", "application/json; charset=utf-8", " x ", "a\r\nx-amz-acl: public"),
);
const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^x-[a-z0-9-]{1,10}$/) },
  fc.constantFrom("x-request-origin", "X-Trace", "bad name", "é", "", "x-amz-meta-k"),
  fc.string({ maxLength: 8 }),
);

function client(calls: { headers?: Headers; n: number }): Minio {
  const fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.n++;
    calls.headers = new Headers(init?.headers);
    return Promise.resolve(new Response(null, { status: 200, headers: { etag: '"e"' } }));
  };
  return clientWithFetch(fetch);
}

test("fuzz caller headers: refused before fetch, or sent as given", async () => {
  const calls: { headers?: Headers; n: number } = { n: 0 };
  const minio = client(calls);
  await fc.assert(
    fc.asyncProperty(
      fc.option(text, { nil: undefined }),
      fc.option(text, { nil: undefined }),
      fc.dictionary(headerName, text, { maxKeys: 3, noNullPrototype: true }),
      async (contentType, storageClass, extraHeaders) => {
        calls.n = 0;
        try {
          await minio.putObject("b-1", "k", "body", undefined, {
            contentType,
            storageClass,
            extraHeaders,
          });
        } catch (e) {
          ok(e instanceof InvalidArgumentError, `untyped error: ${e}`);
          equal(calls.n, 0, "refused headers reached fetch");
          return;
        }
        equal(calls.n, 1);
        const sent = calls.headers!;
        if (contentType !== undefined) equal(sent.get("content-type"), contentType.trim());
        if (storageClass) equal(sent.get("x-amz-storage-class"), storageClass.trim());
        for (const [k, v] of Object.entries(extraHeaders)) equal(sent.get(k), v.trim());
      },
    ),
    runs(2101),
  );
});
