// Admin payload interop with the two independent implementations: what
// madmin-go (the Go library MinIO's server and mc use) and minio-py write,
// we read, and the other way round, for sizes at the 16 KiB fragment edges.
//
// The peers are built by `bash scripts/build_interop.sh`:
// - MINIO_TEST_MADMIN_HELPER (default $MINIO_EDGE_CACHE/bin/madmin-crypto,
//   cache default ~/.cache/minio-edge) runs madmin-go's EncryptData /
//   DecryptData; it writes id 0x00, or 0x01 under GODEBUG=cpu.aes=off
//   (madmin-go picks ChaCha20-Poly1305 when the CPU lacks AES-GCM).
// - MINIO_TEST_MADMIN_HELPER_FIPS (default .../madmin-crypto-fips), the same
//   built with `-tags fips`: it writes id 0x02 (PBKDF2 + AES-256-GCM).
// - MINIO_TEST_PYTHON (default python3) runs tests/interop/minio_py_crypto.py,
//   minio-py's minio.crypto: it writes id 0x00 only, reads 0x00 and 0x01.
// A missing peer fails every test that needs it, naming the fix.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { AdminPayloadError } from "../../src/admin/crypto/errors.ts";
import { decryptData, encryptData, type PayloadAlgorithm } from "../../src/admin/crypto/payload.ts";

const CACHE = process.env.MINIO_EDGE_CACHE ?? join(homedir(), ".cache", "minio-edge");
const MADMIN = process.env.MINIO_TEST_MADMIN_HELPER ?? join(CACHE, "bin", "madmin-crypto");
const MADMIN_FIPS = process.env.MINIO_TEST_MADMIN_HELPER_FIPS ??
  join(CACHE, "bin", "madmin-crypto-fips");
const PYTHON = process.env.MINIO_TEST_PYTHON ?? "python3";
const PY_SCRIPT = fileURLToPath(new URL("./minio_py_crypto.py", import.meta.url));

// Not ASCII, with quotes and a space: both peers must agree on UTF-8.
const PASSWORD = 'minio "admin" pässwörd ✓';
const KiB = 1024;
const SIZES = [0, 1, 16 * KiB - 1, 16 * KiB, 16 * KiB + 1, 1024 * KiB];

interface Result {
  code: number | null;
  stdout: Uint8Array;
  stderr: string;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function run(cmd: string, args: string[], input: Uint8Array, env: Record<string, string>) {
  return new Promise<Result>((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env } });
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    child.stdout.on("data", (c: Uint8Array) => out.push(c));
    child.stderr.on("data", (c: Uint8Array) => err.push(c));
    // A peer that rejects its input may exit before reading all of it; the
    // exit code tells, the broken pipe is noise.
    child.stdin.on("error", () => {});
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout: concat(out), stderr: new TextDecoder().decode(concat(err)) });
    });
    child.stdin.end(input);
  });
}

function requireFile(path: string, variable: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `interop peer missing: ${path} does not exist. Build it with ` +
        `"bash scripts/build_interop.sh" or point ${variable} at it.`,
    );
  }
  return path;
}

type Peer = (op: "encrypt" | "decrypt", input: Uint8Array) => Promise<Result>;

const madmin: Peer = (op, input) =>
  run(requireFile(MADMIN, "MINIO_TEST_MADMIN_HELPER"), [op], input, { MADMIN_PASSWORD: PASSWORD });
const madminChaCha: Peer = (op, input) =>
  run(requireFile(MADMIN, "MINIO_TEST_MADMIN_HELPER"), [op], input, {
    MADMIN_PASSWORD: PASSWORD,
    GODEBUG: "cpu.aes=off",
  });
const madminFips: Peer = (op, input) =>
  run(requireFile(MADMIN_FIPS, "MINIO_TEST_MADMIN_HELPER_FIPS"), [op], input, {
    MADMIN_PASSWORD: PASSWORD,
  });
const minioPy: Peer = (op, input) =>
  run(PYTHON, [PY_SCRIPT, op], input, { MINIO_PY_PASSWORD: PASSWORD, PYTHONUTF8: "1" });

async function ran(peer: Peer, op: "encrypt" | "decrypt", input: Uint8Array) {
  const r = await peer(op, input);
  if (r.code !== 0) throw new Error(`peer ${op} failed (exit ${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 64 KiB per call.
  for (let at = 0; at < length; at += 65536) {
    crypto.getRandomValues(out.subarray(at, at + 65536));
  }
  return out;
}

const PEERS: { name: string; peer: Peer; writes?: PayloadAlgorithm; reads: PayloadAlgorithm[] }[] =
  [
    { name: "madmin-go", peer: madmin, writes: 0, reads: [0, 1, 2] },
    { name: "madmin-go (GODEBUG=cpu.aes=off)", peer: madminChaCha, writes: 1, reads: [] },
    { name: "madmin-go (-tags fips)", peer: madminFips, writes: 2, reads: [] },
    { name: "minio-py", peer: minioPy, writes: 0, reads: [0, 1] },
  ];

for (const { name, peer, writes, reads } of PEERS) {
  for (const size of SIZES) {
    // minio-py's encrypt(b"") is covered by its own test below.
    if (writes !== undefined && !(peer === minioPy && size === 0)) {
      test(`interop: ${name} encrypts id ${writes}, we decrypt: ${size} bytes`, async () => {
        const plain = randomBytes(size);
        const sealed = await ran(peer, "encrypt", plain);
        equal(sealed[32], writes, "algorithm id");
        deepEqual(await decryptData(PASSWORD, sealed), plain);
      });
    }
    for (const algorithm of reads) {
      test(`interop: we encrypt id ${algorithm}, ${name} decrypts: ${size} bytes`, async () => {
        const plain = randomBytes(size);
        const sealed = await encryptData(PASSWORD, plain, { algorithm });
        deepEqual(await ran(peer, "decrypt", sealed), plain);
      });
    }
  }
}

test("interop: minio-py's encrypt of 0 bytes is only a header; madmin-go and we reject it", async () => {
  // sio-go (and so madmin-go and the server) writes an empty final fragment
  // for an empty plaintext; minio-py writes none. Accepting a bare header
  // would accept any payload cut to 41 bytes, so we side with madmin-go.
  const sealed = await ran(minioPy, "encrypt", new Uint8Array(0));
  equal(sealed.length, 41);
  const r = await madmin("decrypt", sealed);
  ok(r.code !== 0 && r.stderr.includes("not authentic"), `madmin-go: ${r.code} ${r.stderr}`);
  await rejects(
    decryptData(PASSWORD, sealed),
    (e: unknown) => e instanceof AdminPayloadError && e.code === "NotAuthentic",
  );
});

test("interop: a wrong password fails in madmin-go as in minio-edge", async () => {
  const sealed = await encryptData(PASSWORD + "!", new Uint8Array(10), { algorithm: 2 });
  const r = await madmin("decrypt", sealed);
  ok(r.code !== 0 && r.stderr.includes("not authentic"), `madmin-go: ${r.code} ${r.stderr}`);
  await rejects(
    decryptData(PASSWORD, sealed),
    (e: unknown) => e instanceof AdminPayloadError && e.code === "NotAuthentic",
  );
});
