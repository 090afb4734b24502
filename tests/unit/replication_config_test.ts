// ReplicationConfig: round trips, the XML MinIO and AWS return, validation
// before the network, and the requests of the three operations.
import { createHash } from "node:crypto";
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  AccessControlTranslation,
  AndOperator,
  DeleteMarkerReplication,
  DeleteReplication,
  Destination,
  DISABLED,
  ENABLED,
  EncryptionConfig,
  EventThreshold,
  ExistingObjectReplication,
  Filter,
  InvalidArgumentError,
  Metrics,
  ReplicaModifications,
  ReplicationConfig,
  ReplicationRule,
  ReplicationTime,
  type RuleStatus,
  S3Error,
  SourceSelectionCriteria,
  SseKmsEncryptedObjects,
  Tag,
  Time,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const ARN = "arn:minio:replication::d1049bd2-324a-4485-ae3f-af6a1a8f18c4:lcp-dst";

function richConfig(): ReplicationConfig {
  return new ReplicationConfig("arn:aws:iam::123456789012:role/replication & <more>", [
    new ReplicationRule(
      ENABLED,
      new Destination("arn:aws:s3:::backup", {
        accessControlTranslation: new AccessControlTranslation(),
        account: "123456789012",
        encryptionConfig: new EncryptionConfig("arn:aws:kms:us-east-1:1:key/k"),
        metrics: new Metrics(new EventThreshold(30), ENABLED),
        replicationTime: new ReplicationTime(new Time(15), DISABLED),
        storageClass: "STANDARD_IA",
      }),
      {
        ruleId: "everything",
        priority: 2,
        ruleFilter: new Filter({
          andOperator: new AndOperator({ prefix: "docs/", tags: { k1: "v1", k2: "v2" } }),
        }),
        deleteMarkerReplication: new DeleteMarkerReplication(ENABLED),
        existingObjectReplication: new ExistingObjectReplication(DISABLED),
        sourceSelectionCriteria: new SourceSelectionCriteria({
          sseKmsEncryptedObjects: new SseKmsEncryptedObjects(ENABLED),
          replicaModifications: new ReplicaModifications(DISABLED),
        }),
        deleteReplication: new DeleteReplication(ENABLED),
      },
    ),
    new ReplicationRule(DISABLED, new Destination("arn:aws:s3:::other"), {
      priority: 0,
      ruleFilter: new Filter({ tag: new Tag("replicate", "yes") }),
      sourceSelectionCriteria: new SourceSelectionCriteria(),
    }),
    new ReplicationRule(ENABLED, new Destination("arn:aws:s3:::third"), {
      ruleId: "prefix",
      ruleFilter: new Filter({ prefix: "" }),
      deleteMarkerReplication: new DeleteMarkerReplication(),
    }),
  ]);
}

test("ReplicationConfig: fromXml(toXml(x)) deep-equals x for a rich configuration", () => {
  const config = richConfig();
  deepEqual(ReplicationConfig.fromXml(config.toXml()), config);
});

test("ReplicationConfig: toXml writes the S3 document", () => {
  const config = new ReplicationConfig("", [
    new ReplicationRule(ENABLED, new Destination(ARN, { storageClass: "STANDARD" }), {
      ruleId: "r1",
      priority: 1,
      ruleFilter: new Filter({ prefix: "a/" }),
      deleteMarkerReplication: new DeleteMarkerReplication(),
      deleteReplication: new DeleteReplication(),
    }),
  ]);
  equal(
    config.toXml(),
    '<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ID>r1</ID>' +
      "<Priority>1</Priority><Filter><Prefix>a/</Prefix></Filter><Status>Enabled</Status>" +
      `<Destination><Bucket>${ARN}</Bucket><StorageClass>STANDARD</StorageClass></Destination>` +
      "<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>" +
      "<DeleteReplication><Status>Disabled</Status></DeleteReplication></Rule>" +
      "</ReplicationConfiguration>",
  );
});

// What MinIO (this test bed's build) answers to GetBucketReplication for a
// rule made by `mc replicate add --replicate delete-marker,delete`.
const MINIO_ANSWER =
  `<ReplicationConfiguration><Rule><ID>rule1</ID><Status>Enabled</Status><Priority>1</Priority><DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication><DeleteReplication><Status>Enabled</Status></DeleteReplication><Destination><Bucket>${ARN}</Bucket></Destination><SourceSelectionCriteria><ReplicaModifications><Status>Enabled</Status></ReplicaModifications></SourceSelectionCriteria><Filter><Prefix></Prefix></Filter><ExistingObjectReplication><Status>Disabled</Status></ExistingObjectReplication></Rule><Role></Role></ReplicationConfiguration>`;

test("ReplicationConfig.fromXml: MinIO's answer", () => {
  deepEqual(
    ReplicationConfig.fromXml(MINIO_ANSWER),
    new ReplicationConfig("", [
      new ReplicationRule(ENABLED, new Destination(ARN), {
        ruleId: "rule1",
        priority: 1,
        ruleFilter: new Filter({ prefix: "" }),
        deleteMarkerReplication: new DeleteMarkerReplication(ENABLED),
        deleteReplication: new DeleteReplication(ENABLED),
        existingObjectReplication: new ExistingObjectReplication(DISABLED),
        sourceSelectionCriteria: new SourceSelectionCriteria({
          replicaModifications: new ReplicaModifications(ENABLED),
        }),
      }),
    ]),
  );
});

test("ReplicationConfig.fromXml: AWS's pretty-printed answer with a namespace", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Role>arn:aws:iam::35667example:role/CrossRegionReplicationRoleForS3</Role>
  <Rule>
    <ID>rule1</ID>
    <Status>Enabled</Status>
    <Priority>1</Priority>
    <DeleteMarkerReplication>
      <Status>Disabled</Status>
    </DeleteMarkerReplication>
    <Filter>
      <And>
        <Prefix>TaxDocs</Prefix>
        <Tag><Key>key1</Key><Value>value1</Value></Tag>
      </And>
    </Filter>
    <Destination>
      <Bucket>arn:aws:s3:::exampletargetbucket</Bucket>
      <Account>35667example</Account>
      <AccessControlTranslation><Owner>Destination</Owner></AccessControlTranslation>
      <ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time></ReplicationTime>
      <Metrics><Status>Enabled</Status><EventThreshold><Minutes>15</Minutes></EventThreshold></Metrics>
      <EncryptionConfiguration><ReplicaKmsKeyID>arn:aws:kms:us-east-1:1:key/k</ReplicaKmsKeyID></EncryptionConfiguration>
    </Destination>
  </Rule>
</ReplicationConfiguration>`;
  const config = ReplicationConfig.fromXml(xml);
  equal(config.role, "arn:aws:iam::35667example:role/CrossRegionReplicationRoleForS3");
  deepEqual(
    config.rules[0],
    new ReplicationRule(
      ENABLED,
      new Destination("arn:aws:s3:::exampletargetbucket", {
        account: "35667example",
        accessControlTranslation: new AccessControlTranslation("Destination"),
        replicationTime: new ReplicationTime(new Time(15), ENABLED),
        metrics: new Metrics(new EventThreshold(15), ENABLED),
        encryptionConfig: new EncryptionConfig("arn:aws:kms:us-east-1:1:key/k"),
      }),
      {
        ruleId: "rule1",
        priority: 1,
        deleteMarkerReplication: new DeleteMarkerReplication(DISABLED),
        ruleFilter: new Filter({
          andOperator: new AndOperator({ prefix: "TaxDocs", tags: { key1: "value1" } }),
        }),
      },
    ),
  );
});

test("ReplicationRule and its parts: bad values are refused", () => {
  const d = new Destination(ARN);
  throws(() => new ReplicationRule("on" as RuleStatus, d), /Enabled or Disabled/);
  throws(() => new ReplicationRule(ENABLED, ARN as unknown as Destination), /needs a Destination/);
  throws(() => new ReplicationRule(ENABLED, d, { priority: -1 }), /priority/);
  throws(() => new ReplicationRule(ENABLED, d, { ruleId: "" }), /rule ID/);
  throws(
    () => new ReplicationRule(ENABLED, d, { deleteMarkerReplication: ENABLED as never }),
    /options\.deleteMarkerReplication must be an object; got the string "Enabled"/,
  );
  throws(() => new Destination(""), /bucket ARN/);
  throws(() => new Destination(ARN, { storageClass: "" }), /storageClass/);
  throws(() => new Destination(ARN, { metrics: {} as Metrics }), /must be a Metrics/);
  throws(() => new DeleteMarkerReplication("yes" as RuleStatus), /DeleteMarkerReplication status/);
  throws(() => new DeleteReplication("" as RuleStatus), /DeleteReplication status/);
  throws(() => new ExistingObjectReplication(undefined as never), /ExistingObjectReplication/);
  throws(() => new SseKmsEncryptedObjects("x" as RuleStatus), /SseKmsEncryptedObjects/);
  throws(() => new ReplicationTime(15 as unknown as Time, ENABLED), /needs a Time/);
  throws(() => new ReplicationTime(new Time(), "x" as RuleStatus), /ReplicationTime status/);
  throws(() => new Metrics(new EventThreshold(), "x" as RuleStatus), /Metrics status/);
  throws(() => new Time(0), /positive integer/);
  throws(() => new EventThreshold(1.5), /positive integer/);
  throws(() => new AccessControlTranslation(""), /owner/);
  throws(() => new EncryptionConfig(""), /replicaKmsKeyId/);
  equal(new DeleteMarkerReplication().status, DISABLED);
  equal(new DeleteReplication().status, DISABLED);
  equal(new Time().minutes, 15);
});

test("ReplicationConfig: a role string and 1 to 1000 rules with distinct IDs and priorities", () => {
  const rule = (priority?: number, ruleId?: string) =>
    new ReplicationRule(ENABLED, new Destination(ARN), { priority, ruleId });
  throws(() => new ReplicationConfig(undefined as unknown as string, [rule()]), /role/);
  throws(() => new ReplicationConfig("", []), /1 to 1000 rules/);
  throws(() => new ReplicationConfig("", [rule(1), rule(1)]), /priority 1 is used twice/);
  throws(() => new ReplicationConfig("", [rule(1, "a"), rule(2, "a")]), /"a" is used twice/);
  throws(() => new ReplicationConfig("", [{} as ReplicationRule]), /must be a ReplicationRule/);
  throws(
    () =>
      ReplicationConfig.fromXml(
        "<ReplicationConfiguration><Rule><Status>Enabled</Status></Rule></ReplicationConfiguration>",
      ),
    /Destination/,
  );
  ok(!new ReplicationConfig("", [rule(1), rule(2)]).toXml().includes("<Role>"));
});

const md5 = (body: Uint8Array) => createHash("md5").update(body).digest("base64");

test("setBucketReplication: PUT /bucket?replication with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient([], { useSSL: true });
  const config = richConfig();
  await client.setBucketReplication("my-bucket", config);
  equal(sent.length, 1);
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.href, "https://s3.example.test:9000/my-bucket?replication=");
  equal(new TextDecoder().decode(s.body), config.toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
});

test("getBucketReplication: GET /bucket?replication; ReplicationConfigurationNotFoundError gives null", async () => {
  const notFound =
    `<Error><Code>ReplicationConfigurationNotFoundError</Code><Message>The replication configuration was not found</Message></Error>`;
  const { client, sent } = fakeClient([
    { body: MINIO_ANSWER },
    { status: 404, body: notFound },
    {
      status: 403,
      body: notFound.replaceAll("ReplicationConfigurationNotFoundError", "AccessDenied"),
    },
  ]);
  equal((await client.getBucketReplication("my-bucket"))?.rules[0].destination.bucketArn, ARN);
  equal(sent[0].method, "GET");
  equal(sent[0].url.pathname, "/my-bucket");
  deepEqual(queryOf(sent[0]), [["replication", ""]]);
  equal(await client.getBucketReplication("my-bucket"), null);
  await rejects(
    client.getBucketReplication("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.code === "AccessDenied",
  );
});

test("deleteBucketReplication: DELETE /bucket?replication; MinIO's no-remote-target answer means done", async () => {
  const noTarget =
    `<Error><Code>XMinioAdminRemoteTargetNotFoundError</Code><Message>The remote target does not exist</Message></Error>`;
  const { client, sent } = fakeClient([
    { status: 204 },
    { status: 404, body: noTarget },
    { status: 404, body: noTarget.replace("XMinioAdminRemoteTargetNotFoundError", "NoSuchBucket") },
  ]);
  await client.deleteBucketReplication("my-bucket");
  await client.deleteBucketReplication("my-bucket");
  equal(sent[0].method, "DELETE");
  deepEqual(queryOf(sent[0]), [["replication", ""]]);
  await rejects(
    client.deleteBucketReplication("my-bucket"),
    (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket",
  );
});

test("replication operations: bad input fails before any request", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.setBucketReplication("my-bucket", {} as ReplicationConfig),
    /ReplicationConfig/,
  );
  await rejects(client.setBucketReplication("x", richConfig()), InvalidArgumentError);
  await rejects(client.getBucketReplication("-bad-"), InvalidArgumentError);
  await rejects(client.deleteBucketReplication(""), InvalidArgumentError);
  equal(sent.length, 0);
});
