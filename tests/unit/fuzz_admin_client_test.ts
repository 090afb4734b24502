// Properties of the admin client on hostile 200 answers: the JSON answers of
// the read operations, mutated, cut short or of another shape, are read or
// fail with a typed error, promptly.
import fc from "fast-check";
import { test } from "../harness.ts";
import { MinioAdmin, MinioAdminException } from "../../admin.ts";
import { InvalidArgumentError, InvalidResponseError, S3Error, ServerError } from "../../mod.ts";
import { AdminPayloadError } from "../../src/admin/crypto/errors.ts";
import { encryptData } from "../../src/admin/crypto/payload.ts";
import { runs, settlesTyped } from "./fuzz_support.ts";

const SECRET = "admin-fuzz-secret";
const ADMIN_ERRORS = [
  InvalidResponseError,
  InvalidArgumentError,
  S3Error,
  ServerError,
  MinioAdminException,
  AdminPayloadError,
];

function adminAnswering(body: () => Promise<Uint8Array>): MinioAdmin {
  const fetch = async () => new Response(await body() as BodyInit, { status: 200 });
  return new MinioAdmin({
    endPoint: "admin.example.test",
    port: 9000,
    useSSL: false,
    accessKey: "ADMINKEY",
    secretKey: SECRET,
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
}

/** Read operations with a valid answer of each. */
const OPS: [string, string, (a: MinioAdmin) => Promise<unknown>][] = [
  ["info", `{"mode":"online","servers":[{"state":"online","endpoint":"x"}]}`, (a) => a.info()],
  ["accountInfo", `{"AccountName":"u","Buckets":[{"name":"b"}]}`, (a) => a.accountInfo()],
  ["getDataUsageInfo", `{"objectsCount":1,"bucketsCount":1}`, (a) => a.getDataUsageInfo()],
  ["topLocks", `[{"resource":"b/k","type":"WRITE"}]`, (a) => a.topLocks()],
  ["groupList", `["g1","g2"]`, (a) => a.groupList()],
  ["groupInfo", `{"name":"g1","status":"enabled","members":["u"]}`, (a) => a.groupInfo("g1")],
  ["policyInfo", `{"Version":"2012-10-17","Statement":[]}`, (a) => a.policyInfo("p")],
  ["policyList", `{"p":{"Version":"2012-10-17","Statement":[]}}`, (a) => a.policyList()],
  ["bucketQuotaGet", `{"quota":1024,"quotatype":"hard"}`, (a) => a.bucketQuotaGet("b-1")],
  ["kmsKeyStatus", `{"key-id":"k","encryption-error":""}`, (a) => a.kmsKeyStatus({ key: "k" })],
  [
    "listRemoteTargets",
    `[{"sourcebucket":"b-1","endpoint":"h:9000","targetbucket":"t",` +
    `"type":"replication","credentials":{"accessKey":"a","secretKey":"s"}}]`,
    (a) => a.listRemoteTargets("b-1"),
  ],
  ["getSiteReplicationInfo", `{"enabled":false}`, (a) => a.getSiteReplicationInfo()],
];

/** Encrypted answers: the same JSON, sealed as the server seals it (PBKDF2, id 2). */
const ENCRYPTED: [string, string, (a: MinioAdmin) => Promise<unknown>][] = [
  ["userList", `{"u1":{"status":"enabled"}}`, (a) => a.userList()],
  [
    "getServiceAccount",
    `{"parentUser":"u","accountStatus":"on","policy":"{\\"Version\\":\\"1\\"}"}`,
    (
      a,
    ) => a.getServiceAccount("ak"),
  ],
  [
    "configHistory",
    `[{"restoreId":"r","createTime":"2026-01-01T00:00:00Z"}]`,
    (a) => a.configHistory(),
  ],
];

const place = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001);

/** A valid answer cut, spliced, or replaced by JSON of any shape. */
function hostileJson(valid: string): fc.Arbitrary<string> {
  const at = (f: number) => Math.floor(f * (valid.length + 1));
  return fc.oneof(
    place.map((f) => valid.slice(0, at(f))),
    fc.tuple(
      place,
      fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "null", "\\", "1e999", "\ud800"),
    )
      .map(([f, s]) => valid.slice(0, at(f)) + s + valid.slice(at(f))),
    fc.tuple(place, place).map(([f, g]) => valid.slice(0, at(f)) + valid.slice(at(g))),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom("null", "[]", "{}", '""', "0", "true", "[null]", '{"policy":"{"}'),
    fc.string({ maxLength: 30 }),
  );
}

test("fuzz admin client: a hostile JSON answer is read or fails typed, promptly", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: OPS.length - 1 }).chain((i) =>
        hostileJson(OPS[i][1]).map((json) => [i, json] as const)
      ),
      async ([i, json]) => {
        const admin = adminAnswering(() => Promise.resolve(new TextEncoder().encode(json)));
        await settlesTyped(() => OPS[i][2](admin), ADMIN_ERRORS);
      },
    ),
    runs(2001),
  );
});

test("fuzz admin client: a hostile encrypted JSON answer is read or fails typed", async () => {
  // 300 cases, not 2,000: each derives a PBKDF2 key twice (seal, open), some
  // 10 ms. The decryption has its 2,000 in fuzz_admin_payload_test, the
  // JSON reading its 2,000 above; these reach what the operations that
  // decrypt do with the JSON. FUZZ_RUNS raises them like the others.
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: ENCRYPTED.length - 1 }).chain((i) =>
        hostileJson(ENCRYPTED[i][1]).map((json) => [i, json] as const)
      ),
      async ([i, json]) => {
        const admin = adminAnswering(() =>
          encryptData(SECRET, new TextEncoder().encode(json), { algorithm: 2 })
        );
        await settlesTyped(() => ENCRYPTED[i][2](admin), ADMIN_ERRORS, 5000);
      },
    ),
    runs(2002, 300),
  );
});
