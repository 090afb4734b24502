// What the admin user and group calls send, and how their answers decode.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { MinioAdmin, MinioAdminException } from "../../admin.ts";
import { AdminPayloadError } from "../../src/admin/crypto/errors.ts";
import { checkRequest, decryptedJson, encrypted, fakeAdmin, plainJson } from "./fake_admin.ts";

test("userAdd: PUT add-user?accessKey, body encrypted with the secret key (also over TLS)", async () => {
  const { admin, sent } = fakeAdmin([], { useSSL: true });
  await admin.userAdd("alice", "alice-secret-1");
  await checkRequest(sent[0], "PUT", "add-user", [["accessKey", "alice"]]);
  equal(sent[0].url.protocol, "https:");
  ok(!new TextDecoder().decode(sent[0].body).includes("alice-secret-1"), "not sent in clear");
  deepEqual(await decryptedJson(sent[0]), { status: "enabled", secretKey: "alice-secret-1" });
});

test("a GET over TLS also signs the (empty) payload's hash; a session token is sent", async () => {
  const { admin, sent } = fakeAdmin([{ body: '{"status":"enabled"}' }], {
    useSSL: true,
    sessionToken: "session-token-1",
  });
  await admin.userInfo("alice");
  await checkRequest(sent[0], "GET", "user-info", [["accessKey", "alice"]]);
  equal(sent[0].headers.get("x-amz-security-token"), "session-token-1");
  ok(/SignedHeaders=[a-z0-9;-]*x-amz-security-token/.test(sent[0].headers.get("authorization")!));
});

test("userDisable / userEnable: PUT set-user-status", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.userDisable("alice");
  await admin.userEnable("alice");
  await checkRequest(sent[0], "PUT", "set-user-status", [["accessKey", "alice"], [
    "status",
    "disabled",
  ]]);
  await checkRequest(sent[1], "PUT", "set-user-status", [["accessKey", "alice"], [
    "status",
    "enabled",
  ]]);
  equal(sent[0].body.length, 0);
});

test("userRemove: DELETE remove-user; userInfo: GET user-info, plain JSON", async () => {
  const info = { status: "enabled", policyName: "readonly", memberOf: ["g1"] };
  const { admin, sent } = fakeAdmin([{ status: 204 }, { body: JSON.stringify(info) }]);
  await admin.userRemove("alice");
  deepEqual(await admin.userInfo("alice"), info);
  await checkRequest(sent[0], "DELETE", "remove-user", [["accessKey", "alice"]]);
  await checkRequest(sent[1], "GET", "user-info", [["accessKey", "alice"]]);
});

test("userList: GET list-users, answer decrypted", async () => {
  const users = { alice: { status: "enabled" }, bob: { status: "disabled", policyName: "x" } };
  const { admin, sent } = fakeAdmin([await encrypted(users)]);
  deepEqual(await admin.userList(), users);
  await checkRequest(sent[0], "GET", "list-users");
});

test("an answer that does not decrypt is an error, not garbage", async () => {
  const { admin } = fakeAdmin([{ body: '{"alice":{"status":"enabled"}}' }]);
  await rejects(
    admin.userList(),
    (e: unknown) => e instanceof AdminPayloadError && e.code === "TruncatedHeader",
  );
});

test("errors: JSON error body becomes MinioAdminException with code and status", async () => {
  const body = '{"Code":"XMinioAdminNoSuchUser","Message":"The specified user does not exist."}';
  const { admin } = fakeAdmin([{ status: 404, body }]);
  const e = await admin.userInfo("nobody").catch((e) => e);
  ok(e instanceof MinioAdminException);
  deepEqual([e.code, e.status, e.body], ["XMinioAdminNoSuchUser", 404, body]);
  ok(!e.message.includes("admin-unit-test-secret"));
});

test("users: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.userAdd("", "x"), InvalidArgumentError);
  await rejects(admin.userAdd("alice", ""), InvalidArgumentError);
  await rejects(admin.userInfo(undefined as unknown as string), InvalidArgumentError);
  await rejects(admin.userRemove(""), InvalidArgumentError);
  equal(sent.length, 0);
});

test("constructor: bad options are refused; the secret is not reachable", () => {
  let threw = false;
  try {
    new MinioAdmin({ endPoint: "127.0.0.1", accessKey: "a" } as never);
  } catch (e) {
    threw = e instanceof InvalidArgumentError;
  }
  ok(threw, "a missing secret key is refused");
  const { admin } = fakeAdmin();
  ok(!JSON.stringify(admin).includes("admin-unit-test-secret"));
  deepEqual(Object.keys(admin), []);
});

test("groupAdd: PUT update-group-members, plain JSON body", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.groupAdd("editors", ["alice", "bob"]);
  await admin.groupAdd("editors", "carol");
  await checkRequest(sent[0], "PUT", "update-group-members");
  deepEqual(plainJson(sent[0]), { group: "editors", members: ["alice", "bob"], isRemove: false });
  deepEqual(plainJson(sent[1]), { group: "editors", members: ["carol"], isRemove: false });
});

test("groupRemove: members, or the group itself", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.groupRemove("editors", { members: ["bob"] });
  await admin.groupRemove("editors");
  await checkRequest(sent[0], "PUT", "update-group-members");
  deepEqual(plainJson(sent[0]), { group: "editors", isRemove: true, members: ["bob"] });
  deepEqual(plainJson(sent[1]), { group: "editors", isRemove: true });
});

test("groupDisable / groupEnable: PUT set-group-status", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.groupDisable("editors");
  await admin.groupEnable("editors");
  await checkRequest(sent[0], "PUT", "set-group-status", [["group", "editors"], [
    "status",
    "disabled",
  ]]);
  await checkRequest(sent[1], "PUT", "set-group-status", [["group", "editors"], [
    "status",
    "enabled",
  ]]);
});

test("groupInfo and groupList: plain JSON; a null list is empty", async () => {
  const desc = { name: "editors", status: "enabled", members: ["alice"], policy: "" };
  const { admin, sent } = fakeAdmin([
    { body: JSON.stringify(desc) },
    { body: '["editors","viewers"]' },
    { body: "null" },
  ]);
  deepEqual(await admin.groupInfo("editors"), desc);
  deepEqual(await admin.groupList(), ["editors", "viewers"]);
  deepEqual(await admin.groupList(), []);
  await checkRequest(sent[0], "GET", "group", [["group", "editors"]]);
  await checkRequest(sent[1], "GET", "groups");
});

test("groups: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.groupAdd("", ["a"]), InvalidArgumentError);
  await rejects(admin.groupAdd("g", [""]), InvalidArgumentError);
  await rejects(admin.groupAdd("g", 5 as unknown as string[]), InvalidArgumentError);
  await rejects(admin.groupRemove("g", { members: [""] }), InvalidArgumentError);
  await rejects(admin.groupInfo(""), InvalidArgumentError);
  equal(sent.length, 0);
});
