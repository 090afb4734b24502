// A client without keys: unsigned requests (no Authorization, no
// x-amz-* signing headers), keys given by halves refused, and the
// operations that need a signature refused before the network.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio, PostPolicy } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { recordRequest, type Sent } from "./fake_fetch.ts";

function anonymousClient() {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(await recordRequest(input, init));
    return new Response("hello");
  };
  const options = {
    endPoint: "s3.example.test",
    region: "us-east-1",
    fetch: fetch as typeof globalThis.fetch,
  };
  return { client: new Minio(options), options, sent };
}

test("anonymous: getObject goes out unsigned", async () => {
  const { client, sent } = anonymousClient();
  equal(await (await client.getObject("public", "a b.txt")).text(), "hello");
  equal(sent.length, 1);
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/public/a%20b.txt");
  for (const h of ["authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"]) {
    equal(sent[0].headers.get(h), null, h);
  }
  equal(sent[0].url.search, "");
});

test("anonymous: presign, POST policy and the admin API refuse before the network", async () => {
  const { client, options, sent } = anonymousClient();
  const refused = { name: "InvalidArgumentError", message: /anonymous/ };
  await rejects(client.presignedGetObject("bucket", "k"), refused);
  await rejects(client.presignedPutObject("bucket", "k"), refused);
  const policy = new PostPolicy("bucket", new Date(Date.now() + 60_000))
    .addEqualsCondition("key", "k");
  await rejects(client.presignedPostPolicy(policy), refused);
  await rejects(new MinioAdmin(options).info(), refused);
  equal(sent.length, 0);
});

test("anonymous: a key without its secret (or the reverse) is refused, not made anonymous", () => {
  throws(() => new Minio({ endPoint: "s3.example.test", accessKey: "AK" }), InvalidArgumentError);
  throws(() => new Minio({ endPoint: "s3.example.test", secretKey: "SK" }), InvalidArgumentError);
  throws(
    () => new Minio({ endPoint: "s3.example.test", accessKey: "", secretKey: "" }),
    InvalidArgumentError,
  );
  ok(new Minio({ endPoint: "s3.example.test" }));
});
