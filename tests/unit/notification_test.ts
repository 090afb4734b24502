// NotificationConfig and its target classes, and the notification requests.
import { createHash } from "node:crypto";
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  CloudFunctionConfig,
  FilterRule,
  InvalidArgumentError,
  NotificationConfig,
  PrefixFilterRule,
  QueueConfig,
  SuffixFilterRule,
  TopicConfig,
} from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const dec = new TextDecoder();
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("base64");
const ARN = "arn:minio:sqs::PRIMARY:webhook";

// What MinIO answered in the integration tests.
const MINIO_CONFIG =
  `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><QueueConfiguration><Id>one</Id><Filter><S3Key><FilterRule><Name>prefix</Name><Value>in/</Value></FilterRule><FilterRule><Name>suffix</Name><Value>.txt</Value></FilterRule></S3Key></Filter><Event>s3:ObjectCreated:*</Event><Event>s3:ObjectRemoved:Delete</Event><Queue>arn:minio:sqs::PRIMARY:webhook</Queue></QueueConfiguration></NotificationConfiguration>`;
const MINIO_EMPTY =
  `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></NotificationConfiguration>`;

function full(): NotificationConfig {
  return new NotificationConfig({
    cloudFuncConfigList: [
      new CloudFunctionConfig("arn:aws:lambda:us-east-1:1:function:f", ["s3:ObjectCreated:Put"]),
    ],
    queueConfigList: [
      new QueueConfig(ARN, ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"], {
        configId: "q<1>",
        prefixFilterRule: new PrefixFilterRule("in/"),
        suffixFilterRule: new SuffixFilterRule(".jpg"),
      }),
      new QueueConfig(ARN, ["s3:ObjectAccessed:Get"], {
        suffixFilterRule: new SuffixFilterRule(".png"),
      }),
    ],
    topicConfigList: [
      new TopicConfig("arn:aws:sns:us-east-1:1:t", ["s3:ObjectRemoved:Delete"], { configId: "t" }),
    ],
  });
}

test("NotificationConfig: round trip of every target kind, filters and ids", () => {
  const c = full();
  const back = NotificationConfig.fromXml(c.toXml());
  deepEqual(back, c);
  equal(back.queueConfigList[0].prefixFilterRule instanceof PrefixFilterRule, true);
  equal(back.queueConfigList[1].prefixFilterRule, undefined);
  equal(back.isEmpty, false);
  equal(
    new QueueConfig(ARN, ["s3:ObjectCreated:*"], { prefixFilterRule: new PrefixFilterRule("a/") })
      .toXml(),
    "<QueueConfiguration><Queue>arn:minio:sqs::PRIMARY:webhook</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>a/</Value></FilterRule></S3Key></Filter></QueueConfiguration>",
  );
});

test("NotificationConfig: MinIO's answers parse", () => {
  const c = NotificationConfig.fromXml(MINIO_CONFIG);
  equal(c.queueConfigList.length, 1);
  const q = c.queueConfigList[0];
  equal(q.queue, ARN);
  equal(q.arn, ARN);
  equal(q.configId, "one");
  deepEqual(q.events, ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"]);
  equal(q.prefixFilterRule?.value, "in/");
  equal(q.suffixFilterRule?.value, ".txt");
  const empty = NotificationConfig.fromXml(MINIO_EMPTY);
  equal(empty.isEmpty, true);
  deepEqual(empty, new NotificationConfig());
});

test("FilterRule: name checked, case-insensitive when read", () => {
  const r = FilterRule.fromXml("<FilterRule><Name>Suffix</Name><Value>.gz</Value></FilterRule>");
  ok(r instanceof SuffixFilterRule);
  equal(r.value, ".gz");
  throws(() => new FilterRule("middle" as "prefix", "x"), InvalidArgumentError);
  throws(() => new PrefixFilterRule("x".repeat(1025)), /at most 1024/);
});

test("notification classes: bad values are refused", () => {
  throws(() => new QueueConfig("", ["s3:ObjectCreated:*"]), /ARN/);
  throws(() => new QueueConfig(ARN, []), /non-empty array/);
  throws(() => new TopicConfig("arn:t", [""]), /non-empty array/);
  throws(
    () => new CloudFunctionConfig("arn:f", "s3:ObjectCreated:*" as unknown as string[]),
    /array/,
  );
  throws(
    () =>
      new QueueConfig(ARN, ["s3:ObjectCreated:*"], { prefixFilterRule: new SuffixFilterRule("x") }),
    /PrefixFilterRule/,
  );
  throws(
    () =>
      new QueueConfig(ARN, ["s3:ObjectCreated:*"], { suffixFilterRule: new PrefixFilterRule("x") }),
    /SuffixFilterRule/,
  );
  throws(
    () =>
      new NotificationConfig({
        queueConfigList: [new TopicConfig("arn:t", ["e"])] as unknown as QueueConfig[],
      }),
    /queueConfigList must be an array of QueueConfig/,
  );
});

test("setBucketNotification: PUT ?notification with the document and its Content-MD5", async () => {
  const { client, sent } = fakeClient();
  await client.setBucketNotification("my-bucket", full());
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/my-bucket");
  deepEqual(queryOf(s), [["notification", ""]]);
  equal(dec.decode(s.body), full().toXml());
  equal(s.headers.get("content-md5"), md5(s.body));
  await rejects(
    client.setBucketNotification("my-bucket", {} as NotificationConfig),
    InvalidArgumentError,
  );
  equal(sent.length, 1);
});

test("getBucketNotification: GET ?notification; an empty answer is an empty config", async () => {
  const { client, sent } = fakeClient([{ body: MINIO_CONFIG }, { body: MINIO_EMPTY }]);
  equal((await client.getBucketNotification("my-bucket")).queueConfigList[0].configId, "one");
  equal((await client.getBucketNotification("my-bucket")).isEmpty, true);
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["notification", ""]]);
});

test("deleteBucketNotification: PUT ?notification with an empty configuration", async () => {
  const { client, sent } = fakeClient();
  await client.deleteBucketNotification("my-bucket");
  equal(sent[0].method, "PUT");
  deepEqual(queryOf(sent[0]), [["notification", ""]]);
  equal(
    dec.decode(sent[0].body),
    '<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></NotificationConfiguration>',
  );
  equal(sent[0].headers.get("content-md5"), md5(sent[0].body));
});
