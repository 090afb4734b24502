// What putObjectFanOut sends: an unsigned POST policy form with the fan-out list.
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import {
  InvalidArgumentError,
  postPolicySignature,
  SseCustomerKey,
  SseKMS,
  SseS3,
} from "../../mod.ts";
import { fakeClient } from "./fake_fetch.ts";

const dec = new TextDecoder();

async function formOf(s: { headers: Headers; body: Uint8Array }) {
  const type = s.headers.get("content-type")!;
  const form = await new Response(s.body as BodyInit, { headers: { "content-type": type } })
    .formData();
  const fields: Record<string, string> = {};
  let file: Uint8Array | undefined;
  form.forEach((v, k) => {
    if (typeof v === "string") fields[k] = v;
  });
  const f = form.get("file");
  if (f && typeof f !== "string") file = new Uint8Array(await f.arrayBuffer());
  return { fields, file };
}

function policyOf(fields: Record<string, string>) {
  return JSON.parse(atob(fields.policy)) as { expiration: string; conditions: unknown[] };
}

const answer = [
  `{"key":"a/1","etag":"e1","versionId":"v1","lastModified":"2026-11-26T20:53:33.151Z"}`,
  `{"key":"a/2","error":"Storage reached its minimum free drive threshold."}`,
  "",
].join("\n");

test("putObjectFanOut: POST /bucket, multipart form, no SigV4 headers, signed policy", async () => {
  const { client, sent } = fakeClient([{ body: answer }]);
  const results = await client.putObjectFanOut("b-1", "shared body", [
    { key: "a/1", metadata: { color: "red" }, contentType: "text/plain", tags: { t: "1" } },
    { key: "a/2", cacheControl: "no-cache" },
  ]);
  const s = sent[0];
  equal(s.method, "POST");
  equal(s.url.pathname, "/b-1");
  equal(s.url.search, "");
  // MinIO refuses a request with two kinds of authentication.
  for (const h of ["authorization", "x-amz-date", "x-amz-content-sha256"]) {
    equal(s.headers.has(h), false, h);
  }
  match(s.headers.get("content-type")!, /^multipart\/form-data; boundary=/);
  const { fields, file } = await formOf(s);
  equal(dec.decode(file), "shared body");
  match(fields.key, /^fanout-[0-9a-f]{16}$/);
  equal(fields["x-amz-algorithm"], "AWS4-HMAC-SHA256");
  match(fields["x-amz-credential"], /^AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request$/);
  const stamp = fields["x-amz-date"].replace(
    /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
    "$1-$2-$3T$4:$5:$6Z",
  );
  equal(
    fields["x-amz-signature"],
    postPolicySignature(fields.policy, "wJalrXUtnFEMI/SECRET/KEY", "us-east-1", new Date(stamp)),
  );
  const policy = policyOf(fields);
  deepEqual(policy.conditions.slice(0, 2), [["eq", "$bucket", "b-1"], ["eq", "$key", fields.key]]);
  const expiresIn = new Date(policy.expiration).getTime() - Date.now();
  ok(expiresIn > 14 * 60_000 && expiresIn <= 15 * 60_000, "expires in 15 minutes");
  deepEqual(fields["x-minio-fanout-list"].trimEnd().split("\n").map((l) => JSON.parse(l)), [
    {
      key: "a/1",
      metadata: { "x-amz-meta-color": "red", "content-type": "text/plain" },
      tags: { t: "1" },
    },
    { key: "a/2", metadata: { "cache-control": "no-cache" } },
  ]);
  // The file is the form's last field, after the list.
  const raw = dec.decode(s.body);
  ok(raw.indexOf('name="x-minio-fanout-list"') < raw.indexOf('name="file"'));
  ok(raw.trimEnd().endsWith("--"));
  deepEqual(results, [
    {
      key: "a/1",
      etag: "e1",
      versionId: "v1",
      lastModified: new Date("2026-11-26T20:53:33.151Z"),
      error: undefined,
    },
    {
      key: "a/2",
      etag: undefined,
      versionId: undefined,
      lastModified: undefined,
      error: "Storage reached its minimum free drive threshold.",
    },
  ]);
});

test("putObjectFanOut: SSE fields travel in the form and as policy conditions", async () => {
  const { client, sent } = fakeClient([{ body: "" }, { body: "" }], { useSSL: true });
  const ssec = new SseCustomerKey(new Uint8Array(32).fill(1));
  await client.putObjectFanOut("b-1", new Uint8Array([1, 2, 3]), [{ key: "k" }], { sse: ssec });
  await client.putObjectFanOut("b-1", new Blob(["x"]), [{ key: "k" }], { sse: new SseS3() });
  const c = await formOf(sent[0]);
  const conditions = policyOf(c.fields).conditions;
  for (const [k, v] of Object.entries(ssec.headers())) {
    equal(c.fields[k], v);
    ok(conditions.some((x) => JSON.stringify(x) === JSON.stringify(["eq", "$" + k, v])), k);
  }
  deepEqual([...c.file!], [1, 2, 3]);
  const s3 = await formOf(sent[1]);
  equal(s3.fields["x-amz-server-side-encryption"], "AES256");
  equal(dec.decode(s3.file), "x");
});

test("putObjectFanOut: bad input is refused before the network", async () => {
  const { client, sent } = fakeClient([], { useSSL: true });
  await rejects(client.putObjectFanOut("b-1", "x", []), /non-empty array/);
  await rejects(client.putObjectFanOut("b-1", "x", [{ key: "" }]), InvalidArgumentError);
  await rejects(
    client.putObjectFanOut("b-1", "x", [{ key: "k", metadata: { "bad key": "v" } }]),
    /metadata key/,
  );
  await rejects(
    client.putObjectFanOut("b-1", new Uint8Array(16 * 1024 * 1024 + 1), [{ key: "k" }]),
    /at most 16777216 bytes/,
  );
  await rejects(
    client.putObjectFanOut("b-1", "x", [{ key: "k" }], { sse: new SseKMS("key") }),
    /SSE-KMS/,
  );
  await rejects(client.putObjectFanOut("b-1", 5 as unknown as string, [{ key: "k" }]), /body/);
  equal(sent.length, 0);
});
