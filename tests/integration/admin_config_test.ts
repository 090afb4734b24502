// Configuration, bucket quota and KMS calls, against the real MinIO over HTTP and TLS.
import { deepEqual, equal, ok, test } from "../harness.ts";
import type { ConfigKV } from "../../admin.ts";
import { adminTargets, rejectsAdmin, uniqueName } from "./admin_testbed.ts";
import { client, env, uniqueBucket } from "./testbed.ts";

const valueOf = (kv: ConfigKV[], key: string) => kv.find((e) => e.key === key)?.value;

for (const t of adminTargets) {
  // A logger webhook target of our own (disabled, so the server never calls it): other
  // tests and runtimes change configuration at the same time, but never this target.
  test(`[${t.name}] config: set, get, history, reset, restore a target of our own`, async () => {
    const admin = t.admin();
    const name = uniqueName("edge").replaceAll("-", "");
    const key = `logger_webhook:${name}`;
    const endpoint = `${env("MINIO_TEST_WEBHOOK_URL")}/${name}`;
    try {
      // logger_webhook is a dynamic subsystem: applied at once, no restart.
      deepEqual(await admin.configSet(key, { endpoint, enable: "off", comment: "edge test" }), {
        restart: false,
      });
      const [cfg] = await admin.configGet(key);
      deepEqual([cfg.subSystem, cfg.target], ["logger_webhook", name]);
      deepEqual([valueOf(cfg.kv, "endpoint"), valueOf(cfg.kv, "comment")], [
        endpoint,
        "edge test",
      ]);

      const entry = (await admin.configHistory({ count: 100_000 })).find((e) =>
        e.data.includes(name)
      );
      ok(entry, "the change is in the history");
      equal(entry.data, `${key} endpoint=${endpoint} enable=off comment="edge test"`);
      ok(!Number.isNaN(Date.parse(entry.createTime)));

      deepEqual(await admin.configReset("logger_webhook", { name }), { restart: false });
      await rejectsAdmin(admin.configGet(key), "XMinioConfigError", 400);

      // Restore writes the stored configuration only; the next set of the target
      // applies it, and the endpoint it brings back proves the restore.
      await admin.configRestore(entry.restoreId);
      ok(
        !(await admin.configHistory({ count: 100_000 })).some((e) =>
          e.restoreId === entry.restoreId
        ),
      );
      await admin.configSet(key, { comment: "restored" });
      const [back] = await admin.configGet(key);
      deepEqual([valueOf(back.kv, "endpoint"), valueOf(back.kv, "comment")], [
        endpoint,
        "restored",
      ]);
    } finally {
      await admin.configReset("logger_webhook", { name });
    }
  });

  test(`[${t.name}] config: the api subsystem reads and sets back unchanged; bad keys`, async () => {
    const admin = t.admin();
    const [api] = await admin.configGet("api");
    equal(api.subSystem, "api");
    const max = valueOf(api.kv, "requests_max");
    ok(max !== undefined && /^\d+$/.test(max), "requests_max is a number");
    deepEqual(await admin.configSet("api", { requests_max: max }), { restart: false });
    await rejectsAdmin(admin.configGet("no_such_subsystem"), "XMinioConfigError", 400);
    const e = await rejectsAdmin(
      admin.configSet("api", { no_such_key: "1" }),
      "XMinioConfigError",
      400,
    );
    ok(e.message.includes("api"), e.message);
  });

  test(`[${t.name}] bucket quota: set, get, clear; missing bucket`, async () => {
    const admin = t.admin();
    const s3 = client(t.name === "tls");
    const bucket = uniqueBucket("quota");
    await s3.makeBucket(bucket);
    try {
      deepEqual(await admin.bucketQuotaGet(bucket), { quota: 0, size: 0, rate: 0, requests: 0 });
      await admin.bucketQuotaSet(bucket, 64 * 1024 * 1024);
      const q = await admin.bucketQuotaGet(bucket);
      deepEqual([q.size, q.quota, q.quotatype], [64 * 1024 * 1024, 64 * 1024 * 1024, "hard"]);
      await admin.bucketQuotaClear(bucket);
      deepEqual([(await admin.bucketQuotaGet(bucket)).size], [0]);
    } finally {
      await s3.removeBucket(bucket);
    }
    await rejectsAdmin(admin.bucketQuotaGet(uniqueBucket("none")), "NoSuchBucket", 404);
  });

  test(`[${t.name}] kms: the static key checks out; creating keys is refused`, async () => {
    const admin = t.admin();
    const keyId = env("MINIO_TEST_KMS_KEY");
    deepEqual(await admin.kmsKeyStatus(), { "key-id": keyId });
    deepEqual(await admin.kmsKeyStatus({ key: keyId }), { "key-id": keyId });
    const other = await admin.kmsKeyStatus({ key: "no-such-key" });
    equal(other["key-id"], "no-such-key");
    ok(other["encryption-error"], "an unknown key fails the round trip");
    // A static key (MINIO_KMS_SECRET_KEY) is one key: the server cannot create more.
    const e = await rejectsAdmin(admin.kmsKeyCreate(uniqueName("key")), "InternalError", 500);
    ok(e.message.includes("not supported"), e.message);
  });
}
