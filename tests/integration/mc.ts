/**
 * Running the real `mc` client against the test bed, as a peer that reads
 * what we write and writes what we read. Its config lives in a throwaway
 * folder that trusts the test bed's CA.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "./testbed.ts";

let configDir: string | undefined;

function setup(): string {
  if (configDir) return configDir;
  const dir = mkdtempSync(join(tmpdir(), "mc-config-"));
  mkdirSync(join(dir, "certs", "CAs"), { recursive: true });
  copyFileSync(env("MINIO_TEST_CA"), join(dir, "certs", "CAs", "testbed.crt"));
  for (
    const [alias, scheme, port] of [["http", "http", "MINIO_TEST_PORT"], [
      "tls",
      "https",
      "MINIO_TEST_TLS_PORT",
    ]]
  ) {
    execFileSync(env("MINIO_TEST_MC"), [
      "--config-dir",
      dir,
      "alias",
      "set",
      alias,
      `${scheme}://127.0.0.1:${env(port)}`,
      env("MINIO_TEST_ACCESS_KEY"),
      env("MINIO_TEST_SECRET_KEY"),
    ], { stdio: "pipe" });
  }
  configDir = dir;
  return dir;
}

/** Runs `mc` with the test-bed aliases `http` and `tls`; returns stdout. */
export function mc(...args: string[]): string {
  const out = execFileSync(env("MINIO_TEST_MC"), ["--config-dir", setup(), "--quiet", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  return new TextDecoder().decode(out);
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "minio-edge-"));
}
