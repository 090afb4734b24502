// What the admin service-account and configuration calls send, and how their answers decode.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../mod.ts";
import { checkRequest, decryptedJson, decryptedText, encrypted, fakeAdmin } from "./fake_admin.ts";

const DOC = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::b"] }],
};

test("addServiceAccount: PUT add-service-account, encrypted both ways", async () => {
  const answer = {
    credentials: {
      accessKey: "svc1",
      secretKey: "svc1-secret",
      expiration: "2030-01-01T00:00:00Z",
    },
  };
  const { admin, sent } = fakeAdmin([await encrypted(answer)]);
  const res = await admin.addServiceAccount({
    accessKey: "svc1",
    secretKey: "svc1-secret",
    name: "ci",
    description: "for CI",
    policy: DOC,
    expiration: new Date("2030-01-01T00:00:00Z"),
    targetUser: "alice",
  });
  deepEqual(res, answer);
  await checkRequest(sent[0], "PUT", "add-service-account");
  ok(!new TextDecoder().decode(sent[0].body).includes("svc1-secret"));
  deepEqual(await decryptedJson(sent[0]), {
    status: "enabled",
    accessKey: "svc1",
    secretKey: "svc1-secret",
    name: "ci",
    description: "for CI",
    policy: DOC,
    expiration: "2030-01-01T00:00:00.000Z",
    targetUser: "alice",
  });
});

test("updateServiceAccount: POST update-service-account?accessKey, encrypted new* fields", async () => {
  const { admin, sent } = fakeAdmin([{ status: 204 }]);
  await admin.updateServiceAccount("svc1", {
    secretKey: "new-secret-1",
    status: "disabled",
    policy: JSON.stringify(DOC),
  });
  await checkRequest(sent[0], "POST", "update-service-account", [["accessKey", "svc1"]]);
  deepEqual(await decryptedJson(sent[0]), {
    newSecretKey: "new-secret-1",
    newPolicy: DOC,
    newStatus: "disabled",
  });
});

test("deleteServiceAccount: DELETE; getServiceAccount: policy text parsed", async () => {
  const info = {
    parentUser: "alice",
    accountStatus: "on",
    impliedPolicy: false,
    policy: JSON.stringify(DOC, null, " "),
    name: "ci",
  };
  const { admin, sent } = fakeAdmin([{ status: 204 }, await encrypted(info)]);
  await admin.deleteServiceAccount("svc1");
  deepEqual(await admin.getServiceAccount("svc1"), { ...info, policy: DOC });
  await checkRequest(sent[0], "DELETE", "delete-service-account", [["accessKey", "svc1"]]);
  await checkRequest(sent[1], "GET", "info-service-account", [["accessKey", "svc1"]]);
});

test("admin answers that are not JSON, or not an account, are an InvalidResponseError", async () => {
  // Found by fuzz_admin_client_test (seeds 2001, 2002): JSON.parse's raw
  // SyntaxError, and a TypeError reading the policy of a null answer.
  const { admin } = fakeAdmin([
    { body: "[" },
    await encrypted("{"),
    await encrypted("null"),
    await encrypted({ parentUser: "u", policy: "{" }),
  ]);
  await rejects(admin.groupList(), /groups answered with text that is not JSON/);
  await rejects(admin.getServiceAccount("ak"), InvalidResponseError);
  await rejects(admin.getServiceAccount("ak"), /info-service-account answered no account/);
  await rejects(
    admin.getServiceAccount("ak"),
    /info-service-account policy answered with text that is not JSON/,
  );
});

test("listServiceAccount: GET list-service-accounts?user; null accounts become []", async () => {
  const entry = {
    accessKey: "svc1",
    parentUser: "alice",
    accountStatus: "on",
    impliedPolicy: true,
  };
  const { admin, sent } = fakeAdmin([
    await encrypted({ accounts: [entry] }),
    await encrypted({ accounts: null }),
  ]);
  deepEqual(await admin.listServiceAccount("alice"), { accounts: [entry] });
  deepEqual(await admin.listServiceAccount("bob"), { accounts: [] });
  await checkRequest(sent[0], "GET", "list-service-accounts", [["user", "alice"]]);
});

test("service accounts: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.addServiceAccount({ accessKey: "a" }), InvalidArgumentError);
  await rejects(admin.addServiceAccount({ accessKey: "", secretKey: "" }), InvalidArgumentError);
  await rejects(admin.addServiceAccount({ policy: "nope" }), InvalidArgumentError);
  await rejects(admin.addServiceAccount({ expiration: "not a date" }), InvalidArgumentError);
  await rejects(admin.addServiceAccount({ status: "on" as never }), InvalidArgumentError);
  await rejects(admin.updateServiceAccount("svc1", {}), InvalidArgumentError);
  await rejects(admin.updateServiceAccount("", { name: "x" }), InvalidArgumentError);
  await rejects(admin.listServiceAccount(""), InvalidArgumentError);
  equal(sent.length, 0);
});

const API_KV = `# MINIO_API_REQUESTS_MAX=200
api requests_max=100 cluster_deadline=10s cors_allow_origin="a b" list_quorum=strict
`;

test("configGet: GET get-config-kv?key, encrypted text parsed with env overrides", async () => {
  const webhook = 'notify_webhook:primary endpoint="http://x/" queue_limit=0 auth_token=';
  const { admin, sent } = fakeAdmin([await encrypted(API_KV), await encrypted(webhook)]);
  deepEqual(await admin.configGet("api"), [{
    subSystem: "api",
    kv: [
      {
        key: "requests_max",
        value: "100",
        envOverride: { name: "MINIO_API_REQUESTS_MAX", value: "200" },
      },
      { key: "cluster_deadline", value: "10s" },
      { key: "cors_allow_origin", value: "a b" },
      { key: "list_quorum", value: "strict" },
    ],
  }]);
  deepEqual(await admin.configGet("notify_webhook:primary"), [{
    subSystem: "notify_webhook",
    target: "primary",
    kv: [
      { key: "endpoint", value: "http://x/" },
      { key: "queue_limit", value: "0" },
      { key: "auth_token", value: "" },
    ],
  }]);
  await checkRequest(sent[0], "GET", "get-config-kv", [["key", "api"]]);
  await checkRequest(sent[1], "GET", "get-config-kv", [["key", "notify_webhook:primary"]]);
});

test("configSet: PUT set-config-kv, encrypted `key k=v` text; restart from the header", async () => {
  const { admin, sent } = fakeAdmin([
    { headers: { "x-minio-config-applied": "true" } },
    {},
  ]);
  deepEqual(await admin.configSet("api", { requests_max: "100", cors_allow_origin: "a b" }), {
    restart: false,
  });
  deepEqual(await admin.configSet("site", { name: "" }), { restart: true });
  await checkRequest(sent[0], "PUT", "set-config-kv");
  equal(await decryptedText(sent[0]), 'api requests_max=100 cors_allow_origin="a b"');
  equal(await decryptedText(sent[1]), 'site name=""');
});

test("configReset: DELETE del-config-kv, encrypted key (and target)", async () => {
  const { admin, sent } = fakeAdmin([{ headers: { "x-minio-config-applied": "true" } }, {}]);
  deepEqual(await admin.configReset("api"), { restart: false });
  deepEqual(await admin.configReset("notify_webhook", { name: "primary" }), { restart: true });
  await checkRequest(sent[0], "DELETE", "del-config-kv");
  equal(await decryptedText(sent[0]), "api");
  equal(await decryptedText(sent[1]), "notify_webhook:primary");
});

test("configHistory: GET list-config-history-kv?count, decrypted; configRestore: PUT", async () => {
  const entries = [{ restoreId: "r1", createTime: "2026-01-02T03:04:05Z", data: "api x=1" }];
  const { admin, sent } = fakeAdmin([await encrypted(entries), await encrypted("null"), {}]);
  deepEqual(await admin.configHistory(), entries);
  deepEqual(await admin.configHistory({ count: 3 }), []);
  await admin.configRestore("r1");
  await checkRequest(sent[0], "GET", "list-config-history-kv", [["count", "10"]]);
  await checkRequest(sent[1], "GET", "list-config-history-kv", [["count", "3"]]);
  await checkRequest(sent[2], "PUT", "restore-config-history-kv", [["restoreId", "r1"]]);
});

test("config: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.configGet(""), InvalidArgumentError);
  await rejects(admin.configGet("api requests_max=1"), InvalidArgumentError);
  await rejects(admin.configSet("api", { "bad name": "1" }), InvalidArgumentError);
  await rejects(admin.configSet("api", { x: `a "b' c` }), InvalidArgumentError);
  await rejects(admin.configSet("api", null as never), InvalidArgumentError);
  await rejects(admin.configSet("api", { x: "a\nb" }), InvalidArgumentError);
  await rejects(admin.configReset("api", { name: "" }), InvalidArgumentError);
  await rejects(admin.configHistory({ count: 0 }), InvalidArgumentError);
  await rejects(admin.configRestore(""), InvalidArgumentError);
  equal(sent.length, 0);
});
