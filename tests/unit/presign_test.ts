// Presigned URLs and POST policies: exact output for fixed inputs, and bad
// input refused before any request. The expected signatures were computed
// with minio-py 7.2.20 (get_presigned_url, post_presign_v4) from the same
// credentials, date and, for POST, policy text.
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, PostPolicy } from "../../mod.ts";
import { fakeClient } from "./fake_fetch.ts";

const DATE = new Date("2026-01-02T03:04:05Z");
const BASE = "http://s3.example.test:9000";
const AUTH = "X-Amz-Algorithm=AWS4-HMAC-SHA256" +
  "&X-Amz-Credential=AKIDTEST%2F20260102%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Date=20260102T030405Z";

test("presignedGetObject: exact URL with encoded key and expiry", async () => {
  const { client, sent } = fakeClient();
  const url = await client.presignedGetObject("bucket-1", "dir/a b+c.txt", {
    expires: 3600,
    requestDate: DATE,
  });
  equal(
    url,
    `${BASE}/bucket-1/dir/a%20b%2Bc.txt?${AUTH}&X-Amz-Expires=3600&X-Amz-SignedHeaders=host` +
      "&X-Amz-Signature=9046ea2c332f64a2b183501a1b28aa8503483d093f05c9c257f2b9bb1a1e2eae",
  );
  equal(sent.length, 0);
});

test("presignedGetObject: versionId, response header overrides and extra query params", async () => {
  const { client } = fakeClient();
  const url = await client.presignedGetObject("bucket-1", "k", {
    expires: 60,
    requestDate: DATE,
    versionId: "v1",
    responseHeaders: {
      "response-content-type": "application/json",
      "response-content-disposition": 'attachment; filename="x y.json"',
    },
    extraQueryParams: { "x-custom": "1" },
  });
  equal(
    url,
    `${BASE}/bucket-1/k?${AUTH}&X-Amz-Expires=60&X-Amz-SignedHeaders=host` +
      "&response-content-disposition=attachment%3B%20filename%3D%22x%20y.json%22" +
      "&response-content-type=application%2Fjson&versionId=v1&x-custom=1" +
      "&X-Amz-Signature=4bf3701207e1f787e6352daa970afe62e434f6dee706b68fbf5ff95a72fa63a9",
  );
});

test("presignedPutObject: PUT URL, expiry defaults to 7 days", async () => {
  const { client } = fakeClient();
  const url = await client.presignedPutObject("bucket-1", "up.bin", { requestDate: DATE });
  equal(
    url,
    `${BASE}/bucket-1/up.bin?${AUTH}&X-Amz-Expires=604800&X-Amz-SignedHeaders=host` +
      "&X-Amz-Signature=57a879a6c5fbc501b441f3f27c355bdc11e5e645d3f9c692e4e114160169d4dd",
  );
});

test("getPresignedUrl: any method, e.g. DELETE", async () => {
  const { client } = fakeClient();
  const url = await client.getPresignedUrl("DELETE", "bucket-1", "k", {
    expires: 10,
    requestDate: DATE,
  });
  equal(
    url,
    `${BASE}/bucket-1/k?${AUTH}&X-Amz-Expires=10&X-Amz-SignedHeaders=host` +
      "&X-Amz-Signature=f0510860bc709d00fc5f40dbf0448b526c21287e7ce6d6080c10f7b99622233e",
  );
});

test("presign: the session token is signed into the URL; region and TLS show", async () => {
  const { client } = fakeClient([], {
    useSSL: true,
    region: "eu-west-1",
    sessionToken: "TOKEN/abc=",
  });
  const url = await client.presignedGetObject("bucket-1", "k", {
    expires: 600,
    requestDate: DATE,
  });
  equal(
    url,
    "https://s3.example.test:9000/bucket-1/k?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
      "&X-Amz-Credential=AKIDTEST%2F20260102%2Feu-west-1%2Fs3%2Faws4_request" +
      "&X-Amz-Date=20260102T030405Z&X-Amz-Expires=600&X-Amz-Security-Token=TOKEN%2Fabc%3D" +
      "&X-Amz-SignedHeaders=host" +
      "&X-Amz-Signature=cafaf964d0c4bd122db435d8a02790b9cfc50cfe0c9d5cf16c2c6ec184d530a4",
  );
});

test("presign: without a fixed region, the bucket's region is looked up once", async () => {
  const location =
    `<?xml version="1.0"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-central-1</LocationConstraint>`;
  const { client, sent } = fakeClient([{ body: location }], { region: undefined });
  const first = await client.presignedGetObject("bucket-1", "k", { requestDate: DATE });
  const second = await client.presignedPutObject("bucket-1", "k", { requestDate: DATE });
  equal(sent.length, 1);
  equal(sent[0].method, "GET");
  equal(sent[0].url.search, "?location=");
  for (const url of [first, second]) {
    equal(
      new URL(url).searchParams.get("X-Amz-Credential"),
      "AKIDTEST/20260102/eu-central-1/s3/aws4_request",
    );
  }
});

test("presign: virtual-host style puts the bucket in the host", async () => {
  const { client } = fakeClient([], { endPoint: "s3.amazonaws.com", useSSL: true });
  const url = new URL(await client.presignedGetObject("bucket-1", "a/b", { requestDate: DATE }));
  equal(url.host, "bucket-1.s3.amazonaws.com:9000");
  equal(url.pathname, "/a/b");
});

const badPresigns: [string, Record<string, unknown>, RegExp][] = [
  ["expires 0", { expires: 0 }, /expires must be an integer from 1 to 604800/],
  ["expires over 7 days", { expires: 604801 }, /expires must be/],
  ["fractional expires", { expires: 1.5 }, /expires must be/],
  ["string expires", { expires: "60" }, /expires must be/],
  ["invalid requestDate", { requestDate: new Date("nope") }, /requestDate must be a valid Date/],
  ["non-string versionId", { versionId: 1 }, /versionId must be a string/],
  [
    "unknown response header",
    { responseHeaders: { "content-type": "x" } },
    /responseHeaders key "content-type" must be one of response-content-type/,
  ],
  [
    "non-string response header",
    { responseHeaders: { "response-content-type": 1 } },
    /must be a string/,
  ],
  [
    "signature parameter in extraQueryParams",
    { extraQueryParams: { "X-Amz-Signature": "0" } },
    /must not set the signature parameter/,
  ],
  ["extraQueryParams not an object", { extraQueryParams: "a=b" }, /must be an object/],
];

for (const [what, options, message] of badPresigns) {
  test(`presign refuses ${what} before the network`, async () => {
    const { client, sent } = fakeClient([], { region: undefined });
    await rejects(client.presignedGetObject("bucket-1", "k", options), InvalidArgumentError);
    await rejects(client.getPresignedUrl("GET", "bucket-1", "k", options), message);
    equal(sent.length, 0);
  });
}

test("presign refuses a bad method, bucket or object name before the network", async () => {
  const { client, sent } = fakeClient([], { region: undefined });
  await rejects(
    client.getPresignedUrl("PATCH" as "GET", "bucket-1", "k"),
    /method must be one of GET, HEAD, PUT, POST, DELETE/,
  );
  await rejects(client.presignedGetObject("Bad_Bucket!", "k"), InvalidArgumentError);
  await rejects(client.presignedPutObject("bucket-1", ""), /object name must be/);
  await rejects(client.presignedPutObject("bucket-1", "k", { expires: 0 }), /expires must be/);
  equal(sent.length, 0);
});

const EXPIRATION = new Date("2026-01-03T00:00:00Z");
const POLICY_B64 =
  "eyJleHBpcmF0aW9uIjoiMjAyNi0wMS0wM1QwMDowMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6W1siZXEi" +
  "LCIkYnVja2V0IiwiYnVja2V0LTEiXSxbImVxIiwiJGtleSIsInVwbG9hZHMvw7wudHh0Il0sWyJlcSIs" +
  "IiRjb250ZW50LXR5cGUiLCJ0ZXh0L3BsYWluIl0sWyJlcSIsIiRzdWNjZXNzX2FjdGlvbl9zdGF0dXMi" +
  "LCIyMDEiXSxbImVxIiwiJHgtYW16LW1ldGEtb3duZXIiLCJtZSJdLFsic3RhcnRzLXdpdGgiLCIkeC1h" +
  "bXotbWV0YS10YWciLCJ0LSJdLFsic3RhcnRzLXdpdGgiLCIkY2FjaGUtY29udHJvbCIsIiJdLFsiY29u" +
  "dGVudC1sZW5ndGgtcmFuZ2UiLDEsMTAyNF0sWyJlcSIsIiR4LWFtei1hbGdvcml0aG0iLCJBV1M0LUhN" +
  "QUMtU0hBMjU2Il0sWyJlcSIsIiR4LWFtei1jcmVkZW50aWFsIiwiQUtJRFRFU1QvMjAyNjAxMDIvdXMt" +
  "ZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJdLFsiZXEiLCIkeC1hbXotZGF0ZSIsIjIwMjYwMTAyVDAzMDQw" +
  "NVoiXV19";

function decodePolicy(b64: string): unknown {
  const bin = atob(b64);
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
}

test("presignedPostPolicy: URL, form fields and policy document for a fixed date", async () => {
  const { client, sent } = fakeClient();
  const policy = new PostPolicy("bucket-1", EXPIRATION)
    .addEqualsCondition("$key", "uploads/ü.txt")
    .addEqualsCondition("Content-Type", "text/plain")
    .addEqualsCondition("success_action_status", "201")
    .addEqualsCondition("x-amz-meta-owner", "me")
    .addStartsWithCondition("x-amz-meta-tag", "t-")
    .addStartsWithCondition("cache-control", "")
    .addContentLengthRangeCondition(1, 1024);
  const { url, formData } = await client.presignedPostPolicy(policy, { requestDate: DATE });
  equal(url, `${BASE}/bucket-1`);
  equal(sent.length, 0);
  const credential = "AKIDTEST/20260102/us-east-1/s3/aws4_request";
  deepEqual(decodePolicy(formData.policy), {
    expiration: "2026-01-03T00:00:00.000Z",
    conditions: [
      ["eq", "$bucket", "bucket-1"],
      ["eq", "$key", "uploads/ü.txt"],
      ["eq", "$content-type", "text/plain"],
      ["eq", "$success_action_status", "201"],
      ["eq", "$x-amz-meta-owner", "me"],
      ["starts-with", "$x-amz-meta-tag", "t-"],
      ["starts-with", "$cache-control", ""],
      ["content-length-range", 1, 1024],
      ["eq", "$x-amz-algorithm", "AWS4-HMAC-SHA256"],
      ["eq", "$x-amz-credential", credential],
      ["eq", "$x-amz-date", "20260102T030405Z"],
    ],
  });
  const { policy: b64, ...rest } = formData;
  deepEqual(rest, {
    key: "uploads/ü.txt",
    "content-type": "text/plain",
    success_action_status: "201",
    "x-amz-meta-owner": "me",
    "x-amz-algorithm": "AWS4-HMAC-SHA256",
    "x-amz-credential": credential,
    "x-amz-date": "20260102T030405Z",
    "x-amz-signature": "fe907ed4e782241de3d99aa31969c1be0e29cbb1942bb1a043846f051c9e38a4",
  });
  // The exact bytes: compact JSON, UTF-8, standard base64.
  equal(b64, POLICY_B64);
});

test("presignedPostPolicy: session token as a condition and a field; removed conditions gone", async () => {
  const { client } = fakeClient([], { useSSL: true, sessionToken: "TOKEN/abc=" });
  const policy = new PostPolicy("bucket-1", EXPIRATION)
    .addStartsWithCondition("key", "a/")
    .addEqualsCondition("content-type", "text/plain")
    .addStartsWithCondition("content-disposition", "inline")
    .addContentLengthRangeCondition(0, 5)
    .removeEqualsCondition("Content-Type")
    .removeStartsWithCondition("$content-disposition")
    .removeContentLengthRangeCondition();
  const { url, formData } = await client.presignedPostPolicy(policy, { requestDate: DATE });
  equal(url, "https://s3.example.test:9000/bucket-1");
  equal(formData["x-amz-security-token"], "TOKEN/abc=");
  equal(formData.key, undefined);
  deepEqual(decodePolicy(formData.policy), {
    expiration: "2026-01-03T00:00:00.000Z",
    conditions: [
      ["eq", "$bucket", "bucket-1"],
      ["starts-with", "$key", "a/"],
      ["eq", "$x-amz-algorithm", "AWS4-HMAC-SHA256"],
      ["eq", "$x-amz-credential", "AKIDTEST/20260102/us-east-1/s3/aws4_request"],
      ["eq", "$x-amz-security-token", "TOKEN/abc="],
      ["eq", "$x-amz-date", "20260102T030405Z"],
    ],
  });
});

test("presignedPostPolicy: virtual-host style posts to the bucket's host", async () => {
  const { client } = fakeClient([], { endPoint: "s3.amazonaws.com", useSSL: true });
  const policy = new PostPolicy("bucket-1", EXPIRATION).addEqualsCondition("key", "k");
  const { url } = await client.presignedPostPolicy(policy, { requestDate: DATE });
  equal(url, "https://bucket-1.s3.amazonaws.com:9000/");
});

test("PostPolicy refuses conditions minio-py refuses", () => {
  const p = new PostPolicy("bucket-1", EXPIRATION);
  throws(() => p.addEqualsCondition("", "x"), /condition element must be a non-empty string/);
  throws(() => p.addStartsWithCondition("$", "x"), /condition element must be/);
  for (const e of ["success_action_redirect", "redirect", "$content-length-range"]) {
    throws(() => p.addEqualsCondition(e, "x"), /unsupported for equals condition/);
  }
  for (
    const e of ["success_action_status", "content-length-range", "x-amz-date", "X-Amz-Credential"]
  ) {
    throws(() => p.addStartsWithCondition(e, "x"), /unsupported for starts-with condition/);
  }
  for (const e of ["bucket", "$bucket", "policy", "x-amz-algorithm", "X-Amz-Signature"]) {
    throws(() => p.addEqualsCondition(e, "x"), /cannot be a condition/);
  }
  throws(() => p.addStartsWithCondition("bucket", "x"), /cannot be a condition/);
  throws(() => p.addEqualsCondition("key", 5 as unknown as string), /must be a string/);
  throws(() => p.addContentLengthRangeCondition(-1, 5), /lower limit must be a non-negative/);
  throws(() => p.addContentLengthRangeCondition(0, 1.5), /upper limit must be a non-negative/);
  throws(() => p.addContentLengthRangeCondition(6, 5), /lower limit cannot be greater/);
  p.addStartsWithCondition("x-amz-meta-note", "");
  p.addEqualsCondition("x-amz-server-side-encryption", "AES256");
  throws(() => new PostPolicy("Bad_Bucket!", EXPIRATION), InvalidArgumentError);
  throws(() => new PostPolicy("bucket-1", new Date("nope")), /expiration must be a valid Date/);
  throws(
    () => new PostPolicy("bucket-1", "2030-01-01" as unknown as Date),
    /expiration must be a valid Date/,
  );
});

test("presignedPostPolicy refuses a policy without key condition before the network", async () => {
  const { client, sent } = fakeClient([], { region: undefined });
  const policy = new PostPolicy("bucket-1", EXPIRATION).addEqualsCondition("content-type", "a/b");
  await rejects(client.presignedPostPolicy(policy), /key condition must be set/);
  await rejects(
    client.presignedPostPolicy({ bucket: "bucket-1" } as unknown as PostPolicy),
    /policy must be a PostPolicy/,
  );
  policy.addEqualsCondition("key", "k");
  await rejects(
    client.presignedPostPolicy(policy, { requestDate: new Date(NaN) }),
    /requestDate must be a valid Date/,
  );
  equal(sent.length, 0);
});

test("PostPolicy.formData signs without a client", () => {
  const policy = new PostPolicy("bucket-1", EXPIRATION).addEqualsCondition("key", "k");
  const fields = policy.formData({ accessKey: "AK", secretKey: "SK" }, "us-east-1", DATE);
  equal(fields.key, "k");
  equal(fields["x-amz-credential"], "AK/20260102/us-east-1/s3/aws4_request");
  ok(/^[0-9a-f]{64}$/.test(fields["x-amz-signature"]));
  throws(() => policy.formData({ accessKey: "AK", secretKey: "SK" }, ""), /region must be/);
});

test("PostPolicy.formData refuses missing credentials and an invalid date", () => {
  // Found by fuzz_post_policy_test (seed 1901): no credentials threw a raw
  // TypeError, and an invalid date signed a "NaNNaNNa" stamp.
  const policy = new PostPolicy("bucket-1", EXPIRATION).addEqualsCondition("key", "k");
  const creds = { accessKey: "AK", secretKey: "SK" };
  throws(
    () => policy.formData(undefined as never, "us-east-1", DATE),
    /credentials must have a string accessKey and secretKey/,
  );
  throws(
    () => policy.formData({ accessKey: "AK" } as never, "us-east-1", DATE),
    InvalidArgumentError,
  );
  throws(() => policy.formData(creds, "us-east-1", new Date(NaN)), /date must be a valid Date/);
  throws(() => policy.formData(creds, "us-east-1", "2026-01-02" as never), InvalidArgumentError);
});
