// VersioningConfig and the versioning requests: XML both ways, checks, what is sent.
import { createHash } from "node:crypto";
import { deepEqual, equal, rejects, test, throws } from "../harness.ts";
import {
  DISABLED,
  ENABLED,
  InvalidArgumentError,
  OFF,
  SUSPENDED,
  VersioningConfig,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");

// What MinIO answered in the integration tests.
const MINIO_EXCLUDED =
  `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status><ExcludedPrefixes><Prefix>tmp/</Prefix></ExcludedPrefixes><ExcludedPrefixes><Prefix>x/</Prefix></ExcludedPrefixes><ExcludeFolders>true</ExcludeFolders></VersioningConfiguration>`;
const MINIO_NEVER =
  `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></VersioningConfiguration>`;

test("VersioningConfig: round trip with every field", () => {
  const c = new VersioningConfig(ENABLED, {
    mfaDelete: DISABLED,
    excludedPrefixes: ["a/", "b & c/"],
    excludeFolders: true,
  });
  const back = VersioningConfig.fromXml(c.toXml());
  deepEqual(back, c);
  equal(back.statusString, ENABLED);
  equal(
    c.toXml(),
    '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status><MFADelete>Disabled</MFADelete><ExcludedPrefixes><Prefix>a/</Prefix></ExcludedPrefixes><ExcludedPrefixes><Prefix>b &amp; c/</Prefix></ExcludedPrefixes><ExcludeFolders>true</ExcludeFolders></VersioningConfiguration>',
  );
  deepEqual(
    VersioningConfig.fromXml(new VersioningConfig(SUSPENDED).toXml()),
    new VersioningConfig(SUSPENDED),
  );
});

test("VersioningConfig: MinIO's answers parse; a never-versioned bucket is Off", () => {
  const c = VersioningConfig.fromXml(MINIO_EXCLUDED);
  equal(c.status, ENABLED);
  deepEqual(c.excludedPrefixes, ["tmp/", "x/"]);
  equal(c.excludeFolders, true);
  const never = VersioningConfig.fromXml(MINIO_NEVER);
  equal(never.status, undefined);
  equal(never.statusString, OFF);
  deepEqual(never.excludedPrefixes, []);
  equal(never.excludeFolders, false);
});

test("VersioningConfig: bad values are refused", () => {
  throws(() => new VersioningConfig("Off" as typeof ENABLED), /Enabled or Suspended/);
  throws(() => new VersioningConfig(ENABLED, { mfaDelete: "On" as typeof ENABLED }), /mfaDelete/);
  throws(() => new VersioningConfig(ENABLED, { excludedPrefixes: [""] }), InvalidArgumentError);
  throws(
    () => new VersioningConfig(ENABLED, { excludedPrefixes: "tmp/" as unknown as string[] }),
    InvalidArgumentError,
  );
  throws(
    () =>
      new VersioningConfig(ENABLED, {
        excludedPrefixes: Array.from({ length: 11 }, (_, i) => `p${i}/`),
      }),
    /at most 10/,
  );
  throws(
    () => new VersioningConfig(SUSPENDED, { excludedPrefixes: ["a/"] }),
    /need status Enabled/,
  );
  throws(() => new VersioningConfig(undefined, { excludeFolders: true }), /need status Enabled/);
  throws(
    () => new VersioningConfig(ENABLED, { excludeFolders: "yes" as unknown as boolean }),
    InvalidArgumentError,
  );
});

test("setBucketVersioning: PUT ?versioning with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient();
  const config = new VersioningConfig(ENABLED, { excludedPrefixes: ["tmp/"] });
  await client.setBucketVersioning("my-bucket", config);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/my-bucket");
  deepEqual(queryOf(s), [["versioning", ""]]);
  equal(dec.decode(s.body), config.toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
});

test("setBucketVersioning: a config that is not a VersioningConfig sends nothing", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.setBucketVersioning("my-bucket", { status: ENABLED } as unknown as VersioningConfig),
    /must be a VersioningConfig/,
  );
  await rejects(
    client.setBucketVersioning("Bad_Bucket!", new VersioningConfig(ENABLED)),
    InvalidArgumentError,
  );
  equal(sent.length, 0);
});

test("getBucketVersioning: GET ?versioning and parses the answer", async () => {
  const { client, sent } = fakeClient([{ body: MINIO_EXCLUDED }, { body: MINIO_NEVER }]);
  const c = await client.getBucketVersioning("my-bucket");
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["versioning", ""]]);
  deepEqual(c.excludedPrefixes, ["tmp/", "x/"]);
  equal((await client.getBucketVersioning("my-bucket")).statusString, OFF);
});
