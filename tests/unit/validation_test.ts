// Bad input fails with InvalidArgumentError before any request is sent.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio, S3Error } from "../../mod.ts";
import { fakeClient } from "./fake_fetch.ts";

const badBuckets = [
  "ab",
  "a".repeat(64),
  "Upper-Case",
  "under_score",
  "-leading",
  "trailing-",
  "double..dot",
  "dot.-dash",
  "192.168.1.1",
  "",
];

for (const name of badBuckets) {
  test(`makeBucket refuses bucket name ${JSON.stringify(name)} before the network`, async () => {
    const { client, sent } = fakeClient();
    await rejects(client.makeBucket(name), InvalidArgumentError);
    equal(sent.length, 0);
  });
}

test("object names: empty, non-string and over 1024 bytes are refused", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.putObject("bucket", "", "x"), /object name must be a non-empty string/);
  await rejects(client.statObject("bucket", undefined as unknown as string), InvalidArgumentError);
  await rejects(client.getObject("bucket", "é".repeat(513)), /at most 1024 bytes/);
  await rejects(client.removeObject("bucket", 5 as unknown as string), InvalidArgumentError);
  equal(sent.length, 0);
});

test("putObject: wrong body types and a wrong size are refused", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.putObject("bucket", "k", 42 as unknown as string), /body must be/);
  await rejects(
    client.putObject("bucket", "k", { a: 1 } as unknown as string),
    InvalidArgumentError,
  );
  await rejects(client.putObject("bucket", "k", null as unknown as string), InvalidArgumentError);
  await rejects(client.putObject("bucket", "k", "abc", 4), /does not match/);
  await rejects(
    client.putObject("bucket", "k", "abc", undefined, { metadata: { a: "é" } }),
    /US-ASCII/,
  );
  await rejects(
    client.putObject("bucket", "k", "abc", undefined, { metadata: { "a b": "x" } }),
    /header name/,
  );
  equal(sent.length, 0);
});

test("getObject: bad ranges and conditions are refused", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.getObject("bucket", "k", { offset: -1 }), /offset/);
  await rejects(client.getObject("bucket", "k", { length: 0 }), /length/);
  await rejects(client.getObject("bucket", "k", { length: 1.5 }), /length/);
  await rejects(client.getObject("bucket", "k", { modifiedSince: new Date("x") }), /valid Date/);
  equal(sent.length, 0);
});

test("listObjects: bad options are refused on first iteration, before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.listObjects("bucket", { maxKeys: 0 }).next(), /maxKeys/);
  // A wrong type is refused at the call.
  throws(() => client.listObjects("bucket", { prefix: 1 as unknown as string }), /prefix must be/);
  await rejects(client.listObjects("b").next(), /3 to 63/);
  equal(sent.length, 0);
});

test("constructor: endpoint, port, credentials and retry options are checked", () => {
  const ok_ = { endPoint: "127.0.0.1", accessKey: "a", secretKey: "s" };
  throws(() => new Minio({ ...ok_, endPoint: "" }), /endPoint/);
  throws(() => new Minio({ ...ok_, endPoint: "http://h/path" }), /path/);
  throws(() => new Minio({ ...ok_, endPoint: "ftp://h" }), /http or https/);
  throws(() => new Minio({ ...ok_, endPoint: "bad host" }), /not a valid host/);
  // Credentials in an endPoint URL are refused and never echoed.
  const withCredentials: [string, RegExp][] = [
    ["http://user:hunter2@h:9000", /must not carry credentials/],
    ["http://user:hunter2@bad host:9000", /"http:\/\/\*\*\*@bad host:9000" is not a valid URL/],
  ];
  for (const [endPoint, message] of withCredentials) {
    throws(
      () => new Minio({ ...ok_, endPoint }),
      (e: unknown) =>
        e instanceof InvalidArgumentError && message.test(e.message) &&
        !e.message.includes("hunter2"),
    );
  }
  throws(() => new Minio({ ...ok_, port: 70000 }), /port/);
  throws(() => new Minio({ ...ok_, secretKey: "" }), /secretKey/);
  throws(() => new Minio({ ...ok_, accessKey: undefined }), /accessKey/);
  throws(() => new Minio({ ...ok_, maxRetries: -1 }), /maxRetries/);
  throws(() => new Minio({ ...ok_, region: "" }), /region/);
  ok(new Minio({ ...ok_, endPoint: "https://play.min.io:9443" }).secure);
  equal(new Minio({ ...ok_, endPoint: "http://[::1]:9000" }).endpoint.hostname, "[::1]");
  equal(new Minio({ ...ok_, endPoint: "localhost:9000", useSSL: false }).endpoint.port, 9000);
});

test("errors never carry the secret key", async () => {
  const secret = "wJalrXUtnFEMI/SECRET/KEY";
  const { client } = fakeClient([{
    status: 403,
    body: "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>",
  }]);
  const e = await client.statObject("bucket", "k").catch((e) => e);
  ok(e instanceof S3Error && e.status === 403, String(e)); // a HEAD: no error body
  for (const text of [String(e), JSON.stringify(e), e.stack ?? ""]) {
    equal(text.includes(secret), false);
  }
  throws(
    () => new Minio({ endPoint: "bad host", accessKey: "a", secretKey: secret }),
    (err: unknown) => err instanceof InvalidArgumentError && !String(err).includes(secret),
  );
});
