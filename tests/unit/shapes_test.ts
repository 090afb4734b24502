/**
 * Every public method of `Minio` and `MinioAdmin`, called with a wrong type
 * in each of its first parameter and its options, an unknown option key and
 * one argument too many: each call is an `InvalidArgumentError` naming the
 * method and the parameter, and no request leaves (the recording fetch
 * counts them). The tables list every method: a method added to a client
 * without a line here fails the first two tests.
 */
import { equal, match, ok, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, Minio } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { fakeClient } from "./fake_fetch.ts";
import { fakeAdmin } from "./fake_admin.ts";

/** Where the options object goes in a row's arguments. */
const OPT = Symbol("options");
type Row = readonly unknown[];

// Arguments whose shape is right for each method; OPT marks the options bag.
const S3: Record<string, Row> = {
  request: [OPT],
  makeBucket: ["b-1", OPT],
  listBuckets: [OPT],
  bucketExists: ["b-1", OPT],
  removeBucket: ["b-1", OPT],
  headBucket: ["b-1", OPT],
  putObject: ["b-1", "o", "x", 1, OPT],
  getObject: ["b-1", "o", OPT],
  statObject: ["b-1", "o", OPT],
  getPartialObject: ["b-1", "o", 0, 1, OPT],
  fPutObject: ["b-1", "o", "/nonexistent", OPT],
  fGetObject: ["b-1", "o", "/nonexistent", OPT],
  removeObject: ["b-1", "o", OPT],
  listIncompleteUploads: ["b-1", OPT],
  removeIncompleteUpload: ["b-1", "o", OPT],
  listObjects: ["b-1", OPT, undefined],
  removeObjects: ["b-1", ["o"], OPT],
  getObjectAttributes: ["b-1", "o", OPT],
  putObjectFanOut: ["b-1", "x", [], OPT],
  uploadSnowball: ["b-1", [], OPT],
  appendObject: ["b-1", "o", "x", OPT],
  promptObject: ["b-1", "o", "hi", OPT],
  getPresignedUrl: ["GET", "b-1", "o", OPT],
  presignedGetObject: ["b-1", "o", OPT],
  presignedPutObject: ["b-1", "o", OPT],
  presignedPostPolicy: [{}, OPT],
  createPresignedMultipartUpload: ["b-1", "o", 1, OPT],
  presignedUploadParts: ["b-1", "o", "u", 1, OPT],
  listUploadedParts: ["b-1", "o", "u", OPT],
  completeMultipartUpload: ["b-1", "o", "u", [], OPT],
  abortMultipartUpload: ["b-1", "o", "u", OPT],
  selectObjectContent: ["b-1", "o", {}, OPT],
  copyObject: ["b-1", "o", {}, OPT],
  composeObject: ["b-1", "o", [], OPT],
  getBucketLocation: ["b-1", OPT],
  setBucketVersioning: ["b-1", {}, OPT],
  getBucketVersioning: ["b-1", OPT],
  setBucketNotification: ["b-1", {}, OPT],
  getBucketNotification: ["b-1", OPT],
  deleteBucketNotification: ["b-1", OPT],
  listenBucketNotification: ["b-1", "", "", [], OPT],
  setObjectLockConfig: ["b-1", {}, OPT],
  getObjectLockConfig: ["b-1", OPT],
  deleteObjectLockConfig: ["b-1", OPT],
  setBucketEncryption: ["b-1", {}, OPT],
  getBucketEncryption: ["b-1", OPT],
  deleteBucketEncryption: ["b-1", OPT],
  setBucketTags: ["b-1", {}, OPT],
  getBucketTags: ["b-1", OPT],
  deleteBucketTags: ["b-1", OPT],
  setBucketPolicy: ["b-1", "{}", OPT],
  getBucketPolicy: ["b-1", OPT],
  deleteBucketPolicy: ["b-1", OPT],
  setObjectTags: ["b-1", "o", {}, OPT],
  getObjectTags: ["b-1", "o", OPT],
  deleteObjectTags: ["b-1", "o", OPT],
  setObjectRetention: ["b-1", "o", {}, OPT],
  getObjectRetention: ["b-1", "o", OPT],
  enableObjectLegalHold: ["b-1", "o", OPT],
  disableObjectLegalHold: ["b-1", "o", OPT],
  isObjectLegalHoldEnabled: ["b-1", "o", OPT],
  setBucketLifecycle: ["b-1", {}, OPT],
  getBucketLifecycle: ["b-1", OPT],
  deleteBucketLifecycle: ["b-1", OPT],
  setBucketReplication: ["b-1", {}, OPT],
  getBucketReplication: ["b-1", OPT],
  deleteBucketReplication: ["b-1", OPT],
  setBucketCors: ["b-1", {}, OPT],
  getBucketCors: ["b-1", OPT],
  deleteBucketCors: ["b-1", OPT],
  getObjectAcl: ["b-1", "o", OPT],
  setAppInfo: ["app", "1.0"],
  traceOn: [() => {}],
  traceOff: [],
};

const ADMIN: Record<string, Row> = {
  serviceRestart: [OPT],
  serviceStop: [OPT],
  update: [OPT],
  info: [OPT],
  accountInfo: [OPT],
  getDataUsageInfo: [OPT],
  topLocks: [OPT],
  profileStart: [OPT],
  userAdd: ["alice", "alice-secret", OPT],
  userDisable: ["alice", OPT],
  userEnable: ["alice", OPT],
  userRemove: ["alice", OPT],
  userInfo: ["alice", OPT],
  userList: [OPT],
  groupAdd: ["g", ["alice"], OPT],
  groupDisable: ["g", OPT],
  groupEnable: ["g", OPT],
  groupRemove: ["g", OPT],
  groupInfo: ["g", OPT],
  groupList: [OPT],
  policyAdd: ["p", "{}", OPT],
  policyRemove: ["p", OPT],
  policyInfo: ["p", OPT],
  policyList: [OPT],
  policySet: ["p", OPT],
  policyUnset: ["p", OPT],
  attachPolicy: [["p"], OPT],
  detachPolicy: [["p"], OPT],
  getPolicyEntities: [[], [], [], OPT, undefined],
  addServiceAccount: [OPT],
  updateServiceAccount: ["sa", OPT],
  deleteServiceAccount: ["sa", OPT],
  getServiceAccount: ["sa", OPT],
  listServiceAccount: ["alice", OPT],
  configGet: ["api", OPT],
  configSet: ["api", {}, OPT],
  configReset: ["api", OPT],
  configHistory: [OPT],
  configRestore: ["r", OPT],
  bucketQuotaSet: ["b-1", 1, OPT],
  bucketQuotaGet: ["b-1", OPT],
  bucketQuotaClear: ["b-1", OPT],
  kmsKeyCreate: ["k", OPT],
  kmsKeyStatus: [OPT],
  attachPolicyLdap: [["p"], OPT],
  detachPolicyLdap: [["p"], OPT],
  getPolicyEntitiesLdap: [[], [], [], OPT],
  listAccessKeysLdap: ["uid=a", "all", OPT],
  listAccessKeysLdapBulk: [[], "all", false, OPT],
  addSiteReplication: [[], OPT],
  editSiteReplication: [{}, OPT],
  removeSiteReplication: [OPT],
  getSiteReplicationInfo: [OPT],
  getSiteReplicationStatus: [{}, OPT],
  setRemoteTarget: ["b-1", {}, OPT],
  listRemoteTargets: ["b-1", "", OPT],
  updateRemoteTarget: ["b-1", {}, [], OPT],
  removeRemoteTarget: ["b-1", "arn", OPT],
  setAppInfo: ["app", "1.0"],
  traceOn: [() => {}],
  traceOff: [],
};

/** The public methods of a client class (its own prototype's functions). */
function methodsOf(cls: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(cls.prototype).filter((n) =>
    n !== "constructor" &&
    typeof Object.getOwnPropertyDescriptor(cls.prototype, n)?.value === "function"
  ).sort();
}

test("shapes: every Minio method has a line in the table", () => {
  const missing = methodsOf(Minio).filter((m) => !(m in S3));
  equal(missing.join(", "), "", "add these methods to S3 in tests/unit/shapes_test.ts");
  const stale = Object.keys(S3).filter((m) => !methodsOf(Minio).includes(m));
  equal(stale.join(", "), "", "no such Minio methods");
});

test("shapes: every MinioAdmin method has a line in the table", () => {
  const missing = methodsOf(MinioAdmin).filter((m) => !(m in ADMIN));
  equal(missing.join(", "), "", "add these methods to ADMIN in tests/unit/shapes_test.ts");
  const stale = Object.keys(ADMIN).filter((m) => !methodsOf(MinioAdmin).includes(m));
  equal(stale.join(", "), "", "no such MinioAdmin methods");
});

/** Calls a method with `args`; a refusal thrown or rejected comes back as the error. */
async function refusal(client: object, method: string, args: unknown[]): Promise<Error> {
  const fn = (client as Record<string, (...a: unknown[]) => unknown>)[method];
  try {
    const result = fn.apply(client, args);
    // A listing refuses on its first step: take one, or await a promise.
    const it = result as AsyncIterator<unknown> | undefined;
    if (it && typeof it.next === "function") await it.next();
    else await result;
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${method}(${args.map(show).join(", ")}) was not refused`);
}

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? "[...]" : String(v);
}

/** The bad calls of one row: [label, arguments, expected message]. */
function badCalls(method: string, row: Row): [string, unknown[], RegExp][] {
  const at = row.indexOf(OPT);
  const valid = row.map((v) => (v === OPT ? undefined : v));
  const withOpt = (value: unknown) => valid.map((v, i) => (i === at ? value : v));
  const calls: [string, unknown[], RegExp][] = [[
    "one argument too many",
    [...valid, "extra"],
    new RegExp(`^${method} takes at most ${row.length} arguments \\(.*\\); got ${row.length + 1}$`),
  ]];
  if (at >= 0) {
    calls.push(
      [
        "a boolean as options",
        withOpt(true),
        new RegExp(`^${method}: \\w+ must be .*an options object.*; got the boolean true$`),
      ],
      [
        "an unknown option near a known one",
        withOpt({ sigal: AbortSignal.timeout(1000) }),
        new RegExp(`^${method}: unknown option 'sigal' in \\w+; did you mean 'signal'\\?$`),
      ],
      [
        "a number for an option that takes an AbortSignal",
        withOpt({ signal: 5 }),
        new RegExp(`^${method}: \\w+\\.signal must be an object; got the number 5$`),
      ],
    );
  }
  if (at !== 0 && row.length > 0) {
    calls.push([
      "a symbol as the first argument",
      [Symbol("x"), ...valid.slice(1)],
      new RegExp(`^${method}: \\w+ must be .*; got (a|the) symbol`),
    ]);
  }
  return calls;
}

for (
  const [label, table, make] of [
    ["Minio", S3, () => {
      const { client, sent } = fakeClient();
      return { client: client as object, sent };
    }],
    ["MinioAdmin", ADMIN, () => {
      const { admin, sent } = fakeAdmin();
      return { client: admin as object, sent };
    }],
  ] as const
) {
  test(`shapes: every ${label} method refuses wrong types, unknown options and extra arguments before any request`, async () => {
    const { client, sent } = make();
    let calls = 0;
    for (const [method, row] of Object.entries(table)) {
      if (method === "request") continue; // its own test below
      for (const [what, args, expected] of badCalls(method, row)) {
        const e = await refusal(client, method, args);
        ok(e instanceof InvalidArgumentError, `${method}, ${what}: ${e}`);
        match(e.message, expected, `${method}, ${what}`);
        calls++;
      }
    }
    ok(calls >= Object.keys(table).length, `${calls} calls`);
    equal(sent.length, 0, "no request may leave");
  });
}

test("shapes: Minio#request checks its spec's keys", async () => {
  const { client, sent } = fakeClient();
  await rejects(
    client.request({ method: "GET", bucket: "b-1", qeury: [] } as never),
    /unknown option 'qeury' in spec; did you mean 'query'\?/,
  );
  await rejects(client.request("GET" as never), /spec must be an options object; got the string/);
  equal(sent.length, 0);
});

test("shapes: a secret given with the wrong type is not shown", async () => {
  const { admin, sent } = fakeAdmin();
  const e = await refusal(admin, "userAdd", ["alice", 123456789, undefined]);
  match(e.message, /^userAdd: secretKey must be a string; got a number$/);
  ok(!e.message.includes("123456789"));
  throws(
    () => new Minio({ endPoint: "s3.test", accessKey: "a", secretKey: 987654321 as never }),
    (e: Error) =>
      /secretKey must be a string; got a number$/.test(e.message) &&
      !e.message.includes("987654321"),
  );
  equal(sent.length, 0);
});
