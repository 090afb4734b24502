// What the bucket remote-target calls send and how BucketTarget reads,
// writes and prints a target.
import { inspect } from "node:util";
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import { Credentials, InvalidArgumentError, InvalidResponseError } from "../../mod.ts";
import { BucketTarget } from "../../admin.ts";
import { checkRequest, decryptedJson, fakeAdmin } from "./fake_admin.ts";

const SECRET = "target-secret-key-1";
const ARN = "arn:minio:replication:us-east-1:0f7b3c1e-9c2a-4e55-8a8e-2b1d2c3e4f50:backup";

const target = (options = {}) =>
  new BucketTarget("http://minio-b.test:9000", "backup", {
    accessKey: "replicator",
    secretKey: SECRET,
  }, options);

// A target as the server lists it (madmin-go's JSON; durations in nanoseconds).
const LISTED = {
  sourcebucket: "photos",
  endpoint: "minio-b.test:9000",
  credentials: { accessKey: "replicator" },
  targetbucket: "backup",
  secure: true,
  path: "on",
  arn: ARN,
  type: "replication",
  region: "us-east-1",
  bandwidthlimit: 200000000,
  replicationSync: true,
  healthCheckDuration: 7_500_000_000,
  disableProxy: false,
  resetBeforeDate: "0001-01-01T00:00:00Z",
  totalDowntime: 2_000_000_000,
  lastOnline: "2026-01-02T03:04:05Z",
  isOnline: true,
  latency: { curr: 1_500_000, avg: 2_000_000, max: 9_000_000 },
  deploymentID: "dep-b",
  edge: false,
  edgeSyncBeforeExpiry: false,
  offlineCount: 3,
};

test("setRemoteTarget: PUT set-remote-target?bucket, target JSON encrypted, answers the ARN", async () => {
  const { admin, sent } = fakeAdmin([{ body: JSON.stringify(ARN) }]);
  const t = target({ region: "us-east-1", healthCheckDuration: 10_000, bandwidthLimit: 1e8 });
  equal(await admin.setRemoteTarget("photos", t), ARN);
  await checkRequest(sent[0], "PUT", "set-remote-target", [["bucket", "photos"]]);
  ok(!new TextDecoder().decode(sent[0].body).includes(SECRET), "the body is encrypted");
  deepEqual(await decryptedJson(sent[0]), {
    endpoint: "minio-b.test:9000",
    secure: false,
    targetbucket: "backup",
    credentials: { accessKey: "replicator", secretKey: SECRET },
    type: "replication",
    replicationSync: false,
    disableProxy: false,
    edge: false,
    edgeSyncBeforeExpiry: false,
    region: "us-east-1",
    bandwidthlimit: 100000000,
    healthCheckDuration: 10_000_000_000,
  });
});

test("updateRemoteTarget: update=true and one flag per setting; default: all it holds", async () => {
  const { admin, sent } = fakeAdmin([
    { body: JSON.stringify(ARN) },
    { body: JSON.stringify(ARN) },
    { body: JSON.stringify(ARN) },
  ]);
  const listed = BucketTarget.fromDict(LISTED);
  equal(await admin.updateRemoteTarget("photos", listed, ["healthCheck", "bandwidth"]), ARN);
  await checkRequest(sent[0], "PUT", "set-remote-target", [
    ["bucket", "photos"],
    ["update", "true"],
    ["healthcheck", "true"],
    ["bandwidth", "true"],
  ]);
  equal((await decryptedJson(sent[0]) as { arn: string }).arn, ARN);

  const flags = [
    "sync",
    "proxy",
    "bandwidth",
    "healthcheck",
    "path",
    "edge",
    "edgeSyncBeforeExpiry",
  ];
  await admin.updateRemoteTarget("photos", listed);
  await checkRequest(sent[1], "PUT", "set-remote-target", [
    ["bucket", "photos"],
    ["update", "true"],
    ...flags.map((f): [string, string] => [f, "true"]),
  ]);
  const withSecret = listed.with({ credentials: { accessKey: "replicator", secretKey: SECRET } });
  await admin.updateRemoteTarget("photos", withSecret);
  await checkRequest(sent[2], "PUT", "set-remote-target", [
    ["bucket", "photos"],
    ["update", "true"],
    ["creds", "true"],
    ...flags.map((f): [string, string] => [f, "true"]),
  ]);
  deepEqual((await decryptedJson(sent[2]) as { credentials: unknown }).credentials, {
    accessKey: "replicator",
    secretKey: SECRET,
  });
});

test("listRemoteTargets: GET list-remote-targets?bucket&type (both always sent), parsed", async () => {
  const { admin, sent } = fakeAdmin([
    { body: JSON.stringify([LISTED]) },
    { body: "null" },
    { body: "[]" },
  ]);
  const [t] = await admin.listRemoteTargets("photos", "replication");
  deepEqual(await admin.listRemoteTargets(), []);
  deepEqual(await admin.listRemoteTargets("photos"), []);
  await checkRequest(sent[0], "GET", "list-remote-targets", [
    ["bucket", "photos"],
    ["type", "replication"],
  ]);
  await checkRequest(sent[1], "GET", "list-remote-targets", [["bucket", ""], ["type", ""]]);
  await checkRequest(sent[2], "GET", "list-remote-targets", [["bucket", "photos"], ["type", ""]]);

  deepEqual(
    [t.endpoint, t.secure, t.targetBucket, t.arn, t.type, t.region, t.path],
    ["minio-b.test:9000", true, "backup", ARN, "replication", "us-east-1", "on"],
  );
  deepEqual(
    [t.bandwidthLimit, t.healthCheckDuration, t.replicationSync, t.disableProxy],
    [200000000, 7500, true, false],
  );
  deepEqual([t.credentials.accessKey, t.hasSecretKey], ["replicator", false]);
  deepEqual(t.state, {
    sourceBucket: "photos",
    deploymentId: "dep-b",
    online: true,
    lastOnline: new Date("2026-01-02T03:04:05Z"),
    totalDowntime: 2000,
    offlineCount: 3,
    latency: { current: 1.5, average: 2, max: 9 },
    resetBeforeDate: undefined,
    resetId: undefined,
  });
});

test("removeRemoteTarget: DELETE remove-remote-target?bucket&arn, 204", async () => {
  const { admin, sent } = fakeAdmin([{ status: 204 }]);
  equal(await admin.removeRemoteTarget("photos", ARN), undefined);
  await checkRequest(sent[0], "DELETE", "remove-remote-target", [["bucket", "photos"], [
    "arn",
    ARN,
  ]]);
});

test("remote targets: odd answers are InvalidResponseError", async () => {
  const { admin } = fakeAdmin([
    { body: "{}" },
    { body: '{"not":"a list"}' },
    { body: '[{"endpoint":"b:9000","targetbucket":"backup"}]' },
  ]);
  await rejects(admin.setRemoteTarget("photos", target()), InvalidResponseError);
  await rejects(admin.listRemoteTargets(), InvalidResponseError);
  await rejects(admin.listRemoteTargets(), InvalidResponseError);
});

test("remote targets: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  const listed = BucketTarget.fromDict(LISTED);
  await rejects(admin.setRemoteTarget("photos", {} as never), InvalidArgumentError);
  await rejects(admin.setRemoteTarget("a", target()), InvalidArgumentError);
  await rejects(admin.setRemoteTarget("photos", listed), /secret key/);
  await rejects(admin.updateRemoteTarget("photos", target()), /arn/);
  await rejects(admin.updateRemoteTarget("photos", listed, []), InvalidArgumentError);
  await rejects(
    admin.updateRemoteTarget("photos", listed, ["nope" as never]),
    InvalidArgumentError,
  );
  await rejects(admin.updateRemoteTarget("photos", listed, ["credentials"]), /secret key/);
  await rejects(admin.listRemoteTargets("photos", "ilm" as never), InvalidArgumentError);
  await rejects(admin.removeRemoteTarget("photos", ""), InvalidArgumentError);
  equal(sent.length, 0);
});

test("BucketTarget: endpoint as host:port or URL, TLS from the scheme or `secure`", () => {
  const creds = { accessKey: "k", secretKey: "s" };
  const of = (e: string, o = {}) => {
    const t = new BucketTarget(e, "backup", creds, o);
    return [t.endpoint, t.secure];
  };
  deepEqual(of("minio-b.test:9000"), ["minio-b.test:9000", true]);
  deepEqual(of("minio-b.test:9000", { secure: false }), ["minio-b.test:9000", false]);
  deepEqual(of("http://127.0.0.1:9001"), ["127.0.0.1:9001", false]);
  deepEqual(of("HTTPS://Minio-B.test"), ["minio-b.test", true]);
  deepEqual(of("[::1]:9000"), ["[::1]:9000", true]);
  deepEqual(of("b.test:80"), ["b.test:80", true], "not https's default port: kept");
  deepEqual(of("b.test:443"), ["b.test", true]);
  deepEqual(of("https://b.test:80"), ["b.test:80", true]);
  for (
    const bad of ["", "ftp://b:21", "http://b:9000/path", "http://u:p@b", "b:9000/x", "http://b?x"]
  ) {
    throws(() => new BucketTarget(bad, "backup", creds), InvalidArgumentError, bad);
  }
  throws(() => new BucketTarget("https://b", "backup", creds, { secure: false }), /contradicts/);
  throws(() => new BucketTarget("b", "x", creds), InvalidArgumentError);
  throws(() => new BucketTarget("b", "backup", { accessKey: "" }), InvalidArgumentError);
  throws(() => new BucketTarget("b", "backup", creds, { type: "ilm" as never }), /replication/);
  throws(
    () => new BucketTarget("b", "backup", creds, { path: "x" as never }),
    InvalidArgumentError,
  );
  throws(
    () => new BucketTarget("b", "backup", creds, { bandwidthLimit: -1 }),
    InvalidArgumentError,
  );
  throws(() => new BucketTarget("b", "backup", creds, { healthCheckDuration: 1.5 }), /integer/);
  throws(() => new BucketTarget("b", "backup", creds, { replicationSync: 1 as never }), /boolean/);
});

test("BucketTarget.with: changes some settings, keeps the ARN and the rest", () => {
  const listed = BucketTarget.fromDict(LISTED);
  const t = listed.with({ bandwidthLimit: 0, endpoint: "http://minio-c.test:9000" });
  deepEqual([t.endpoint, t.secure, t.bandwidthLimit, t.arn], ["minio-c.test:9000", false, 0, ARN]);
  deepEqual([t.healthCheckDuration, t.path, t.region, t.state], [
    7500,
    "on",
    "us-east-1",
    undefined,
  ]);
  equal(listed.with({ secure: false }).secure, false);
  equal(listed.with({}).secure, true);
});

test("BucketTarget: secret key and session token never printed or serialized", () => {
  const creds = new Credentials("replicator", SECRET, "session-token-xyz");
  const t = new BucketTarget("b.test", "backup", creds);
  const shown = [
    JSON.stringify(t),
    inspect(t),
    inspect({ nested: [t] }, { depth: 5 }),
    String(t),
    `${t}`,
  ];
  const g = globalThis as { Deno?: { inspect(v: unknown): string } };
  if (g.Deno) shown.push(g.Deno.inspect(t), g.Deno.inspect({ nested: [t] }));
  for (const s of shown) {
    ok(!s.includes(SECRET) && !s.includes("session-token-xyz"), `secret in: ${s}`);
  }
  deepEqual(JSON.parse(JSON.stringify(t)).credentials, {
    accessKey: "replicator",
    secretKey: "<redacted>",
    sessionToken: "<redacted>",
  });
  ok(inspect(t).includes("replicator"));
  deepEqual(t.toDict().credentials, {
    accessKey: "replicator",
    secretKey: SECRET,
    sessionToken: "session-token-xyz",
  });
});
