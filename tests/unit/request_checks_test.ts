// What the request pipeline refuses before anything is sent: header values
// that fetch or SigV4 cannot carry (CR/LF, non-ASCII), SSE-C headers on a
// plain-HTTP client however they are given, and an endpoint with
// credentials, which no error may echo.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio, SseCustomerKey } from "../../mod.ts";

/** A client whose fetch counts its calls and answers 200. */
function counting(useSSL = false) {
  const seen: Request[] = [];
  const client = new Minio({
    endPoint: "s3.example.test",
    port: 9000,
    useSSL,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    maxRetries: 3,
    retryDelayMs: 1,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return Promise.resolve(new Response(""));
    }) as typeof fetch,
  });
  return { client, seen };
}

const refused = (what: RegExp) => (e: unknown) =>
  e instanceof InvalidArgumentError && what.test(e.message);

test("a contentType with CR/LF is an InvalidArgumentError naming the header; nothing is sent", async () => {
  const { client, seen } = counting();
  for (const contentType of ["text/plain\r\nx-evil: 1", "text/plain\n", "a\rb", "a\0b"]) {
    await rejects(
      client.putObject("bucket", "k", "tiny", undefined, { contentType }),
      refused(/content-type/),
    );
  }
  equal(seen.length, 0);
});

test("extra headers and metadata with CR/LF or a bad name are refused before the network", async () => {
  const { client, seen } = counting();
  await rejects(
    client.statObject("bucket", "k", { extraHeaders: { "x-amz-meta-a": "1\r\n2" } }),
    refused(/x-amz-meta-a/),
  );
  await rejects(
    client.bucketExists("bucket", { extraHeaders: { "bad name": "v" } }),
    refused(/"bad name"/),
  );
  await rejects(
    client.putObject("bucket", "k", "tiny", undefined, { metadata: { note: "a\nb" } }),
    refused(/note/),
  );
  equal(seen.length, 0);
});

test("a non-ASCII contentType is refused as metadata values are, before the network", async () => {
  const { client, seen } = counting();
  for (const contentType of ["text/plain; name=café", "text/plain; name=文"]) {
    await rejects(
      client.putObject("bucket", "k", "tiny", undefined, { contentType }),
      refused(/content-type must be printable US-ASCII/),
    );
  }
  await rejects(
    client.putObject("bucket", "k", "tiny", undefined, { metadata: { note: "café" } }),
    refused(/printable US-ASCII/),
  );
  equal(seen.length, 0);
  // The same value percent-encoded goes out as given.
  await client.putObject("bucket", "k", "tiny", undefined, {
    contentType: "text/plain; name=caf%C3%A9",
  });
  equal(seen.length, 1);
  equal(seen[0].headers.get("content-type"), "text/plain; name=caf%C3%A9");
});

const SSEC = {
  "x-amz-server-side-encryption-customer-algorithm": "AES256",
  "x-amz-server-side-encryption-customer-key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  "x-amz-server-side-encryption-customer-key-md5": "zZ5FnqcIqUjVwvWmyog4zw==",
};

test("an SSE-C header given as metadata or extra headers is refused over HTTP, before the network", async () => {
  const { client, seen } = counting(false);
  await rejects(
    client.putObject("bucket", "k", "tiny", undefined, { metadata: SSEC }),
    refused(/x-amz-server-side-encryption-customer-.*SSE-C requires a TLS connection/),
  );
  await rejects(
    client.putObject("bucket", "k", "tiny", undefined, {
      metadata: {
        "X-Amz-Server-Side-Encryption-Customer-Key":
          SSEC["x-amz-server-side-encryption-customer-key"],
      },
    }),
    refused(/SSE-C requires a TLS connection/),
  );
  await rejects(
    client.getObject("bucket", "k", { extraHeaders: SSEC }),
    refused(/SSE-C requires a TLS connection/),
  );
  await rejects(
    client.statObject("bucket", "k", {
      extraHeaders: { "x-amz-copy-source-server-side-encryption-customer-key": "a2V5" },
    }),
    refused(/x-amz-copy-source-server-side-encryption-customer-key: SSE-C/),
  );
  equal(seen.length, 0);
});

test("no error about a refused SSE-C header shows the key", async () => {
  const { client } = counting(false);
  const e = await client.putObject("bucket", "k", "tiny", undefined, { metadata: SSEC })
    .catch((e) => e);
  ok(e instanceof InvalidArgumentError);
  ok(!e.message.includes(SSEC["x-amz-server-side-encryption-customer-key"]));
});

test("over TLS the same SSE-C headers are sent", async () => {
  const { client, seen } = counting(true);
  await client.putObject("bucket", "k", "tiny", undefined, { metadata: SSEC });
  equal(seen.length, 1);
  equal(seen[0].headers.get("x-amz-server-side-encryption-customer-algorithm"), "AES256");
  await client.statObject("bucket", "k", { ssec: new SseCustomerKey(new Uint8Array(32).fill(7)) });
  equal(seen.length, 2);
});

test("an endpoint with user:password@ and no scheme is refused without echoing it", () => {
  for (
    const endPoint of ["user:pw-SECRET@minio.example.com", "user:pw-SECRET@minio.example.com:9000"]
  ) {
    throws(
      () => new Minio({ endPoint, accessKey: "a", secretKey: "s" }),
      (e: unknown) =>
        e instanceof InvalidArgumentError && /credentials/.test(e.message) &&
        !e.message.includes("pw-SECRET"),
    );
  }
});
