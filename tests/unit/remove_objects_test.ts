// What removeObjects sends: POST ?delete in batches of 1000, read lazily.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, S3Error } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import { parseXml } from "../../src/xml/parse.ts";
import { md5Base64 } from "../../src/crypto/md5.ts";

const dec = new TextDecoder();
const ok200 = (inner = "") => ({
  body:
    `<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</DeleteResult>`,
});

function keysOf(body: Uint8Array): { key: string; versionId?: string }[] {
  const root = parseXml(dec.decode(body), "Delete");
  return root.children.filter((c) => c.name === "Object").map((o) => {
    const v = o.children.find((c) => c.name === "VersionId")?.text;
    const key = o.children.find((c) => c.name === "Key")!.text;
    return v === undefined ? { key } : { key, versionId: v };
  });
}

test("removeObjects: 2500 names go in 3 quiet batches with Content-MD5", async () => {
  const { client, sent } = fakeClient([ok200(), ok200(), ok200()]);
  const names = Array.from({ length: 2500 }, (_, i) => `k/${i}`);
  const errors = [];
  for await (const e of client.removeObjects("b-1", names, { governanceBypass: true })) {
    errors.push(e);
  }
  deepEqual(errors, []);
  equal(sent.length, 3);
  deepEqual(sent.map((s) => keysOf(s.body).length), [1000, 1000, 500]);
  for (const s of sent) {
    equal(s.method, "POST");
    equal(s.url.pathname, "/b-1");
    deepEqual(queryOf(s), [["delete", ""]]);
    equal(s.headers.get("content-md5"), md5Base64(s.body));
    equal(s.headers.get("content-type"), "application/xml");
    equal(s.headers.get("x-amz-bypass-governance-retention"), "true");
    match(
      dec.decode(s.body),
      /^<Delete xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><Quiet>true<\/Quiet><Object>/,
    );
  }
  deepEqual(keysOf(sent[2].body).at(-1), { key: "k/2499" });
});

test("removeObjects: versions and XML-special names; errors come back typed", async () => {
  const { client, sent } = fakeClient([ok200(
    `<Error><Key>a&amp;b</Key><VersionId>v1</VersionId><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>
<Error><Key>gone</Key><VersionId>v9</VersionId><Code>NoSuchVersion</Code><Message>x</Message></Error>
<Error><Key>c&lt;d</Key><Code>InternalError</Code><Message>boom</Message></Error>`,
  )]);
  const errors = [];
  for await (
    const e of client.removeObjects("b-1", [
      { name: "a&b", versionId: "v1" },
      "c<d",
      { name: "gone", versionId: "v9" },
    ])
  ) errors.push(e);
  deepEqual(keysOf(sent[0].body), [
    { key: "a&b", versionId: "v1" },
    { key: "c<d" },
    { key: "gone", versionId: "v9" },
  ]);
  equal(sent[0].headers.has("x-amz-bypass-governance-retention"), false);
  // NoSuchVersion is not reported, as in minio-py.
  deepEqual(errors, [
    { name: "a&b", versionId: "v1", code: "AccessDenied", message: "Access Denied." },
    { name: "c<d", versionId: undefined, code: "InternalError", message: "boom" },
  ]);
});

test("removeObjects reads its input lazily: one batch per request, as the errors are read", async () => {
  let pulled = 0;
  async function* names() {
    for (let i = 0; i < 2500; i++) {
      pulled++;
      yield `k${i}`;
    }
  }
  const { client, sent } = fakeClient([
    ok200(`<Error><Key>k5</Key><Code>AccessDenied</Code><Message>no</Message></Error>`),
    ok200(),
    ok200(),
  ]);
  const it = client.removeObjects("b-1", names());
  equal(pulled, 0);
  const first = await it.next();
  equal(first.value?.name, "k5");
  equal(pulled, 1000);
  equal(sent.length, 1);
  ok((await it.next()).done);
  equal(pulled, 2500);
  equal(sent.length, 3);
});

test("removeObjects: an empty input sends nothing; a 200 <Error> fails the batch", async () => {
  const { client, sent } = fakeClient([{
    body: `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`,
  }]);
  for await (const _ of client.removeObjects("b-1", [])) throw new Error("no errors expected");
  equal(sent.length, 0);
  await rejects(
    client.removeObjects("b-1", ["a"]).next(),
    (e: unknown) => e instanceof S3Error && e.code === "SlowDown" && e.status === 200,
  );
});

test("removeObjects: bad input is refused before its batch is sent", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.removeObjects("b", ["a"]).next(), /3 to 63/);
  throws(() => client.removeObjects("b-1", 5 as unknown as string[]), /objects must be an object/);
  await rejects(client.removeObjects("b-1", ["a", ""]).next(), InvalidArgumentError);
  await rejects(
    client.removeObjects("b-1", [{ name: "a", versionId: 1 as unknown as string }]).next(),
    /versionId/,
  );
  await rejects(client.removeObjects("b-1", [null as unknown as string]).next(), /name/);
  equal(sent.length, 0);
});
