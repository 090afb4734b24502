// What the ./minio-js Client sends for the methods of config_client.ts:
// single listing pages, the lifecycle, replication and notification
// configurations in minio-js's object forms, S3 Select's options, the
// listen poller, setRequestOptions; and their refusals before the network.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  buildARN,
  NotificationConfig,
  ObjectCreatedAll,
  ObjectRemovedDelete,
  QueueConfig,
  TinyEmitter,
  TopicConfig,
} from "../../minio-js.ts";
import { InvalidArgumentError, S3Error } from "../../mod.ts";
import { tlsFetch, type TlsRuntimes } from "../../src/minio_js/request_options.ts";
import type { Sent } from "./fake_fetch.ts";
import { fakeJsClient } from "./fake_js_client.ts";
import { concat, END, event, records, statsXml } from "./event_stream_frames.ts";

const dec = new TextDecoder();

const query = (s: Sent) => [...s.url.searchParams].sort((a, b) => a[0] < b[0] ? -1 : 1);

test("minio-js listObjectsQuery: one V1 page from a marker, MaxKeys capped at 1000, nextMarker", async () => {
  const page = `<ListBucketResult><Name>b</Name><EncodingType>url</EncodingType>
<IsTruncated>true</IsTruncated><NextMarker>logs%2Fb.txt</NextMarker>
<Contents><Key>logs%2Fa.txt</Key><Size>3</Size><ETag>"e1"</ETag><LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents>
<CommonPrefixes><Prefix>logs%2Fsub%2F</Prefix></CommonPrefixes></ListBucketResult>`;
  const { client, sent } = fakeJsClient([{ body: page }]);
  const r = await client.listObjectsQuery("bkt", "logs/", "logs/0 start", {
    Delimiter: "/",
    MaxKeys: 5000,
  });
  deepEqual(query(sent[0]), [
    ["delimiter", "/"],
    ["encoding-type", "url"],
    ["marker", "logs/0 start"],
    ["max-keys", "1000"],
    ["prefix", "logs/"],
  ]);
  deepEqual(r, {
    objects: [
      {
        name: "logs/a.txt",
        lastModified: new Date("2026-01-02T03:04:05.000Z"),
        etag: "e1",
        size: 3,
      },
      { prefix: "logs/sub/", size: 0 },
    ],
    isTruncated: true,
    nextMarker: "logs/b.txt",
  });
});

test("minio-js listObjectsQuery with IncludeVersion: ?versions with key and version-id markers", async () => {
  const page = `<ListVersionsResult><IsTruncated>true</IsTruncated>
<NextKeyMarker>b.txt</NextKeyMarker><NextVersionIdMarker>v9</NextVersionIdMarker>
<Version><Key>a.txt</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest><Size>1</Size><ETag>"e"</ETag><LastModified>2026-01-02T03:04:05.000Z</LastModified></Version>
<DeleteMarker><Key>b.txt</Key><VersionId>v1</VersionId><IsLatest>false</IsLatest><LastModified>2026-01-02T03:04:05.000Z</LastModified></DeleteMarker>
</ListVersionsResult>`;
  const { client, sent } = fakeJsClient([{ body: page }]);
  const r = await client.listObjectsQuery("bkt", "", "", {
    Delimiter: "",
    MaxKeys: 2,
    IncludeVersion: true,
    keyMarker: "a",
    versionIdMarker: "v0",
  });
  deepEqual(query(sent[0]), [
    ["encoding-type", "url"],
    ["key-marker", "a"],
    ["max-keys", "2"],
    ["prefix", ""],
    ["version-id-marker", "v0"],
    ["versions", ""],
  ]);
  deepEqual(r.objects.map((o) => [o.name, o.versionId, o.isLatest, o.isDeleteMarker]), [
    ["a.txt", "v2", true, false],
    ["b.txt", "v1", false, true],
  ]);
  deepEqual([r.isTruncated, r.keyMarker, r.versionIdMarker, r.nextMarker], [
    true,
    "b.txt",
    "v9",
    undefined,
  ]);
});

test("minio-js listObjectsV2Query: list-type=2 with token, start-after and delimiter; '' on the last page", async () => {
  const last = `<ListBucketResult><IsTruncated>false</IsTruncated>
<Contents><Key>k</Key><Size>0</Size><ETag>"e"</ETag><LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents></ListBucketResult>`;
  const { client, sent } = fakeJsClient([{ body: last }]);
  const r = await client.listObjectsV2Query("bkt", "p/", "tok+/=", "/", 10, "p/a");
  deepEqual(query(sent[0]), [
    ["continuation-token", "tok+/="],
    ["delimiter", "/"],
    ["encoding-type", "url"],
    ["list-type", "2"],
    ["max-keys", "10"],
    ["prefix", "p/"],
    ["start-after", "p/a"],
  ]);
  deepEqual(r.isTruncated, false);
  equal(r.nextContinuationToken, "");
  equal(r.objects.length, 1);
});

test("minio-js list queries: bad input refused before the network", async () => {
  const { client, sent } = fakeJsClient();
  await rejects(
    client.listObjectsQuery("bkt", "", "", { Delimiter: "", MaxKeys: 1, keyMarker: "a" }),
    /keyMarker and versionIdMarker go with IncludeVersion/,
  );
  await rejects(client.listObjectsQuery("bkt", "", "", { Delimter: "/" } as never), /Delimter/);
  await rejects(client.listObjectsV2Query("bkt", "", "", "", -1, ""), /maxKeys/);
  await rejects(client.listObjectsV2Query("bkt", "", 5 as never), /continuationToken/);
  equal(sent.length, 0);
});

const LIFECYCLE = {
  Rule: [{
    ID: "Transition and Expiration Rule",
    Status: "Enabled",
    Filter: { Prefix: "" },
    Expiration: { Days: "3650" },
  }],
};

test("minio-js setBucketLifecycle / getBucketLifecycle: minio-js's object to and from the XML", async () => {
  const { client, sent } = fakeJsClient([{}, {}, { body: "" }, {
    status: 404,
    body: "<Error><Code>NoSuchLifecycleConfiguration</Code><Message>none</Message></Error>",
  }]);
  await client.setBucketLifecycle("bkt", LIFECYCLE);
  equal(sent[0].method, "PUT");
  equal(sent[0].url.search, "?lifecycle=");
  equal(
    dec.decode(sent[0].body),
    '<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule>' +
      "<ID>Transition and Expiration Rule</ID><Status>Enabled</Status><Filter><Prefix></Prefix>" +
      "</Filter><Expiration><Days>3650</Days></Expiration></Rule></LifecycleConfiguration>",
  );
  await client.setBucketLifecycle("bkt", null);
  equal(sent[1].method, "DELETE");
  equal(sent[1].url.search, "?lifecycle=");
  await client.setBucketLifecycle("bkt", "");
  equal(sent[2].method, "DELETE");
  equal(await client.getBucketLifecycle("bkt"), null);
});

test("minio-js getBucketLifecycle: the rules as minio-js's parser gives them", async () => {
  const xml = "<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status>" +
    "<Filter><And><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>" +
    "<Tag><Key>k2</Key><Value>v2</Value></Tag></And></Filter>" +
    "<NoncurrentVersionExpiration><NoncurrentDays>5</NoncurrentDays></NoncurrentVersionExpiration>" +
    "</Rule></LifecycleConfiguration>";
  const { client } = fakeJsClient([{ body: xml }]);
  deepEqual(await client.getBucketLifecycle("bkt"), {
    Rule: [{
      ID: "a",
      Status: "Enabled",
      Filter: {
        And: {
          Prefix: "logs/",
          Tag: [{ Key: "k", Value: "v" }, { Key: "k2", Value: "v2" }],
        },
      },
      NoncurrentVersionExpiration: { NoncurrentDays: 5 },
    }],
  });
});

test("minio-js setBucketLifecycle: an element the classes do not read, or a bad value, is refused before the network", async () => {
  const { client, sent } = fakeJsClient();
  const misspelt = { Rule: [{ ...LIFECYCLE.Rule[0], Filter: { Prefx: "tmp/" } }] };
  await rejects(
    client.setBucketLifecycle("bkt", misspelt),
    /lifecycleConfig\.Rule\[0\]\.Filter\.Prefx is not an element/,
  );
  await rejects(
    client.setBucketLifecycle("bkt", {
      Rule: [{ ID: "x", Status: "On", Expiration: { Days: 1 } }],
    }),
    InvalidArgumentError,
  );
  await rejects(
    client.setBucketLifecycle("bkt", { Rules: [] } as never),
    /unsupported option 'Rules'/,
  );
  await rejects(client.setBucketLifecycle("bkt", 5 as never), /must be an object/);
  equal(sent.length, 0);
});

const REPLICATION = {
  role: "arn:minio:replication::b22d653b:dest-bucket",
  rules: [{
    ID: "cisea130mbms6splbmg0",
    Status: "Enabled",
    Priority: 1,
    DeleteMarkerReplication: { Status: "Enabled" },
    DeleteReplication: { Status: "Enabled" },
    Destination: { Bucket: "arn:aws:s3:::dest-bucket", StorageClass: "REDUCED_REDUNDANCY" },
    SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } },
    Filter: {
      And: {
        Prefix: "/",
        Tag: [{ Key: "key1", Value: "value1" }, { Key: "key2", Value: "value2" }],
      },
    },
    ExistingObjectReplication: { Status: "Enabled" },
  }],
};

test("minio-js setBucketReplication / getBucketReplication: minio-js's docs example to XML and back", async () => {
  const { client, sent } = fakeJsClient([{}]);
  await client.setBucketReplication("bkt", REPLICATION);
  equal(sent[0].method, "PUT");
  equal(sent[0].url.search, "?replication=");
  const body = dec.decode(sent[0].body);
  match(
    body,
    /^<ReplicationConfiguration[^>]*><Role>arn:minio:replication::b22d653b:dest-bucket<\/Role><Rule>/,
  );
  match(
    body,
    /<Filter><And><Prefix>\/<\/Prefix><Tag><Key>key1<\/Key><Value>value1<\/Value><\/Tag>/,
  );
  match(
    body,
    /<Destination><Bucket>arn:aws:s3:::dest-bucket<\/Bucket><StorageClass>REDUCED_REDUNDANCY/,
  );
  const back = fakeJsClient([{ body }]);
  const got = await back.client.getBucketReplication("bkt");
  equal(got?.ReplicationConfiguration.role, REPLICATION.role);
  deepEqual(
    got?.ReplicationConfiguration.rules,
    [{ ...REPLICATION.rules[0] }].map((r) => ({
      ID: r.ID,
      Priority: 1,
      Filter: r.Filter,
      Status: "Enabled",
      SourceSelectionCriteria: r.SourceSelectionCriteria,
      ExistingObjectReplication: r.ExistingObjectReplication,
      Destination: r.Destination,
      DeleteMarkerReplication: r.DeleteMarkerReplication,
      DeleteReplication: r.DeleteReplication,
    })),
  );
});

test("minio-js setBucketReplication: refusals before the network", async () => {
  const { client, sent } = fakeJsClient();
  await rejects(client.setBucketReplication("bkt", { role: "", rules: [] }), /at least one rule/);
  await rejects(
    client.setBucketReplication("bkt", {
      role: "",
      rules: [{ ...REPLICATION.rules[0], Prioirty: 2 }],
    }),
    /replicationConfig\.Rule\[0\]\.Prioirty is not an element/,
  );
  await rejects(
    client.setBucketReplication("bkt", { ...REPLICATION, Role: "x" } as never),
    /unknown option 'Role'/,
  );
  equal(sent.length, 0);
});

test("minio-js setBucketNotification / getBucketNotification: NotificationConfig.add() to XML; the answer's shape", async () => {
  const arn = buildARN("minio", "sqs", "", "1", "webhook");
  equal(arn, "arn:minio:sqs::1:webhook");
  const queue = new QueueConfig(arn);
  queue.setId("photos");
  queue.addFilterPrefix("photos/");
  queue.addFilterSuffix(".jpg");
  queue.addEvent(ObjectCreatedAll);
  queue.addEvent(ObjectRemovedDelete);
  const topic = new TopicConfig("arn:aws:sns:us-east-1:1:t");
  topic.addEvent(ObjectCreatedAll);
  const config = new NotificationConfig();
  config.add(queue);
  config.add(topic);
  const { client, sent } = fakeJsClient([{}]);
  await client.setBucketNotification("bkt", config);
  equal(sent[0].method, "PUT");
  equal(sent[0].url.search, "?notification=");
  const body = dec.decode(sent[0].body);
  match(
    body,
    /<QueueConfiguration><Queue>arn:minio:sqs::1:webhook<\/Queue><Event>s3:ObjectCreated:\*<\/Event><Event>s3:ObjectRemoved:Delete<\/Event><Id>photos<\/Id><Filter><S3Key><FilterRule><Name>prefix<\/Name><Value>photos\/<\/Value><\/FilterRule><FilterRule><Name>suffix<\/Name><Value>\.jpg<\/Value>/,
  );
  match(body, /<TopicConfiguration><Topic>arn:aws:sns:us-east-1:1:t<\/Topic>/);
  const back = fakeJsClient([{ body }]);
  deepEqual(await back.client.getBucketNotification("bkt"), {
    TopicConfiguration: [{
      Id: undefined,
      Event: ["s3:ObjectCreated:*"],
      Filter: [],
      Topic: "arn:aws:sns:us-east-1:1:t",
    }],
    QueueConfiguration: [{
      Id: "photos",
      Event: ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"],
      Filter: [{ Name: "prefix", Value: "photos/" }, { Name: "suffix", Value: ".jpg" }],
      Queue: arn,
    }],
    CloudFunctionConfiguration: [],
  });
});

test("minio-js notifications: what this SDK cannot write is refused before the network", async () => {
  const { client, sent } = fakeJsClient();
  throws(() => new NotificationConfig().add({} as never), /add\(\) takes a TopicConfig/);
  const twice = new QueueConfig("arn:minio:sqs::1:webhook");
  twice.addEvent(ObjectCreatedAll);
  twice.addFilterPrefix("a/");
  twice.addFilterPrefix("b/");
  const config = new NotificationConfig();
  config.add(twice);
  await rejects(client.setBucketNotification("bkt", config), /one prefix filter/);
  await rejects(client.setBucketNotification("bkt", {} as never), /must be a NotificationConfig/);
  equal(sent.length, 0);
});

test("minio-js selectObjectContent: selectOpts become the SelectRequest; records, stats and progress", async () => {
  const answer = concat(
    records("Jane,3\n"),
    event("Progress", statsXml(10, 10, 7)),
    records("Jim,4\n"),
    event("Stats", statsXml(20, 20, 13)),
    END,
  );
  const { client, sent } = fakeJsClient([() => new Response(answer.slice().buffer)]);
  const res = await client.selectObjectContent("bkt", "people.csv", {
    expression: "SELECT * FROM s3object s where s.\"Name\" = 'Jane'",
    expressionType: "SQL",
    inputSerialization: {
      CSV: { FileHeaderInfo: "Use", RecordDelimiter: "\n", FieldDelimiter: "," },
      CompressionType: "NONE",
    },
    outputSerialization: { CSV: { RecordDelimiter: "\n", FieldDelimiter: "," } },
    requestProgress: { Enabled: true },
    scanRange: { Start: 0, End: 100 },
  });
  equal(sent[0].method, "POST");
  equal(sent[0].url.search, "?select=&select-type=2");
  const body = dec.decode(sent[0].body);
  match(
    body,
    /<Expression>SELECT \* FROM s3object s where s\.&quot;Name&quot; = &apos;Jane&apos;<\/Expression><ExpressionType>SQL/,
  );
  match(
    body,
    /<InputSerialization><CompressionType>NONE<\/CompressionType><CSV><FieldDelimiter>,<\/FieldDelimiter><FileHeaderInfo>USE<\/FileHeaderInfo>/,
  );
  match(
    body,
    /<RequestProgress><Enabled>true<\/Enabled><\/RequestProgress><ScanRange><Start>0<\/Start><End>100<\/End>/,
  );
  const chunks: Uint8Array[] = [];
  for await (const c of res.getRecords() as AsyncIterable<Uint8Array>) chunks.push(c);
  equal(dec.decode(concat(...chunks)), "Jane,3\nJim,4\n");
  equal(
    res.getStats(),
    "<Stats><BytesScanned>20</BytesScanned><BytesProcessed>20</BytesProcessed><BytesReturned>13</BytesReturned></Stats>",
  );
  match(res.getProgress()!, /^<Progress><BytesScanned>10<\/BytesScanned>/);
  ok(res.getResponse() instanceof Headers);
});

test("minio-js selectObjectContent: unknown or uncarried options refused before the network", async () => {
  const { client, sent } = fakeJsClient();
  const base = {
    expression: "SELECT * FROM S3Object",
    inputSerialization: { CSV: {} },
    outputSerialization: { JSON: {} },
  };
  await rejects(
    client.selectObjectContent("bkt", "k", {
      ...base,
      inputSerialization: { CSV: { Delimiter: "," } },
    }),
    /inputSerialization\.CSV: unsupported option 'Delimiter'/,
  );
  await rejects(
    client.selectObjectContent("bkt", "k", { ...base, inputSerialization: { CSV: {}, JSON: {} } }),
    /exactly one of CSV, JSON, Parquet/,
  );
  await rejects(
    client.selectObjectContent("bkt", "k", { ...base, expressionType: "PartiQL" }),
    /"SQL"/,
  );
  await rejects(client.selectObjectContent("bkt", "k", { ...base, sql: "x" } as never), /'sql'/);
  equal(sent.length, 0);
});

/** A listen answer: these lines, then the end of the body. */
const lines = (...records: unknown[]) => () =>
  new Response(records.map((r) => JSON.stringify(r) + "\n").join(""));

test("minio-js listenBucketNotification: one notification per record, reconnects when the server closes, stop() ends it", async () => {
  const rec = (key: string) => ({
    eventName: "s3:ObjectCreated:Put",
    s3: { object: { key } },
  });
  const { client, sent } = fakeJsClient([
    lines({ Records: [rec("a.jpg")] }, { Records: null }),
    lines({ Records: [rec("b.jpg"), rec("c.jpg")] }),
  ]);
  const listener = client.listenBucketNotification("bkt", "photos/", ".jpg", [ObjectCreatedAll]);
  const keys: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    listener.on("error", reject);
    listener.on("notification", (r: { s3: { object: { key: string } } }) => {
      keys.push(r.s3.object.key);
      if (keys.length === 3) {
        listener.stop();
        resolve();
      }
    });
  });
  await done;
  deepEqual(keys, ["a.jpg", "b.jpg", "c.jpg"]);
  equal(sent.length, 2);
  const q = Object.fromEntries(sent[0].url.searchParams);
  deepEqual([q.prefix, q.suffix, q.events], ["photos/", ".jpg", "s3:ObjectCreated:*"]);
});

test("minio-js listenBucketNotification: a refused request is an 'error' event and ends the poller", async () => {
  const { client, sent } = fakeJsClient([{
    status: 403,
    body: "<Error><Code>AccessDenied</Code><Message>no</Message></Error>",
  }]);
  const listener = client.listenBucketNotification("bkt", "", "", [ObjectCreatedAll]);
  const e = await new Promise((resolve) => listener.on("error", resolve));
  ok(e instanceof S3Error && e.code === "AccessDenied");
  equal(sent.length, 1);
  throws(() => client.listenBucketNotification("bkt", "", "", []), /non-empty array/);
  throws(
    () => (client.listenBucketNotification as (...a: unknown[]) => unknown)("bkt", "", ""),
    /listenBucketNotification: events/,
  );
});

test("minio-js TinyEmitter: on, once, off, listenerCount; an 'error' without a listener is thrown", () => {
  const e = new TinyEmitter();
  const seen: unknown[] = [];
  const f = (x: unknown) => seen.push(["on", x]);
  e.on("x", f).once("x", (x: unknown) => seen.push(["once", x]));
  equal(e.listenerCount("x"), 2);
  equal(e.emit("x", 1), true);
  equal(e.emit("x", 2), true);
  e.off("x", f);
  equal(e.emit("x", 3), false);
  deepEqual(seen, [["on", 1], ["once", 1], ["on", 2]]);
  const boom = new Error("boom");
  throws(() => e.emit("error", boom), /boom/);
  let caught: unknown;
  e.on("error", (x: unknown) => caught = x);
  e.emit("error", boom);
  equal(caught, boom);
});

test("minio-js setRequestOptions: ca, cert and key go to Deno's HTTP client and Bun's tls option", async () => {
  const inits: Record<string, unknown>[] = [];
  const fetch = ((_: unknown, init: Record<string, unknown>) => {
    inits.push(init);
    return Promise.resolve(new Response("ok"));
  }) as unknown as typeof globalThis.fetch;
  const made: unknown[] = [];
  let closed = 0;
  const deno: TlsRuntimes = {
    fetch,
    Deno: {
      createHttpClient(o) {
        made.push(o);
        return { close: () => closed++ };
      },
    },
  };
  const bytes = new TextEncoder().encode("CA-2");
  const d = tlsFetch({ ca: ["CA-1", bytes], cert: "CERT", key: "KEY" }, deno)!;
  await d.fetch("https://s3.example.test/", { method: "GET" });
  deepEqual(made, [{ caCerts: ["CA-1", "CA-2"], cert: "CERT", key: "KEY" }]);
  ok(inits[0].client);
  d.close();
  equal(closed, 1);
  const b = tlsFetch({ ca: "CA", rejectUnauthorized: true }, { fetch, Bun: {} })!;
  await b.fetch("https://s3.example.test/");
  deepEqual(inits[1].tls, { ca: ["CA"], cert: undefined, key: undefined });
  equal(tlsFetch({}, { fetch, Bun: {} }), undefined);
});

test("minio-js setRequestOptions: on Node, ca, cert and key go to a kept-alive node:https Agent", async () => {
  const agents: Record<string, unknown>[] = [];
  let destroyed = 0;
  const https = {
    Agent: class {
      constructor(options: Record<string, unknown>) {
        agents.push(options);
      }
      destroy() {
        destroyed++;
      }
    },
  };
  const plain: string[] = [];
  const node: TlsRuntimes = {
    fetch: ((input: string) => {
      plain.push(input);
      return Promise.resolve(new Response("plain"));
    }) as typeof fetch,
    process: { getBuiltinModule: (id) => id === "node:https" ? https : undefined },
  };
  const t = tlsFetch({ ca: new TextEncoder().encode("CA"), cert: "CERT", key: "KEY" }, node)!;
  // The transport's file is loaded by the first request, which makes the Agent.
  equal(agents.length, 0);
  // An http endpoint is sent by the runtime's fetch: TLS settings have nothing to act on.
  equal(await (await t.fetch("http://127.0.0.1:9000/")).text(), "plain");
  deepEqual(plain, ["http://127.0.0.1:9000/"]);
  deepEqual(agents, [{ keepAlive: true, timeout: 4000, ca: ["CA"], cert: "CERT", key: "KEY" }]);
  t.close();
  await Promise.resolve();
  equal(destroyed, 1);
  throws(() => tlsFetch({ rejectUnauthorized: false, ca: "CA" }, node), /can only be true/);
});

test("minio-js setRequestOptions: every key fetch cannot honour is refused by name, with why", () => {
  // A browser, or workerd (whose node:https goes through its own fetch).
  const browser: TlsRuntimes = { fetch: globalThis.fetch, navigator: { userAgent: "Mozilla/5.0" } };
  throws(
    () => tlsFetch({ ca: "CA" }, browser),
    /ca need a fetch that takes TLS settings, which Mozilla\/5\.0 has not/,
  );
  const workerd: TlsRuntimes = {
    fetch: globalThis.fetch,
    navigator: { userAgent: "Cloudflare-Workers" },
    process: { getBuiltinModule: () => ({}) },
  };
  throws(() => tlsFetch({ cert: "C", key: "K" }, workerd), /which Cloudflare-Workers has not/);
  const deno: TlsRuntimes = {
    fetch: globalThis.fetch,
    Deno: { createHttpClient: () => ({ close() {} }) },
  };
  throws(() => tlsFetch({ agent: {} }, deno), /'agent' is not supported: an http\.Agent/);
  throws(() => tlsFetch({ ciphers: "x" }, deno), /'ciphers' is not supported/);
  throws(
    () => tlsFetch({ rejectUnauthorized: false }, deno),
    /'rejectUnauthorized' can only be true/,
  );
  throws(() => tlsFetch({ cert: "C" }, deno), /'cert' and 'key' go together/);
  throws(() => tlsFetch({ proxy: "x" }, deno), /unknown option 'proxy'/);
  const { client } = fakeJsClient();
  throws(() => client.setRequestOptions({ ca: "CA" }), /made with a fetch of its own/);
  throws(
    () => client.setRequestOptions("x" as never),
    /setRequestOptions: options must be an object/,
  );
});

test("minio-js calculatePartSize, getBucketRegionAsync; setS3TransferAccelerate and setCredentialsProvider refused", async () => {
  const { client, sent } = fakeJsClient();
  equal(client.calculatePartSize(1024), 16 * 1024 * 1024);
  throws(() => client.calculatePartSize(-1), /size must be a non-negative integer/);
  equal(
    fakeJsClient([], { partSize: 6 * 1024 * 1024 }).client.calculatePartSize(1),
    6 * 1024 * 1024,
  );
  equal(await client.getBucketRegionAsync("bkt"), "us-east-1"); // the client's region
  throws(() => client.setS3TransferAccelerate("s3-accelerate.amazonaws.com"), /not supported/);
  await rejects(
    client.setCredentialsProvider({ getCredentials: () => Promise.resolve({}) }),
    /give credentialsProvider to the constructor/,
  );
  equal(sent.length, 0);
});
