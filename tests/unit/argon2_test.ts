// Argon2id: the RFC 9106 vector, then cross-checks of our WebAssembly against
// @noble/hashes (an independent implementation), the fallback path, loading
// on runtimes that refuse to compile WebAssembly, and input checks.
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import { argon2id as nobleArgon2id } from "@noble/hashes/argon2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  argon2Backend,
  argon2id,
  argon2idWithSecret,
  forceArgon2Fallback,
  releaseArgon2Wasm,
  setArgon2WasmModule,
} from "../../src/admin/crypto/argon2.ts";
import { loadArgon2Wasm } from "../../src/admin/crypto/argon2_wasm.ts";
import { ARGON2_WASM_BASE64 } from "../../src/admin/crypto/argon2_wasm_bytes.ts";
import { InvalidArgumentError } from "../../src/base/errors.ts";

const fill = (n: number, v: number) => new Uint8Array(n).fill(v);

/** Deterministic bytes, different for every seed. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Runs `fn` once on the WebAssembly path and once on the JavaScript fallback. */
async function bothPaths(fn: (path: string) => Promise<void>): Promise<void> {
  equal(await argon2Backend(), "wasm");
  await fn("wasm");
  forceArgon2Fallback(true);
  try {
    equal(await argon2Backend(), "js");
    await fn("js");
  } finally {
    forceArgon2Fallback(false);
  }
}

const RFC_TAG = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659";

test("argon2id: RFC 9106 section 5.3 vector, WebAssembly and fallback", async () => {
  await bothPaths(async (path) => {
    const tag = await argon2idWithSecret(fill(32, 1), fill(16, 2), {
      t: 3,
      m: 32,
      p: 4,
      dkLen: 32,
      secret: fill(8, 3),
      associatedData: fill(12, 4),
    });
    equal(bytesToHex(tag), RFC_TAG, path);
  });
});

test("argon2id: the WebAssembly module loads on this runtime", async () => {
  equal(await argon2Backend(), "wasm");
});

// [t, m, p, dkLen, password length, salt length]: edge lengths of H' (4, 64,
// 65, 1024), m not a multiple of 4p (rounded down), a password longer than a
// BLAKE2b block, an empty password, more lanes than usual.
const CASES: [number, number, number, number, number, number][] = [
  [1, 8, 1, 4, 0, 8],
  [1, 64, 1, 64, 5, 16],
  [2, 64, 2, 65, 16, 16],
  [3, 256, 3, 16, 32, 32],
  [1, 1024, 4, 100, 300, 24],
  [4, 100, 3, 32, 12, 16],
  [1, 512, 1, 1024, 8, 8],
  [2, 2048, 8, 32, 20, 32],
  [1, 4096, 4, 32, 20, 32],
];

test("argon2id: matches @noble/hashes over t, m, p and lengths", async () => {
  await bothPaths(async (path) => {
    for (const [i, [t, m, p, dkLen, pwLen, saltLen]] of CASES.entries()) {
      const password = bytes(pwLen, i);
      const salt = bytes(saltLen, 100 + i);
      const ours = await argon2id(password, salt, { t, m, p, dkLen });
      const noble = nobleArgon2id(password, salt, { t, m, p, dkLen });
      equal(bytesToHex(ours), bytesToHex(noble), `${path} t=${t} m=${m} p=${p} dkLen=${dkLen}`);
    }
  });
});

test("argon2id: secret and associated data match @noble/hashes", async () => {
  await bothPaths(async (path) => {
    for (const [secretLen, adLen] of [[0, 5], [7, 0], [64, 200], [129, 1]]) {
      const password = bytes(10, secretLen);
      const salt = bytes(16, adLen);
      const secret = bytes(secretLen, 7);
      const associatedData = bytes(adLen, 8);
      const opts = { t: 2, m: 64, p: 2, dkLen: 32 };
      const ours = await argon2idWithSecret(password, salt, { ...opts, secret, associatedData });
      const noble = nobleArgon2id(password, salt, {
        ...opts,
        key: secret,
        personalization: associatedData,
      });
      equal(bytesToHex(ours), bytesToHex(noble), `${path} secret=${secretLen} ad=${adLen}`);
    }
  });
});

test("argon2id: MinIO's parameters (t=1, 64 MiB, p=4, 32 bytes) match @noble/hashes", async () => {
  const password = new TextEncoder().encode("minio-secret-key-change-me");
  const salt = bytes(32, 42);
  const opts = { t: 1, m: 65536, p: 4, dkLen: 32 };
  const noble = bytesToHex(nobleArgon2id(password, salt, opts));
  await bothPaths(async (path) => {
    equal(bytesToHex(await argon2id(password, salt, opts)), noble, path);
  });
});

// From the argon2 CLI of Debian 12 (libargon2 20171227), a third implementation:
// echo -n minio-secret | argon2 saltsaltsaltsalt -id -t 1 -k 65536 -p 4 -l 32
const LIBARGON2_MINIO_TAG = "bbc0e05e44eebb01b47647ed04a789717aa56e2da6dff60b48fea429508539eb";

test("argon2id: MinIO's parameters match the libargon2 CLI", async () => {
  const enc = new TextEncoder();
  const opts = { t: 1, m: 65536, p: 4, dkLen: 32 };
  const tag = await argon2id(enc.encode("minio-secret"), enc.encode("saltsaltsaltsalt"), opts);
  equal(bytesToHex(tag), LIBARGON2_MINIO_TAG);
});

test("argon2id: views into larger buffers, concurrent calls, memory grown then reused", async () => {
  const big = bytes(100, 9);
  const password = big.subarray(3, 23);
  const salt = big.subarray(50, 66);
  const opts = [
    { t: 1, m: 4096, p: 2, dkLen: 32 },
    { t: 2, m: 16, p: 1, dkLen: 16 },
    { t: 1, m: 2048, p: 4, dkLen: 48 },
  ];
  const ours = await Promise.all(opts.map((o) => argon2id(password, salt, o)));
  const noble = opts.map((o) => nobleArgon2id(password.slice(), salt.slice(), o));
  deepEqual(ours.map(bytesToHex), noble.map(bytesToHex));
});

test("argon2id: the password and the key are wiped from WebAssembly memory", async () => {
  const password = bytes(32, 77);
  const key = await argon2id(password, bytes(16, 78), { t: 1, m: 64, p: 1, dkLen: 32 });
  const wasm = await loadArgon2Wasm();
  ok(wasm);
  const memory = new Uint8Array(wasm.memory.buffer);
  const contains = (needle: Uint8Array) => {
    outer: for (let i = 0; i + needle.length <= memory.length; i++) {
      for (let j = 0; j < needle.length; j++) if (memory[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  equal(contains(password), false);
  equal(contains(key), false);
});

test("argon2id: falls back to JavaScript where compiling from bytes is refused (Workers)", async () => {
  const wasmBytes = Uint8Array.from(atob(ARGON2_WASM_BASE64), (c) => c.charCodeAt(0));
  const module = new WebAssembly.Module(wasmBytes);
  const wa = WebAssembly as unknown as { compile: typeof WebAssembly.compile };
  const compile = wa.compile;
  // What workerd throws for WebAssembly.compile on bytes.
  wa.compile = () =>
    Promise.reject(new WebAssembly.CompileError("Wasm code generation disallowed by embedder"));
  const password = bytes(12, 1);
  const salt = bytes(16, 2);
  const opts = { t: 2, m: 256, p: 2, dkLen: 32 };
  const expected = bytesToHex(nobleArgon2id(password, salt, opts));
  try {
    releaseArgon2Wasm();
    equal(await argon2Backend(), "js");
    equal(bytesToHex(await argon2id(password, salt, opts)), expected);
    // A module imported from the .wasm file, as a Worker would register it.
    setArgon2WasmModule(module);
    equal(await argon2Backend(), "wasm");
    equal(bytesToHex(await argon2id(password, salt, opts)), expected);
  } finally {
    wa.compile = compile;
    setArgon2WasmModule(undefined);
  }
  equal(await argon2Backend(), "wasm");
});

test("argon2id: setArgon2WasmModule rejects anything but our module", () => {
  const empty = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  throws(() => setArgon2WasmModule(empty), InvalidArgumentError);
  throws(
    () => setArgon2WasmModule({} as unknown as WebAssembly.Module),
    InvalidArgumentError,
  );
});

test("argon2id: out-of-range inputs fail with InvalidArgumentError", async () => {
  const pw = bytes(8, 1);
  const salt = bytes(16, 2);
  const ok = { t: 1, m: 64, p: 1, dkLen: 32 };
  const bad: [Uint8Array, Uint8Array, typeof ok][] = [
    [pw, bytes(7, 2), ok],
    [pw, salt, { ...ok, t: 0 }],
    [pw, salt, { ...ok, t: 1.5 }],
    [pw, salt, { ...ok, p: 0 }],
    [pw, salt, { ...ok, p: 2 ** 24 }],
    [pw, salt, { ...ok, m: 7 }],
    [pw, salt, { ...ok, m: 31, p: 4 }],
    [pw, salt, { ...ok, m: 4 * 1024 * 1024 }],
    [pw, salt, { ...ok, dkLen: 3 }],
    [pw, salt, { ...ok, dkLen: NaN }],
    ["password" as unknown as Uint8Array, salt, ok],
    [pw, [1, 2, 3, 4, 5, 6, 7, 8] as unknown as Uint8Array, ok],
  ];
  for (const [p, s, o] of bad) await rejects(argon2id(p, s, o), InvalidArgumentError);
  await rejects(
    argon2idWithSecret(pw, salt, { ...ok, secret: "k" as unknown as Uint8Array }),
    InvalidArgumentError,
  );
});
