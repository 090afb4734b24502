// LifecycleConfig and Filter: round trips, the XML MinIO and AWS return,
// validation before the network, and the requests of the three operations.
import { createHash } from "node:crypto";
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  AbortIncompleteMultipartUpload,
  AndOperator,
  DISABLED,
  ENABLED,
  Expiration,
  Filter,
  InvalidArgumentError,
  LifecycleConfig,
  LifecycleRule,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  type RuleStatus,
  S3Error,
  Tag,
  Tags,
  Transition,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const NEW_YEAR = new Date("2031-01-01T00:00:00Z");

function richConfig(): LifecycleConfig {
  return new LifecycleConfig([
    new LifecycleRule(ENABLED, {
      ruleId: "logs",
      ruleFilter: new Filter({ prefix: "logs/" }),
      expiration: new Expiration({ days: 30 }),
      noncurrentVersionExpiration: new NoncurrentVersionExpiration({
        noncurrentDays: 7,
        newerNoncurrentVersions: 2,
      }),
      abortIncompleteMultipartUpload: new AbortIncompleteMultipartUpload(3),
    }),
    new LifecycleRule(DISABLED, {
      ruleId: "tmp & <scratch>",
      ruleFilter: new Filter({
        andOperator: new AndOperator({
          prefix: "tmp/",
          tags: { class: "scratch", "a<b": 'x>y "q"' },
          objectSizeGreaterThan: 10,
          objectSizeLessThan: 1000,
        }),
      }),
      expiration: new Expiration({ date: NEW_YEAR }),
      transition: new Transition({ days: 0, storageClass: "WARM" }),
    }),
    new LifecycleRule(ENABLED, {
      ruleFilter: new Filter({ tag: new Tag("temp", "") }),
      expiration: new Expiration({ expiredObjectDeleteMarker: false }),
      noncurrentVersionTransition: new NoncurrentVersionTransition({
        noncurrentDays: 0,
        storageClass: "COLD",
        newerNoncurrentVersions: 5,
      }),
    }),
    new LifecycleRule(ENABLED, {
      ruleId: "big",
      ruleFilter: new Filter({ objectSizeGreaterThan: 1 << 20 }),
      transition: new Transition({ date: NEW_YEAR, storageClass: "COLD" }),
    }),
    new LifecycleRule(ENABLED, {
      ruleId: "small",
      ruleFilter: new Filter({ objectSizeLessThan: 100 }),
      noncurrentVersionExpiration: new NoncurrentVersionExpiration({ newerNoncurrentVersions: 1 }),
    }),
  ]);
}

test("LifecycleConfig: fromXml(toXml(x)) deep-equals x for a rich configuration", () => {
  const config = richConfig();
  deepEqual(LifecycleConfig.fromXml(config.toXml()), config);
});

test("LifecycleConfig: toXml writes the S3 document, dates as midnight UTC ISO 8601", () => {
  const config = new LifecycleConfig([
    new LifecycleRule(ENABLED, {
      ruleId: "r1",
      ruleFilter: new Filter({ andOperator: new AndOperator({ prefix: "a/", tags: { k: "v" } }) }),
      expiration: new Expiration({ date: new Date(Date.UTC(2030, 0, 1)) }),
      abortIncompleteMultipartUpload: new AbortIncompleteMultipartUpload(7),
    }),
  ]);
  equal(
    config.toXml(),
    '<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ID>r1</ID>' +
      "<Status>Enabled</Status><Filter><And><Prefix>a/</Prefix><Tag><Key>k</Key><Value>v</Value>" +
      "</Tag></And></Filter><AbortIncompleteMultipartUpload><DaysAfterInitiation>7" +
      "</DaysAfterInitiation></AbortIncompleteMultipartUpload><Expiration>" +
      "<Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule></LifecycleConfiguration>",
  );
});

// What MinIO (this test bed's build) answers to GetBucketLifecycleConfiguration.
const MINIO_ANSWER =
  "<LifecycleConfiguration><Rule><ID>logs</ID><Status>Enabled</Status><Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>30</Days></Expiration><NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays><NewerNoncurrentVersions>2</NewerNoncurrentVersions></NoncurrentVersionExpiration></Rule><Rule><ID>tmp &amp; &lt;x&gt;</ID><Status>Disabled</Status><Filter><And><Prefix>tmp/</Prefix><Tag><Key>class</Key><Value>scratch</Value></Tag><Tag><Key>owner</Key><Value>ci</Value></Tag></And></Filter><Expiration><Date>2031-01-01T00:00:00Z</Date></Expiration></Rule><Rule><ID>big</ID><Status>Enabled</Status><Filter><ObjectSizeGreaterThan>1048576</ObjectSizeGreaterThan></Filter><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule><Rule><ID>tag</ID><Status>Enabled</Status><Filter><Tag><Key>temp</Key><Value>yes</Value></Tag></Filter><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";

test("LifecycleConfig.fromXml: MinIO's answer", () => {
  const config = LifecycleConfig.fromXml(MINIO_ANSWER);
  deepEqual(
    config,
    new LifecycleConfig([
      new LifecycleRule(ENABLED, {
        ruleId: "logs",
        ruleFilter: new Filter({ prefix: "logs/" }),
        expiration: new Expiration({ days: 30 }),
        noncurrentVersionExpiration: new NoncurrentVersionExpiration({
          noncurrentDays: 7,
          newerNoncurrentVersions: 2,
        }),
      }),
      new LifecycleRule(DISABLED, {
        ruleId: "tmp & <x>",
        ruleFilter: new Filter({
          andOperator: new AndOperator({ prefix: "tmp/", tags: { class: "scratch", owner: "ci" } }),
        }),
        expiration: new Expiration({ date: NEW_YEAR }),
      }),
      new LifecycleRule(ENABLED, {
        ruleId: "big",
        ruleFilter: new Filter({ objectSizeGreaterThan: 1048576 }),
        expiration: new Expiration({ expiredObjectDeleteMarker: true }),
      }),
      new LifecycleRule(ENABLED, {
        ruleId: "tag",
        ruleFilter: new Filter({ tag: new Tag("temp", "yes") }),
        expiration: new Expiration({ days: 1 }),
      }),
    ]),
  );
  ok(config.rules[1].ruleFilter?.andOperator?.tags instanceof Tags);
  equal(config.rules[1].ruleFilter?.andOperator?.tags?.get("owner"), "ci");
});

test("LifecycleConfig.fromXml: AWS's pretty-printed answer with a namespace, legacy prefix, empty filter", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Rule>
    <ID>archive</ID>
    <Filter>
      <And>
        <Prefix>docs/</Prefix>
        <ObjectSizeGreaterThan>500</ObjectSizeGreaterThan>
      </And>
    </Filter>
    <Status>Enabled</Status>
    <Transition>
      <Days>90</Days>
      <StorageClass>GLACIER</StorageClass>
    </Transition>
    <NoncurrentVersionTransition>
      <NoncurrentDays>30</NoncurrentDays>
      <StorageClass>GLACIER</StorageClass>
    </NoncurrentVersionTransition>
  </Rule>
  <Rule>
    <ID>old-api</ID>
    <Prefix>legacy/</Prefix>
    <Status>Enabled</Status>
    <Expiration><ExpiredObjectDeleteMarker>TRUE</ExpiredObjectDeleteMarker></Expiration>
  </Rule>
  <Rule>
    <ID>everything</ID>
    <Filter></Filter>
    <Status>Enabled</Status>
    <AbortIncompleteMultipartUpload><DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload>
  </Rule>
  <Rule>
    <ID>minio-size</ID>
    <Filter><Prefix></Prefix><ObjectSizeLessThan>64</ObjectSizeLessThan></Filter>
    <Status>Enabled</Status>
    <Expiration><Days>2</Days></Expiration>
  </Rule>
</LifecycleConfiguration>`;
  const [archive, old, everything, size] = LifecycleConfig.fromXml(xml).rules;
  deepEqual(
    archive,
    new LifecycleRule(ENABLED, {
      ruleId: "archive",
      ruleFilter: new Filter({
        andOperator: new AndOperator({ prefix: "docs/", objectSizeGreaterThan: 500 }),
      }),
      transition: new Transition({ days: 90, storageClass: "GLACIER" }),
      noncurrentVersionTransition: new NoncurrentVersionTransition({
        noncurrentDays: 30,
        storageClass: "GLACIER",
      }),
    }),
  );
  deepEqual(old.ruleFilter, new Filter({ prefix: "legacy/" }));
  equal(old.expiration?.expiredObjectDeleteMarker, true);
  deepEqual(everything.ruleFilter, new Filter({ prefix: "" }));
  equal(everything.abortIncompleteMultipartUpload?.daysAfterInitiation, 2);
  deepEqual(size.ruleFilter, new Filter({ objectSizeLessThan: 64 }));
});

test("LifecycleRule: refused without an action, with a bad status or ID", () => {
  const expiration = new Expiration({ days: 1 });
  throws(() => new LifecycleRule(ENABLED, {}), /at least one action/);
  throws(() => new LifecycleRule(ENABLED, { ruleId: "x" }), InvalidArgumentError);
  throws(() => new LifecycleRule("On" as RuleStatus, { expiration }), /Enabled or Disabled/);
  throws(() => new LifecycleRule(ENABLED, { expiration, ruleId: "  " }), /rule ID/);
  throws(() => new LifecycleRule(ENABLED, { expiration, ruleId: "x".repeat(256) }), /255/);
  throws(
    () => new LifecycleRule(ENABLED, { expiration: { days: 1 } as unknown as Expiration }),
    /expiration must be an Expiration/,
  );
  equal(new LifecycleRule(ENABLED, { expiration, ruleId: " padded " }).ruleId, "padded");
});

test("Expiration and Transition: days and date never together, dates at midnight UTC", () => {
  throws(() => new Expiration({ days: 1, date: NEW_YEAR }), /exactly one/);
  throws(() => new Expiration({ days: 1, expiredObjectDeleteMarker: true }), /exactly one/);
  throws(() => new Expiration({}), /exactly one/);
  throws(() => new Expiration({ days: 0 }), /positive integer/);
  throws(() => new Expiration({ days: 1.5 }), /positive integer/);
  throws(() => new Expiration({ date: new Date("2031-01-01T12:00:00Z") }), /midnight UTC/);
  throws(() => new Expiration({ date: new Date("nope") }), /valid Date/);
  throws(
    () =>
      Expiration.fromXml(
        "<Expiration><ExpiredObjectDeleteMarker>yes</ExpiredObjectDeleteMarker></Expiration>",
      ),
    /true or false/,
  );
  throws(() => new Transition({ days: 1, date: NEW_YEAR, storageClass: "X" }), /exactly one/);
  throws(() => new Transition({ storageClass: "X" }), /exactly one/);
  throws(() => new Transition({ days: 1 } as never), /storageClass/);
  throws(() => new Transition({ days: -1, storageClass: "X" }), /non-negative/);
  throws(() => new NoncurrentVersionExpiration({}), /noncurrentDays or newerNoncurrentVersions/);
  throws(() => new NoncurrentVersionExpiration({ noncurrentDays: 0 }), /positive/);
  throws(
    () => new NoncurrentVersionTransition({ noncurrentDays: 1, storageClass: "" }),
    /storageClass/,
  );
  throws(() => new AbortIncompleteMultipartUpload(0), /positive/);
  throws(() => new AbortIncompleteMultipartUpload(undefined as unknown as number), /positive/);
});

test("Filter: exactly one condition; AndOperator needs one; tags checked", () => {
  throws(() => new Filter({}), /exactly one of andOperator, prefix, tag/);
  throws(() => new Filter({ prefix: "a", tag: new Tag("k", "v") }), /got prefix, tag/);
  throws(() => new Filter({ objectSizeGreaterThan: 1, objectSizeLessThan: 9 }), /exactly one/);
  throws(() => new Filter({ objectSizeLessThan: 0 }), /positive integer/);
  throws(() => new Filter({ prefix: 7 as unknown as string }), /prefix must be a string/);
  throws(() => new Filter({ tag: { key: "k", value: "v" } as Tag }), /must be a Tag/);
  throws(() => new AndOperator({}), /prefix, tags or a size/);
  throws(() => new AndOperator({ tags: {} }), /prefix, tags or a size/);
  throws(() => new AndOperator({ objectSizeGreaterThan: 9, objectSizeLessThan: 9 }), /less than/);
  throws(() => new AndOperator({ tags: { "": "v" } }), /invalid tag key/);
  throws(() => new Tag("", "v"), /tag key/);
  throws(() => new Tag("k", undefined as unknown as string), /tag value/);
  equal(new Filter({ prefix: "" }).toXml(), "<Filter><Prefix></Prefix></Filter>");
  equal(
    new Filter({ andOperator: new AndOperator({ tags: Tags.from({ a: "1", b: "2" }) }) }).toXml(),
    "<Filter><And><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag>" +
      "</And></Filter>",
  );
});

test("LifecycleConfig: 1 to 1000 rules with distinct IDs", () => {
  const rule = (id?: string) =>
    new LifecycleRule(ENABLED, { ruleId: id, expiration: new Expiration({ days: 1 }) });
  throws(() => new LifecycleConfig([]), /1 to 1000 rules/);
  throws(() => new LifecycleConfig(Array.from({ length: 1001 }, () => rule())), /1 to 1000/);
  throws(() => new LifecycleConfig([rule("a"), rule("a")]), /"a" is used twice/);
  throws(() => new LifecycleConfig([{} as LifecycleRule]), /must be a LifecycleRule/);
  equal(new LifecycleConfig([rule(), rule()]).rules.length, 2);
});

const md5 = (body: Uint8Array) => createHash("md5").update(body).digest("base64");

test("setBucketLifecycle: PUT /bucket?lifecycle with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient();
  const config = richConfig();
  await client.setBucketLifecycle("my-bucket", config);
  equal(sent.length, 1);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/my-bucket");
  deepEqual(queryOf(s), [["lifecycle", ""]]);
  equal(new TextDecoder().decode(s.body), config.toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
  ok(/SignedHeaders=content-md5;host;/.test(s.headers.get("authorization")!));
});

test("getBucketLifecycle: GET /bucket?lifecycle; NoSuchLifecycleConfiguration gives null", async () => {
  const notFound = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message><BucketName>my-bucket</BucketName></Error>`;
  const { client, sent } = fakeClient([
    { body: MINIO_ANSWER, headers: { "content-type": "application/xml" } },
    { status: 404, body: notFound, headers: { "content-type": "application/xml" } },
    { status: 404, body: notFound.replaceAll("NoSuchLifecycleConfiguration", "NoSuchBucket") },
  ]);
  const config = await client.getBucketLifecycle("my-bucket");
  equal(config?.rules.length, 4);
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["lifecycle", ""]]);
  equal(await client.getBucketLifecycle("my-bucket"), null);
  await rejects(
    client.getBucketLifecycle("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket",
  );
});

test("deleteBucketLifecycle: DELETE /bucket?lifecycle", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.deleteBucketLifecycle("my-bucket");
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["lifecycle", ""]]);
});

test("lifecycle operations: bad input fails before any request", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.setBucketLifecycle("my-bucket", {} as LifecycleConfig), /LifecycleConfig/);
  await rejects(client.setBucketLifecycle("b", richConfig()), InvalidArgumentError);
  await rejects(client.getBucketLifecycle(""), InvalidArgumentError);
  await rejects(client.deleteBucketLifecycle("a..b"), InvalidArgumentError);
  equal(sent.length, 0);
});
