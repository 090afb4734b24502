// Presigned URLs and POST policies used with plain fetch against the real
// MinIO, over HTTP and TLS.
import { deepEqual, equal, match, rejects, test } from "../harness.ts";
import { PostPolicy, S3Error } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";

/** The S3 error code in an error response body. */
async function errorCode(res: Response): Promise<string> {
  return (await res.text()).match(/<Code>([^<]*)<\/Code>/)?.[1] ?? "";
}

function form(fields: Record<string, string>, file: Uint8Array<ArrayBuffer> | string): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append("file", new Blob([file]), "upload.bin");
  return f;
}

const inTenMinutes = () => new Date(Date.now() + 600_000);

for (const t of targets) {
  test(`[${t.name}] presignedGetObject: plain fetch reads the object; overrides show`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(70_000, 5);
      await c.putObject(bucket, "dir/a b+ü.bin", data);
      const plain = await fetch(await c.presignedGetObject(bucket, "dir/a b+ü.bin"));
      equal(plain.status, 200);
      deepEqual(new Uint8Array(await plain.arrayBuffer()), data);

      const url = await c.presignedGetObject(bucket, "dir/a b+ü.bin", {
        expires: 120,
        responseHeaders: {
          "response-content-type": "application/x-test",
          "response-content-disposition": 'attachment; filename="x.bin"',
          "response-cache-control": "no-store",
        },
      });
      const res = await fetch(url);
      equal(res.status, 200);
      equal(res.headers.get("content-type"), "application/x-test");
      equal(res.headers.get("content-disposition"), 'attachment; filename="x.bin"');
      equal(res.headers.get("cache-control"), "no-store");
      equal((await res.arrayBuffer()).byteLength, data.length);
    });
  });

  test(`[${t.name}] presignedPutObject: plain fetch uploads; statObject sees it`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(40_000, 9);
      const url = await c.presignedPutObject(bucket, "up/load.bin", { expires: 300 });
      const res = await fetch(url, {
        method: "PUT",
        body: data,
        headers: { "content-type": "application/x-uploaded" },
      });
      equal(res.status, 200);
      await res.body?.cancel();
      const st = await c.statObject(bucket, "up/load.bin");
      equal(st.size, data.length);
      equal(st.contentType, "application/x-uploaded");
      deepEqual(await (await c.getObject(bucket, "up/load.bin")).bytes(), data);
    });
  });

  test(`[${t.name}] getPresignedUrl: a presigned DELETE removes the object`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "gone.txt", "bye");
      const head = await fetch(await c.getPresignedUrl("HEAD", bucket, "gone.txt"), {
        method: "HEAD",
      });
      equal(head.status, 200);
      equal(head.headers.get("content-length"), "3");
      const res = await fetch(await c.getPresignedUrl("DELETE", bucket, "gone.txt"), {
        method: "DELETE",
      });
      equal(res.status, 204);
      await rejects(
        c.statObject(bucket, "gone.txt"),
        (e: unknown) => e instanceof S3Error && e.status === 404,
      );
    });
  });

  test(`[${t.name}] presigned URLs: expired, tampered or for another method are refused`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "k.txt", "data");
      const expired = await c.presignedGetObject(bucket, "k.txt", {
        expires: 60,
        requestDate: new Date(Date.now() - 3_600_000),
      });
      const res = await fetch(expired);
      equal(res.status, 403);
      equal(await errorCode(res), "AccessDenied");

      const good = await c.presignedGetObject(bucket, "k.txt", { expires: 60 });
      const tampered = await fetch(good.replace("X-Amz-Expires=60", "X-Amz-Expires=61"));
      equal(tampered.status, 403);
      equal(await errorCode(tampered), "SignatureDoesNotMatch");

      const wrongMethod = await fetch(good, { method: "PUT", body: "overwrite" });
      equal(wrongMethod.status, 403);
      await wrongMethod.body?.cancel();
      equal(await (await c.getObject(bucket, "k.txt")).text(), "data");
    });
  });

  test(`[${t.name}] presignedPostPolicy: a form POST uploads with status, type and metadata`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const policy = new PostPolicy(bucket, inTenMinutes())
        .addEqualsCondition("key", "forms/ü one.txt")
        .addEqualsCondition("content-type", "text/plain")
        .addEqualsCondition("success_action_status", "201")
        .addEqualsCondition("x-amz-meta-owner", "edge")
        .addContentLengthRangeCondition(1, 1024);
      const { url, formData } = await c.presignedPostPolicy(policy);
      const res = await fetch(url, { method: "POST", body: form(formData, "hello form") });
      equal(res.status, 201);
      match(await res.text(), /<Key>forms\/ü one.txt<\/Key>/);
      const st = await c.statObject(bucket, "forms/ü one.txt");
      equal(st.size, 10);
      equal(st.contentType, "text/plain");
      deepEqual(st.metadata, { owner: "edge" });
      equal(await (await c.getObject(bucket, "forms/ü one.txt")).text(), "hello form");
    });
  });

  test(`[${t.name}] presignedPostPolicy: starts-with key; 204 by default`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const policy = new PostPolicy(bucket, inTenMinutes())
        .addStartsWithCondition("key", "user/42/")
        .addStartsWithCondition("content-type", "image/");
      const { url, formData } = await c.presignedPostPolicy(policy);
      const data = bytesOf(5_000, 2);
      const fields = { key: "user/42/pic.png", "content-type": "image/png", ...formData };
      const res = await fetch(url, { method: "POST", body: form(fields, data) });
      equal(res.status, 204);
      await res.body?.cancel();
      const st = await c.statObject(bucket, "user/42/pic.png");
      equal(st.size, data.length);
      equal(st.contentType, "image/png");
    });
  });

  test(`[${t.name}] presignedPostPolicy: forms violating the policy are refused`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const policy = new PostPolicy(bucket, inTenMinutes())
        .addStartsWithCondition("key", "user/42/")
        .addContentLengthRangeCondition(10, 100);
      const { url, formData } = await c.presignedPostPolicy(policy);
      const post = (key: string, body: Uint8Array<ArrayBuffer>) =>
        fetch(url, { method: "POST", body: form({ key, ...formData }, body) });

      const tooBig = await post("user/42/big.bin", bytesOf(101));
      equal(tooBig.status, 400);
      equal(await errorCode(tooBig), "EntityTooLarge");
      const tooSmall = await post("user/42/small.bin", bytesOf(9));
      equal(tooSmall.status, 400);
      equal(await errorCode(tooSmall), "EntityTooSmall");
      const otherPrefix = await post("user/43/x.bin", bytesOf(50));
      equal(otherPrefix.status, 403);
      equal(await errorCode(otherPrefix), "AccessDenied");
      const ok = await post("user/42/ok.bin", bytesOf(50));
      equal(ok.status, 204);
      await ok.body?.cancel();

      const names: string[] = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) names.push(o.name);
      deepEqual(names, ["user/42/ok.bin"]);
    });
  });

  test(`[${t.name}] presignedPostPolicy: an expired policy or a changed field is refused`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const expired = new PostPolicy(bucket, new Date(Date.now() - 60_000))
        .addEqualsCondition("key", "late.txt");
      const late = await c.presignedPostPolicy(expired);
      const res = await fetch(late.url, { method: "POST", body: form(late.formData, "x") });
      equal(res.status, 403);
      equal(await errorCode(res), "AccessDenied");

      const policy = new PostPolicy(bucket, inTenMinutes()).addEqualsCondition("key", "a.txt");
      const { url, formData } = await c.presignedPostPolicy(policy);
      const changed = await fetch(url, {
        method: "POST",
        body: form({ ...formData, key: "b.txt" }, "x"),
      });
      equal(changed.status, 403);
      await changed.body?.cancel();
      const extra = await fetch(url, {
        method: "POST",
        body: form({ ...formData, "x-amz-meta-sneaky": "1" }, "x"),
      });
      equal(extra.status, 403);
      await extra.body?.cancel();
      const names: string[] = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) names.push(o.name);
      deepEqual(names, []);
    });
  });
}
