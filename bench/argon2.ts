/**
 * Argon2id at MinIO's admin-payload parameters (t=1, m=64 MiB, p=4, 32-byte
 * key), side by side: our WebAssembly (src/admin/crypto/argon2.ts), hash-wasm
 * (WebAssembly built with Emscripten) and @noble/hashes (plain JavaScript).
 * Runs unchanged under `deno run -A`, `bun` and `node --import tsx`.
 *
 * @module
 */

import { argon2id as hashWasmArgon2id } from "hash-wasm";
import { argon2id as nobleArgon2id } from "@noble/hashes/argon2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { argon2Backend, argon2id, releaseArgon2Wasm } from "../src/admin/crypto/argon2.ts";
import { median, runtimeName } from "./rounds.ts";

const T = 1;
const M = 64 * 1024;
const P = 4;
const DK_LEN = 32;
const password = new TextEncoder().encode("minio-admin-secret-key");
const salt = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);

type Impl = { name: string; derive: () => Promise<Uint8Array>; rounds: number };

const impls: Impl[] = [
  {
    name: "minio-edge (our WASM)",
    derive: () => argon2id(password, salt, { t: T, m: M, p: P, dkLen: DK_LEN }),
    rounds: 21,
  },
  {
    // hash-wasm instantiates its module and grows fresh memory on every
    // call; this row does the same with ours, page faults included.
    name: "minio-edge, new instance per call",
    derive: () => {
      releaseArgon2Wasm();
      return argon2id(password, salt, { t: T, m: M, p: P, dkLen: DK_LEN });
    },
    rounds: 21,
  },
  {
    name: "hash-wasm",
    derive: () =>
      hashWasmArgon2id({
        password,
        salt,
        iterations: T,
        memorySize: M,
        parallelism: P,
        hashLength: DK_LEN,
        outputType: "binary",
      }),
    rounds: 21,
  },
  {
    name: "@noble/hashes (sync)",
    derive: () =>
      Promise.resolve(nobleArgon2id(password, salt, { t: T, m: M, p: P, dkLen: DK_LEN })),
    rounds: 5,
  },
];

async function time(derive: Impl["derive"]): Promise<number> {
  const start = performance.now();
  await derive();
  return performance.now() - start;
}

if (await argon2Backend() !== "wasm") throw new Error("our WebAssembly module did not load");

// The first call of each pays for compiling, growing 64 MiB of memory and
// running before the engine's optimising tier: what a short-lived process
// (one admin request) sees. It also checks that all three agree.
const first: number[] = [];
const keys: string[] = [];
for (const impl of impls) {
  const start = performance.now();
  keys.push(bytesToHex(await impl.derive()));
  first.push(performance.now() - start);
}
if (new Set(keys).size !== 1) throw new Error("the implementations disagree: " + keys.join(" "));

// One warm-up each, then rounds in rotating order so drift and neighbours'
// load hit all three alike; noble gets fewer rounds, being ten times slower.
for (const impl of impls) await impl.derive();
const samples = impls.map(() => [] as number[]);
const maxRounds = Math.max(...impls.map((i) => i.rounds));
for (let round = 0; round < maxRounds; round++) {
  for (let j = 0; j < impls.length; j++) {
    const i = (round + j) % impls.length;
    if (samples[i].length < impls[i].rounds) samples[i].push(await time(impls[i].derive));
  }
}

const med = samples.map(median);
const base = med[impls.findIndex((impl) => impl.name === "hash-wasm")];
const ms = (n: number) => n.toFixed(1);
console.log(`argon2id t=${T} m=${M} KiB p=${P} dkLen=${DK_LEN}, ${runtimeName()}`);
console.log("| implementation | rounds | median ms | min ms | first call ms | time / hash-wasm |");
console.log("|---|---:|---:|---:|---:|---:|");
impls.forEach((impl, i) => {
  const row = [impl.name, samples[i].length, ms(med[i]), ms(Math.min(...samples[i]))];
  row.push(ms(first[i]), (med[i] / base).toFixed(2) + "x");
  console.log(`| ${row.join(" | ")} |`);
});
