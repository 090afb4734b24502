// Turning failed responses into typed errors.
import { equal, ok, test } from "../harness.ts";
import { errorFromResponse } from "../../src/core/parse_error.ts";
import { InvalidResponseError, S3Error, ServerError } from "../../mod.ts";

test("an S3 error body becomes S3Error with every field", async () => {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a&amp;b</Key>
<BucketName>bkt</BucketName><Resource>/bkt/a&amp;b</Resource><RequestId>REQ1</RequestId><HostId>HOST1</HostId></Error>`;
  const e = await errorFromResponse(
    new Response(body, { status: 404, headers: { "content-type": "application/xml" } }),
    { method: "GET", bucket: "bkt", object: "a&b" },
  ) as S3Error;
  ok(e instanceof S3Error);
  equal(e.code, "NoSuchKey");
  equal(e.message, "NoSuchKey: The specified key does not exist.");
  equal(e.object, "a&b");
  equal(e.bucket, "bkt");
  equal(e.resource, "/bkt/a&b");
  equal(e.requestId, "REQ1");
  equal(e.hostId, "HOST1");
  equal(e.status, 404);
});

test("a bodiless HEAD answer is mapped from its status, as minio-py does", async () => {
  const cases: [number, string | undefined, string][] = [
    [404, "k", "NoSuchKey"],
    [404, undefined, "NoSuchBucket"],
    [403, "k", "AccessDenied"],
    [400, "k", "BadRequest"],
    [405, "k", "MethodNotAllowed"],
    [409, undefined, "NoSuchBucket"],
    [412, "k", "PreconditionFailed"],
  ];
  for (const [status, object, code] of cases) {
    const e = await errorFromResponse(
      new Response(null, { status, headers: { "x-amz-request-id": "R" } }),
      { method: "HEAD", bucket: "bkt", object },
    ) as S3Error;
    equal(e.code, code, `status ${status}`);
    equal(e.requestId, "R");
  }
});

test("a 5xx without an S3 body is a ServerError; other junk an InvalidResponseError", async () => {
  const s = await errorFromResponse(new Response("<html>bad gateway</html>", { status: 502 }), {
    method: "GET",
  });
  ok(s instanceof ServerError);
  equal((s as ServerError).status, 502);
  const i = await errorFromResponse(
    new Response("not xml", { status: 400, headers: { "content-type": "text/plain" } }),
    { method: "GET" },
  );
  ok(i instanceof InvalidResponseError);
  equal((i as InvalidResponseError).contentType, "text/plain");
});
