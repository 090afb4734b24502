/**
 * Admin clients for the test-bed servers, built from the same environment
 * as the S3 clients, and names no other test or runtime uses.
 */
import { MinioAdmin, MinioAdminException } from "../../admin.ts";
import { env } from "./testbed.ts";
import { equal, ok } from "../harness.ts";

/** An admin client for the HTTP (`tls` false) or TLS server. */
export function adminClient(tls: boolean): MinioAdmin {
  return new MinioAdmin({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
  });
}

/** Both servers, as the `mc` alias that names each. */
export const adminTargets: { name: "http" | "tls"; admin: () => MinioAdmin }[] = [
  { name: "http", admin: () => adminClient(false) },
  { name: "tls", admin: () => adminClient(true) },
];

/** A name for a user, group or policy that no other test or runtime uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Asserts `p` rejects with a {@link MinioAdminException} of this code and status. */
export async function rejectsAdmin(
  p: Promise<unknown>,
  code: string,
  status?: number,
): Promise<MinioAdminException> {
  const e = await p.then(() => undefined, (e) => e);
  ok(e instanceof MinioAdminException, `expected MinioAdminException ${code}, got ${e}`);
  equal(e.code, code, e.message);
  if (status !== undefined) equal(e.status, status, `${e.message} (HTTP ${e.status})`);
  ok(!e.message.includes(env("MINIO_TEST_SECRET_KEY")), "no secret in the message");
  return e;
}
