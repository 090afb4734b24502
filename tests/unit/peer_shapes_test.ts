/**
 * The call shapes of minio-js and minio-py that used to do something else
 * without a word: each is now either taken with the peers' meaning or
 * refused before any request.
 */
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio, MinioCore } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import { checkOptions, nearestKey } from "../../src/base/shape.ts";

const KEYS = { endPoint: "s3.example.test", accessKey: "AK", secretKey: "SECRETSECRET" };

test("presignedGetObject(b, o, 3600): the number is the expiry in seconds", async () => {
  const { client, sent } = fakeClient();
  const get = new URL(await client.presignedGetObject("b-1", "o", 3600));
  equal(get.searchParams.get("X-Amz-Expires"), "3600");
  const put = new URL(await client.presignedPutObject("b-1", "o", 60));
  equal(put.searchParams.get("X-Amz-Expires"), "60");
  const del = new URL(await client.getPresignedUrl("DELETE", "b-1", "o", 120));
  equal(del.searchParams.get("X-Amz-Expires"), "120");
  await rejects(client.presignedGetObject("b-1", "o", 604801), /expires must be an integer/);
  equal(sent.length, 0);
});

test("putObject(b, n, body, size, { 'Content-Type': ... }): minio-js's metaData is refused, naming contentType", async () => {
  const { client, sent } = fakeClient();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode("hi"));
      c.close();
    },
  });
  await rejects(
    client.putObject("b-1", "o", body, 2, { "Content-Type": "text/plain" } as never),
    (e: Error) =>
      e instanceof InvalidArgumentError &&
      e.message ===
        "putObject: unknown option 'Content-Type' in options; did you mean 'contentType'?",
  );
  await rejects(
    client.putObject("b-1", "o", "hi", 2, { metaData: { a: "1" } } as never),
    /unknown option 'metaData' in options; did you mean 'metadata'\?/,
  );
  await body.cancel();
  equal(sent.length, 0);
});

test("listObjects(b, 'logs/', true): minio-js's and minio-py's prefix and recursive", async () => {
  const page = "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>";
  const { client, sent } = fakeClient([{ body: page }, { body: page }]);
  for await (const _ of client.listObjects("b-1", "logs/", true)) throw new Error("empty page");
  const q = new Map(queryOf(sent[0]));
  equal(q.get("prefix"), "logs/");
  equal(q.has("delimiter"), false, "recursive: no delimiter");
  for await (const _ of client.listObjects("b-1", "logs/")) throw new Error("empty page");
  equal(new Map(queryOf(sent[1])).get("delimiter"), "/");
  await rejects(client.listObjects("b-1", {}, true).next(), /recursive goes after a prefix/);
  throws(() => client.listObjects("b-1", "logs/", "yes" as never), /recursive must be a boolean/);
  equal(sent.length, 2);
});

test("makeBucket(b, 'eu-west-1'): the string is the region", async () => {
  const { client, sent } = fakeClient([{}], { region: undefined });
  await client.makeBucket("b-1", "eu-west-1");
  equal(sent.length, 1);
  match(
    new TextDecoder().decode(sent[0].body),
    /<LocationConstraint>eu-west-1<\/LocationConstraint>/,
  );
  match(sent[0].headers.get("authorization") ?? "", /\/eu-west-1\/s3\//);
});

test("await removeObjects(b, names): minio-js's call removes them and resolves to the errors", async () => {
  const answer = "<DeleteResult><Error><Key>b</Key><Code>AccessDenied</Code>" +
    "<Message>no</Message></Error></DeleteResult>";
  const { client, sent } = fakeClient([{ body: answer }]);
  const errors = await client.removeObjects("b-1", ["a", "b"]);
  equal(sent.length, 1);
  equal(sent[0].method, "POST");
  match(new TextDecoder().decode(sent[0].body), /<Key>a<\/Key>.*<Key>b<\/Key>/s);
  deepEqual(errors, [{ name: "b", versionId: undefined, code: "AccessDenied", message: "no" }]);
  // Awaiting again gives the same answer without another request.
  deepEqual(await client.removeObjects("b-1", []), []);
  equal(sent.length, 1, "an empty list sends nothing");
});

test("constructor options: minio-js's names and typos are refused with the nearest key", () => {
  const message = (options: object, cls: new (o: never) => unknown = Minio) => {
    try {
      new cls(options as never);
    } catch (e) {
      ok(e instanceof InvalidArgumentError, String(e));
      return (e as Error).message;
    }
    throw new Error("accepted");
  };
  const provider = { getCredentials: () => Promise.resolve({ accessKey: "a", secretKey: "b" }) };
  equal(
    message({ ...KEYS, credentialsProvider: provider }),
    "unknown option 'credentialsProvider' in Minio options; did you mean 'credentials'?",
  );
  equal(
    message({ ...KEYS, regoin: "eu-west-1" }),
    "unknown option 'regoin' in Minio options; did you mean 'region'?",
  );
  match(
    message({ ...KEYS, partSize: 5 << 20 }),
    /unknown option 'partSize' in Minio options; known options: endPoint, port,/,
  );
  equal(
    message({ ...KEYS, useSSL: "false" }),
    'Minio options.useSSL must be a boolean; got the string "false"',
  );
  equal(
    message({ ...KEYS, port: "9000" }),
    'Minio options.port must be a number; got the string "9000"',
  );
  equal(
    message("localhost" as never),
    'Minio options must be an options object; got the string "localhost"',
  );
  equal(
    message({ ...KEYS, pathStyle: true }, MinioAdmin),
    "unknown option 'pathStyle' in MinioAdmin options; known options: " +
      "endPoint, port, useSSL, accessKey, secretKey, sessionToken, credentials, region, fetch, " +
      "maxRetries, maxResumes, retryDelayMs, maxRetryDelayMs, retryDeadlineMs, headersTimeoutMs, " +
      "bodyTimeoutMs",
  );
  equal(message({ ...KEYS, endpoint: "x" }, MinioCore), "unknown client option 'endpoint'");
});

test("checkOptions: the nearest known key, ignoring case and punctuation", () => {
  equal(nearestKey("metaData", ["metadata", "contentType"]), "metadata");
  equal(nearestKey("Content-Type", ["metadata", "contentType"]), "contentType");
  equal(nearestKey("expiry", ["expires", "requestDate"]), "expires");
  equal(nearestKey("zzz", ["expires", "requestDate"]), undefined);
  throws(
    () => checkOptions("presignedGetObject: options", { expiry: 60 }, "expires:n requestDate:d"),
    /^InvalidArgumentError: presignedGetObject: unknown option 'expiry' in options; did you mean 'expires'\?$/,
  );
  throws(
    () => checkOptions("f: options", { requestDate: "2024-01-01" }, "expires:n requestDate:d"),
    /f: options.requestDate must be a valid Date; got the string "2024-01-01"/,
  );
  throws(() => checkOptions("f: options", [], "a:n"), /must be an options object; got an array/);
  checkOptions("f: options", { expires: undefined }, "expires:n");
  checkOptions("f: options", undefined, "expires:n");
});
