// Object names that cannot reach S3 as written are refused before the network
// with an InvalidArgumentError: a lone UTF-16 surrogate (no UTF-8 form), NUL,
// and "." or ".." path segments (fetch removes them from the URL, so S3 would
// see another name). Names close to those go out exactly as written.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import { CopySource, InvalidArgumentError, type Minio } from "../../mod.ts";
import { uriEncode } from "../../src/signer/encode.ts";
import { fakeClient } from "./fake_fetch.ts";

const REFUSED: [string, RegExp][] = [
  ["a\uD800b", /surrogate/],
  ["\uDC00", /surrogate/],
  ["x/\uDE00\uD83D", /surrogate/],
  ["a\u0000b", /NUL/],
  ["\u0000", /NUL/],
  ["a/../b", /"\.\." segment/],
  ["a/./b", /"\." segment/],
  ["./a", /"\." segment/],
  ["a/..", /"\.\." segment/],
  ["..", /"\.\." segment/],
  [".", /"\." segment/],
  ["a//./b", /"\." segment/],
];

/** Every call that takes an object name, each given `name`. */
const CALLS: [string, (c: Minio, name: string) => Promise<unknown>][] = [
  ["putObject", (c, n) => c.putObject("b-1", n, "x")],
  ["getObject", (c, n) => c.getObject("b-1", n)],
  ["statObject", (c, n) => c.statObject("b-1", n)],
  ["removeObject", (c, n) => c.removeObject("b-1", n)],
  ["presignedGetObject", (c, n) => c.presignedGetObject("b-1", n)],
  ["copyObject", (c, n) => c.copyObject("b-1", n, new CopySource("b-1", "src"))],
  // The source is checked as the CopySource is built.
  ["copyObject source", async (c, n) => await c.copyObject("b-1", "dst", new CopySource("b-1", n))],
];

function argumentError(pattern: RegExp) {
  return (e: unknown) => {
    ok(e instanceof InvalidArgumentError, `expected InvalidArgumentError, got ${e}`);
    ok(pattern.test(e.message), `unexpected message: ${e.message}`);
    return true;
  };
}

test("object names: lone surrogates, NUL and dot segments are refused before the network", async () => {
  for (const [name, why] of REFUSED) {
    for (const [op, call] of CALLS) {
      const { client, sent } = fakeClient([{}]);
      await rejects(call(client, name), argumentError(why), `${op} ${JSON.stringify(name)}`);
      equal(sent.length, 0, `${op} ${JSON.stringify(name)} sent a request`);
    }
  }
});

test("object names: names next to the refused ones go out as written", async () => {
  const names: [string, string][] = [
    ["a/.../b", "/b-1/a/.../b"],
    ["a..b/.c/d.", "/b-1/a..b/.c/d."],
    ["a/ .. /b", "/b-1/a/%20..%20/b"],
    ["a//b", "/b-1/a//b"],
    ["a/%2E%2E/b", "/b-1/a/%252E%252E/b"],
    ["smile \u{1F600}", "/b-1/smile%20%F0%9F%98%80"],
  ];
  for (const [name, path] of names) {
    const { client, sent } = fakeClient([{ headers: { etag: '"e"' } }]);
    await client.putObject("b-1", name, "x");
    equal(sent.length, 1);
    equal(sent[0].url.pathname, path);
  }
});

test("object names: a lone surrogate in a prefix or query value is an InvalidArgumentError", async () => {
  const { client, sent } = fakeClient([{}]);
  await rejects(
    (async () => {
      for await (const _ of client.listObjects("b-1", { prefix: "p\uD800" })) break;
    })(),
    argumentError(/surrogate/),
  );
  await rejects(
    client.bucketExists("b-1", { extraQueryParams: { q: "\uDFFF" } }),
    argumentError(/surrogate/),
  );
  equal(sent.length, 0);
  throws(() => uriEncode("\uD800"), InvalidArgumentError);
  equal(uriEncode("\u{1F600}"), "%F0%9F%98%80");
});
