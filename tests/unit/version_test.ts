// The version is set in one place (deno.json) and carried by the User-Agent
// of every request, S3 and admin alike, outside the signature.
import { readFile } from "node:fs/promises";
import { equal, match, ok, test } from "../harness.ts";
import { USER_AGENT, VERSION } from "../../src/base/version.ts";
import { fakeClient } from "./fake_fetch.ts";
import { fakeAdmin } from "./fake_admin.ts";

const root = new URL("../../", import.meta.url);
const version = async (): Promise<string> =>
  JSON.parse(await readFile(new URL("deno.json", root), "utf8")).version;

test("version: deno.json's version is a semantic version, and VERSION", async () => {
  match(await version(), /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  equal(VERSION, await version());
  equal(USER_AGENT, `minio-edge/${VERSION}`);
});

test("version: an S3 request carries User-Agent minio-edge/<deno.json's version>, not signed", async () => {
  const { client, sent } = fakeClient();
  await client.makeBucket("my-bucket");
  equal(sent[0].headers.get("user-agent"), `minio-edge/${await version()}`);
  const signedHeaders = sent[0].headers.get("authorization")!.match(/SignedHeaders=([^,]+)/)![1];
  ok(!signedHeaders.split(";").includes("user-agent"), signedHeaders);
});

test("version: a caller's User-Agent in extraHeaders is sent instead of ours", async () => {
  const { client, sent } = fakeClient();
  await client.makeBucket("my-bucket", { extraHeaders: { "User-Agent": "my-app/2.0" } });
  equal(sent[0].headers.get("user-agent"), "my-app/2.0");
});

test("version: an admin request carries User-Agent minio-edge/<deno.json's version>", async () => {
  const { admin, sent } = fakeAdmin([{ body: "{}" }]);
  await admin.accountInfo();
  equal(sent[0].headers.get("user-agent"), `minio-edge/${await version()}`);
});
