// Which admin bodies the real MinIO encrypts, checked at the wire: each request is sent
// the other way round (plain where the client encrypts, encrypted where it sends plain)
// and refused, and each answer is read raw.
import { equal, ok, test } from "../harness.ts";
// The core from the source, as adminCall is: inside workerd the entries come from
// the built package, and a core of the package's class would not be the one
// adminCall reads the credentials of.
import { MinioCore } from "../../src/core/core.ts";
import { decryptData } from "../../src/admin/crypto/payload.ts";
import { type AdminCall, adminCall } from "../../src/admin/transport/transport.ts";
import { adminTargets, rejectsAdmin, uniqueName } from "./admin_testbed.ts";
import { env } from "./testbed.ts";

function coreFor(tls: boolean): MinioCore {
  return new MinioCore({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    region: "us-east-1",
    maxRetries: 0,
  });
}

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder().decode(bytes));
    return true;
  } catch {
    return false;
  }
}

for (const t of adminTargets) {
  const core = coreFor(t.name === "tls");

  test(`[${t.name}] encrypted requests: the server refuses the same body in plain`, async () => {
    const user = uniqueName("plain");
    // Each with what the server says on failing to decrypt (or parse) it.
    const badJson = /JSON configuration provided is of incorrect format/;
    const notSealed = /madmin: invalid encryption algorithm ID/;
    const refusals: [AdminCall, string, RegExp][] = [
      [
        {
          method: "PUT",
          command: "add-user",
          query: [["accessKey", user]],
          body: { status: "enabled", secretKey: "plain-secret-1" },
        },
        "XMinioAdminConfigBadJSON",
        badJson,
      ],
      [
        { method: "PUT", command: "add-service-account", body: {} },
        "XMinioAdminConfigBadJSON",
        /incorrect format \(unexpected EOF\)/,
      ],
      [
        { method: "PUT", command: "set-config-kv", body: "api requests_max=0" },
        "XMinioAdminConfigBadJSON",
        badJson,
      ],
      [
        { method: "DELETE", command: "del-config-kv", body: "api" },
        "XMinioAdminConfigBadJSON",
        badJson,
      ],
      [
        {
          method: "POST",
          command: "idp/builtin/policy/attach",
          body: { policies: ["readonly"], user },
        },
        "InternalError",
        notSealed,
      ],
      [
        {
          method: "PUT",
          command: "site-replication/add",
          query: [["api-version", "1"]],
          body: [],
        },
        "XMinioSiteReplicationInvalidRequest",
        /\(unexpected EOF\)/,
      ],
      [
        {
          method: "PUT",
          command: "site-replication/edit",
          query: [["api-version", "1"]],
          body: { endpoint: "http://127.0.0.1:1", deploymentID: "x" },
        },
        "XMinioSiteReplicationInvalidRequest",
        notSealed,
      ],
    ];
    for (const [call, code, message] of refusals) {
      const e = await rejectsAdmin(adminCall(core, call), code);
      ok(message.test(e.message), `${call.command}: ${e.message}`);
    }
  });

  test(`[${t.name}] site-replication/remove reads plain JSON: encrypted it is garbage`, async () => {
    const call: AdminCall = {
      method: "PUT",
      command: "site-replication/remove",
      query: [["api-version", "1"]],
      body: { sites: ["no-such-site"] },
    };
    const garbled = await rejectsAdmin(
      adminCall(core, { ...call, encryptBody: true }),
      "InternalError",
    );
    ok(garbled.message.includes("invalid character"), garbled.message);
    const parsed = await rejectsAdmin(adminCall(core, call), "XMinioSiteReplicationInvalidRequest");
    ok(parsed.message.includes("not enabled"), parsed.message);
  });

  test(`[${t.name}] answers: encrypted ones are sealed payloads, plain ones JSON`, async () => {
    const secret = env("MINIO_TEST_SECRET_KEY");
    const sealed: AdminCall[] = [
      { method: "GET", command: "list-users" },
      { method: "GET", command: "get-config-kv", query: [["key", "api"]] },
      { method: "GET", command: "list-config-history-kv", query: [["count", "1"]] },
      { method: "GET", command: "idp/builtin/policy-entities", query: [["policy", "readonly"]] },
      { method: "GET", command: "list-service-accounts", query: [["user", "minio-edge-nobody"]] },
    ];
    for (const call of sealed) {
      const raw = await adminCall(core, call);
      ok(!isJson(raw), `${call.command} is not plain JSON`);
      ok(raw.length >= 41 && raw[32] <= 2, `${call.command}: salt, algorithm id, nonce`);
      const text = new TextDecoder().decode(await decryptData(secret, raw));
      ok(
        call.command === "get-config-kv"
          ? text.startsWith("api ")
          : isJson(new TextEncoder().encode(text)),
      );
    }
    const plain: AdminCall[] = [
      { method: "GET", command: "info" },
      { method: "GET", command: "accountinfo" },
      { method: "GET", command: "datausageinfo" },
      { method: "GET", command: "groups" },
      { method: "GET", command: "list-canned-policies" },
      { method: "GET", command: "info-canned-policy", query: [["name", "readonly"]] },
      { method: "GET", command: "kms/key/status", query: [["key-id", ""]] },
      { method: "GET", command: "site-replication/info" },
      { method: "GET", command: "site-replication/status" },
    ];
    for (const call of plain) ok(isJson(await adminCall(core, call)), `${call.command} is JSON`);
    const user = await adminCall(core, {
      method: "GET",
      command: "user-info",
      query: [["accessKey", "minio-edge-nobody"]],
    }).catch((e) => e);
    equal(user.code, "XMinioAdminNoSuchUser");
  });
}
