// What the admin policy and LDAP calls send, and how their answers decode.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { checkRequest, decryptedJson, encrypted, fakeAdmin, plainJson } from "./fake_admin.ts";

const DOC = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::b/*"] }],
};

test("policyAdd: PUT add-canned-policy?name, plain JSON document (object or text)", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.policyAdd("read-b", DOC);
  await admin.policyAdd("read-b", JSON.stringify(DOC));
  await checkRequest(sent[0], "PUT", "add-canned-policy", [["name", "read-b"]]);
  deepEqual(plainJson(sent[0]), DOC);
  deepEqual(plainJson(sent[1]), DOC);
});

test("policyRemove, policyInfo, policyList: plain", async () => {
  const { admin, sent } = fakeAdmin([
    { status: 204 },
    { body: JSON.stringify(DOC) },
    { body: JSON.stringify({ "read-b": DOC }) },
  ]);
  await admin.policyRemove("read-b");
  deepEqual(await admin.policyInfo("read-b"), DOC);
  deepEqual(await admin.policyList(), { "read-b": DOC });
  await checkRequest(sent[0], "DELETE", "remove-canned-policy", [["name", "read-b"]]);
  await checkRequest(sent[1], "GET", "info-canned-policy", [["name", "read-b"]]);
  await checkRequest(sent[2], "GET", "list-canned-policies");
});

test("policySet: PUT set-user-or-group-policy with the mapping in the query", async () => {
  const { admin, sent } = fakeAdmin();
  await admin.policySet("readonly", { user: "alice" });
  await admin.policySet(["readonly", "diagnostics"], { group: "ops" });
  await checkRequest(sent[0], "PUT", "set-user-or-group-policy", [
    ["policyName", "readonly"],
    ["userOrGroup", "alice"],
    ["isGroup", "false"],
  ]);
  await checkRequest(sent[1], "PUT", "set-user-or-group-policy", [
    ["policyName", "readonly,diagnostics"],
    ["userOrGroup", "ops"],
    ["isGroup", "true"],
  ]);
});

test("attachPolicy: POST idp/builtin/policy/attach, encrypted both ways", async () => {
  const answer = { policiesAttached: ["readonly"], updatedAt: "2026-01-02T03:04:05Z" };
  const { admin, sent } = fakeAdmin([await encrypted(answer)]);
  deepEqual(await admin.attachPolicy(["readonly"], { user: "alice" }), answer);
  await checkRequest(sent[0], "POST", "idp/builtin/policy/attach");
  deepEqual(await decryptedJson(sent[0]), { policies: ["readonly"], user: "alice" });
});

test("detachPolicy and policyUnset: POST idp/builtin/policy/detach; a 204 is an empty result", async () => {
  const answer = { policiesDetached: ["readonly"], updatedAt: "2026-01-02T03:04:05Z" };
  const { admin, sent } = fakeAdmin([await encrypted(answer), { status: 204 }]);
  deepEqual(await admin.detachPolicy(["readonly"], { group: "ops" }), answer);
  deepEqual(await admin.policyUnset("readonly", { user: "alice" }), {});
  await checkRequest(sent[0], "POST", "idp/builtin/policy/detach");
  deepEqual(await decryptedJson(sent[0]), { policies: ["readonly"], group: "ops" });
  await checkRequest(sent[1], "POST", "idp/builtin/policy/detach");
  deepEqual(await decryptedJson(sent[1]), { policies: ["readonly"], user: "alice" });
});

test("getPolicyEntities: repeated user/group/policy query keys, answer decrypted", async () => {
  const answer = {
    timestamp: "2026-01-02T03:04:05Z",
    policyMappings: [{ policy: "readonly", users: ["alice"], groups: ["ops"] }],
  };
  const { admin, sent } = fakeAdmin([await encrypted(answer)]);
  deepEqual(await admin.getPolicyEntities(["alice", "bob"], ["ops"], ["readonly"]), answer);
  await checkRequest(sent[0], "GET", "idp/builtin/policy-entities", [
    ["user", "alice"],
    ["user", "bob"],
    ["group", "ops"],
    ["policy", "readonly"],
  ]);
});

test("attachPolicyLdap / detachPolicyLdap: POST idp/ldap/policy/..., encrypted both ways", async () => {
  const dn = "uid=alice,ou=people,dc=example,dc=org";
  const { admin, sent } = fakeAdmin([
    await encrypted({ policiesAttached: ["readwrite"] }),
    await encrypted({ policiesDetached: ["readwrite"] }),
  ]);
  deepEqual(await admin.attachPolicyLdap(["readwrite"], { user: dn }), {
    policiesAttached: ["readwrite"],
  });
  deepEqual(await admin.detachPolicyLdap(["readwrite"], { group: "cn=devs,dc=example,dc=org" }), {
    policiesDetached: ["readwrite"],
  });
  await checkRequest(sent[0], "POST", "idp/ldap/policy/attach");
  deepEqual(await decryptedJson(sent[0]), { policies: ["readwrite"], user: dn });
  await checkRequest(sent[1], "POST", "idp/ldap/policy/detach");
  deepEqual(await decryptedJson(sent[1]), {
    policies: ["readwrite"],
    group: "cn=devs,dc=example,dc=org",
  });
});

test("listAccessKeysLdap / listAccessKeysLdapBulk: GET, answers decrypted", async () => {
  const keys = { serviceAccounts: [{ accessKey: "k1", parentUser: "uid=a" }], stsKeys: null };
  const { admin, sent } = fakeAdmin([
    await encrypted(keys),
    await encrypted({ "uid=a": keys }),
    await encrypted({}),
  ]);
  deepEqual(await admin.listAccessKeysLdap("uid=a", "all"), keys);
  deepEqual(await admin.listAccessKeysLdapBulk(["uid=a", "uid=b"], "svcacc-only", false), {
    "uid=a": keys,
  });
  deepEqual(await admin.listAccessKeysLdapBulk([], "sts-only", true), {});
  await checkRequest(sent[0], "GET", "idp/ldap/list-access-keys", [
    ["userDN", "uid=a"],
    ["listType", "all"],
  ]);
  await checkRequest(sent[1], "GET", "idp/ldap/list-access-keys-bulk", [
    ["listType", "svcacc-only"],
    ["userDNs", "uid=a"],
    ["userDNs", "uid=b"],
  ]);
  await checkRequest(sent[2], "GET", "idp/ldap/list-access-keys-bulk", [
    ["listType", "sts-only"],
    ["all", "true"],
  ]);
});

test("policies and LDAP: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.policyAdd("p", "{not json"), InvalidArgumentError);
  await rejects(admin.policyAdd("p", "[1]"), InvalidArgumentError);
  await rejects(admin.policyAdd("", DOC), InvalidArgumentError);
  await rejects(admin.policySet("p", {} as never), InvalidArgumentError);
  await rejects(admin.policySet("p", { user: "a", group: "b" } as never), InvalidArgumentError);
  await rejects(admin.attachPolicy([], { user: "a" }), InvalidArgumentError);
  await rejects(admin.detachPolicy(["p"], { group: "" }), InvalidArgumentError);
  await rejects(admin.getPolicyEntities([""], [], []), InvalidArgumentError);
  await rejects(admin.attachPolicyLdap(["p"], {} as never), InvalidArgumentError);
  await rejects(admin.listAccessKeysLdap("uid=a", "bogus" as never), InvalidArgumentError);
  await rejects(admin.listAccessKeysLdapBulk(["uid=a"], "all", true), InvalidArgumentError);
  equal(sent.length, 0);
});
