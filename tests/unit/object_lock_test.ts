// ObjectLockConfig, LegalHold and Retention, and the object-lock, retention
// and legal-hold requests.
import { createHash } from "node:crypto";
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import {
  COMPLIANCE,
  DAYS,
  GOVERNANCE,
  InvalidArgumentError,
  LegalHold,
  ObjectLockConfig,
  Retention,
  type RetentionDurationUnit,
  type RetentionMode,
  S3Error,
  YEARS,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");
const s3Error = (status: number, code: string) => ({
  status,
  body:
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message></Error>`,
});

// What MinIO answered in the integration tests.
const MINIO_LOCK_RULE =
  `<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>`;
const MINIO_LOCK_NONE =
  `<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>`;
const MINIO_RETENTION = `<?xml version="1.0" encoding="UTF-8"?>
<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>GOVERNANCE</Mode><RetainUntilDate>2026-11-27T20:58:55.579Z</RetainUntilDate></Retention>`;
const MINIO_HOLD_ON = `<?xml version="1.0" encoding="UTF-8"?>
<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>ON</Status></LegalHold>`;

test("ObjectLockConfig: round trip with days, years and none", () => {
  for (
    const c of [
      new ObjectLockConfig(GOVERNANCE, 15, DAYS),
      new ObjectLockConfig(COMPLIANCE, 2, YEARS),
      new ObjectLockConfig(),
    ]
  ) {
    deepEqual(ObjectLockConfig.fromXml(c.toXml()), c);
  }
  equal(
    new ObjectLockConfig(COMPLIANCE, 2, YEARS).toXml(),
    '<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention></Rule></ObjectLockConfiguration>',
  );
  equal(new ObjectLockConfig(GOVERNANCE, 1, "days" as RetentionDurationUnit).durationUnit, DAYS);
});

test("ObjectLockConfig: MinIO's answers parse", () => {
  deepEqual(ObjectLockConfig.fromXml(MINIO_LOCK_RULE), new ObjectLockConfig(GOVERNANCE, 1, DAYS));
  deepEqual(ObjectLockConfig.fromXml(MINIO_LOCK_NONE), new ObjectLockConfig());
});

test("ObjectLockConfig: mode, duration and unit go together", () => {
  throws(() => new ObjectLockConfig(GOVERNANCE), /duration must be given/);
  throws(() => new ObjectLockConfig(undefined, 5, DAYS), /mode must be given/);
  throws(() => new ObjectLockConfig(GOVERNANCE, 5), /Days or Years/);
  throws(
    () => new ObjectLockConfig(GOVERNANCE, 5, "Weeks" as RetentionDurationUnit),
    /Days or Years/,
  );
  throws(() => new ObjectLockConfig(undefined, undefined, DAYS), /needs a mode/);
  throws(
    () => new ObjectLockConfig("STRICT" as RetentionMode, 5, DAYS),
    /GOVERNANCE or COMPLIANCE/,
  );
  throws(() => new ObjectLockConfig(GOVERNANCE, 0, DAYS), /positive integer/);
  throws(() => new ObjectLockConfig(GOVERNANCE, 1.5, DAYS), /positive integer/);
});

test("LegalHold and Retention: round trip, MinIO's answers, bad values", () => {
  for (const h of [new LegalHold(true), new LegalHold(false), new LegalHold()]) {
    deepEqual(LegalHold.fromXml(h.toXml()), h);
  }
  equal(LegalHold.fromXml(MINIO_HOLD_ON).status, true);
  throws(() => new LegalHold("ON" as unknown as boolean), InvalidArgumentError);
  const r = new Retention(COMPLIANCE, new Date("2030-01-02T03:04:05.678Z"));
  deepEqual(Retention.fromXml(r.toXml()), r);
  deepEqual(
    Retention.fromXml(MINIO_RETENTION),
    new Retention(GOVERNANCE, new Date("2026-11-27T20:58:55.579Z")),
  );
  throws(() => new Retention("NONE" as RetentionMode, new Date()), InvalidArgumentError);
  throws(() => new Retention(GOVERNANCE, new Date("nope")), /valid Date/);
});

test("setObjectLockConfig / deleteObjectLockConfig: PUT ?object-lock with Content-MD5", async () => {
  const { client, sent } = fakeClient();
  await client.setObjectLockConfig("my-bucket", new ObjectLockConfig(GOVERNANCE, 30, DAYS));
  await client.deleteObjectLockConfig("my-bucket");
  for (const s of sent) {
    equal(s.method, "PUT");
    equal(s.url.pathname, "/my-bucket");
    deepEqual(queryOf(s), [["object-lock", ""]]);
    equal(s.headers.get("content-md5"), md5(s.body));
  }
  equal(dec.decode(sent[0].body), new ObjectLockConfig(GOVERNANCE, 30, DAYS).toXml());
  equal(dec.decode(sent[1].body), new ObjectLockConfig().toXml());
  await rejects(
    client.setObjectLockConfig("my-bucket", {} as ObjectLockConfig),
    InvalidArgumentError,
  );
  equal(sent.length, 2);
});

test("getObjectLockConfig: parses; a bucket without object lock is an S3Error as in minio-py", async () => {
  const { client, sent } = fakeClient([
    { body: MINIO_LOCK_RULE },
    s3Error(404, "ObjectLockConfigurationNotFoundError"),
  ]);
  deepEqual(
    await client.getObjectLockConfig("my-bucket"),
    new ObjectLockConfig(GOVERNANCE, 1, DAYS),
  );
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["object-lock", ""]]);
  await rejects(
    client.getObjectLockConfig("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.code === "ObjectLockConfigurationNotFoundError",
  );
});

test("setObjectRetention: PUT /bucket/key?retention&versionId with Content-MD5 and the bypass header", async () => {
  const { client, sent } = fakeClient([{}, {}]);
  const r = new Retention(GOVERNANCE, new Date("2030-01-01T00:00:00Z"));
  await client.setObjectRetention("my-bucket", "a/b c", r, {
    versionId: "v1",
    governanceBypass: true,
  });
  await client.setObjectRetention("my-bucket", "a/b c", r);
  const [s, plain] = sent;
  equal(s.method, "PUT");
  equal(s.url.pathname, "/my-bucket/a/b%20c");
  deepEqual(queryOf(s), [["retention", ""], ["versionId", "v1"]]);
  equal(dec.decode(s.body), r.toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
  equal(s.headers.get("x-amz-bypass-governance-retention"), "true");
  deepEqual(queryOf(plain), [["retention", ""]]);
  equal(plain.headers.get("x-amz-bypass-governance-retention"), null);
  await rejects(
    client.setObjectRetention("my-bucket", "k", { mode: GOVERNANCE } as Retention),
    /Retention/,
  );
  await rejects(client.setObjectRetention("my-bucket", "", r), InvalidArgumentError);
  await rejects(
    client.setObjectRetention("my-bucket", "k", r, { versionId: 1 as unknown as string }),
    /versionId/,
  );
  equal(sent.length, 2);
});

test("getObjectRetention: parses; none is null; other errors are thrown", async () => {
  const { client, sent } = fakeClient([
    { body: MINIO_RETENTION },
    s3Error(400, "NoSuchObjectLockConfiguration"),
    s3Error(400, "InvalidRequest"),
  ]);
  equal((await client.getObjectRetention("my-bucket", "k", { versionId: "v2" }))?.mode, GOVERNANCE);
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["retention", ""], ["versionId", "v2"]]);
  equal(await client.getObjectRetention("my-bucket", "k"), null);
  await rejects(
    client.getObjectRetention("my-bucket", "k"),
    (e: unknown) => e instanceof S3Error && e.code === "InvalidRequest",
  );
});

test("legal hold: enable/disable PUT ?legal-hold with ON/OFF; isObjectLegalHoldEnabled reads it", async () => {
  const { client, sent } = fakeClient([
    {},
    {},
    { body: MINIO_HOLD_ON },
    s3Error(400, "NoSuchObjectLockConfiguration"),
  ]);
  await client.enableObjectLegalHold("my-bucket", "k", { versionId: "v1" });
  await client.disableObjectLegalHold("my-bucket", "k");
  equal(await client.isObjectLegalHoldEnabled("my-bucket", "k", { versionId: "v1" }), true);
  equal(await client.isObjectLegalHoldEnabled("my-bucket", "k"), false);
  const [on, off, get] = sent;
  equal(on.method, "PUT");
  equal(on.url.pathname, "/my-bucket/k");
  deepEqual(queryOf(on), [["legal-hold", ""], ["versionId", "v1"]]);
  equal(dec.decode(on.body), new LegalHold(true).toXml());
  equal(on.headers.get("content-md5"), md5(on.body));
  deepEqual(queryOf(off), [["legal-hold", ""]]);
  equal(dec.decode(off.body), new LegalHold(false).toXml());
  equal(get.method, "GET");
  deepEqual(queryOf(get), [["legal-hold", ""], ["versionId", "v1"]]);
});
