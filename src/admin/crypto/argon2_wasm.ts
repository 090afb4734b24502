/**
 * Loads the argon2id WebAssembly module built from wasm/ and runs it. The
 * module is the one the application registers, else the bundled one
 * (argon2_wasm_source.ts: compiled from base64 bytes, or in the npm
 * package's `workerd` build imported from `argon2id.wasm`, since Cloudflare
 * Workers refuse to compile WebAssembly from bytes but instantiate a module
 * imported from a `.wasm` file). Where neither works, the loader answers
 * `undefined` and the caller falls back to JavaScript.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { bundledArgon2Module } from "./argon2_wasm_source.ts";

/** The exports of wasm/argon2id.c. */
export interface Argon2Wasm {
  /** Linear memory: inputs, tag and blocks, grown on demand. */
  memory: WebAssembly.Memory;
  /** Makes room for `size` input bytes; returns where to write them, or 0. */
  argon2_alloc(size: number): number;
  /** Derives the tag from the written inputs; returns its address, or 0. */
  argon2_run(
    pwdLen: number,
    saltLen: number,
    secretLen: number,
    adLen: number,
    t: number,
    m: number,
    p: number,
    tagLen: number,
  ): number;
}

const EXPORTS = ["memory", "argon2_alloc", "argon2_run"];

let registered: WebAssembly.Module | undefined;
let loading: Promise<Argon2Wasm | undefined> | undefined;

/**
 * Registers the compiled argon2id module for runtimes that cannot compile
 * WebAssembly from bytes (Cloudflare Workers), or `undefined` to go back to
 * the bundled module. Takes effect at the next derivation. The npm package
 * needs no call on Workers: its `workerd` export condition imports the
 * module from its `argon2id.wasm`. Call it on Workers that bundle the
 * source instead (from JSR, say).
 *
 * @example
 * ```ts ignore
 * // In a Worker built from the source, with wasm/argon2id.wasm copied next
 * // to the worker script:
 * import argon2Wasm from "./argon2id.wasm";
 * import { setArgon2WasmModule } from "./argon2_wasm.ts";
 * setArgon2WasmModule(argon2Wasm);
 * ```
 */
export function setArgon2WasmModule(module: WebAssembly.Module | undefined): void {
  if (module !== undefined) {
    if (!(module instanceof WebAssembly.Module)) {
      throw new InvalidArgumentError("setArgon2WasmModule expects a WebAssembly.Module");
    }
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    const missing = EXPORTS.filter((n) => !names.includes(n));
    if (missing.length > 0) {
      throw new InvalidArgumentError(
        "not the argon2id module from wasm/argon2id.wasm: it lacks " + missing.join(", "),
      );
    }
  }
  registered = module;
  loading = undefined;
}

/**
 * Drops the cached instance, and with it the WebAssembly memory it grew to
 * (64 MiB after MinIO's parameters), so the garbage collector can take it.
 * The next derivation instantiates the module again.
 *
 * @example
 * ```ts
 * import { releaseArgon2Wasm } from "./argon2_wasm.ts";
 * releaseArgon2Wasm();
 * ```
 */
export function releaseArgon2Wasm(): void {
  loading = undefined;
}

/** The instantiated module, loaded once; `undefined` where WebAssembly cannot run it. */
export function loadArgon2Wasm(): Promise<Argon2Wasm | undefined> {
  loading ??= instantiate(registered).catch((e) => {
    loading = undefined; // an unexpected failure is not remembered; the next call tries again
    throw e;
  });
  return loading;
}

async function instantiate(
  module: WebAssembly.Module | undefined,
): Promise<Argon2Wasm | undefined> {
  if (typeof WebAssembly !== "object") return undefined;
  if (module === undefined) {
    try {
      module = await bundledArgon2Module();
    } catch (e) {
      // Cloudflare Workers refuse with "CompileError: Wasm code generation
      // disallowed by embedder", browsers do the same under a CSP without
      // 'wasm-unsafe-eval', and engines without SIMD reject the module as
      // invalid. The JavaScript fallback computes the same bytes.
      if (e instanceof WebAssembly.CompileError) return undefined;
      throw e;
    }
  }
  const instance = await WebAssembly.instantiate(module, {});
  return instance.exports as unknown as Argon2Wasm;
}

/**
 * Runs argon2id in the module. `parts` are password, salt, secret and
 * associated data; parameters are already validated. The inputs and the tag
 * are wiped from WebAssembly memory before this returns.
 */
export function runArgon2Wasm(
  wasm: Argon2Wasm,
  parts: [Uint8Array, Uint8Array, Uint8Array, Uint8Array],
  t: number,
  m: number,
  p: number,
  dkLen: number,
): Uint8Array {
  const total = parts.reduce((n, part) => n + part.length, 0);
  let at = wasm.argon2_alloc(total) >>> 0;
  if (at === 0) throw new RangeError("argon2id: no WebAssembly memory for the inputs");
  // Growing memory detaches old views, so each view is taken after the call.
  const memory = new Uint8Array(wasm.memory.buffer);
  for (const part of parts) {
    memory.set(part, at);
    at += part.length;
  }
  const [pwd, salt, secret, ad] = parts.map((part) => part.length);
  const tagAt = wasm.argon2_run(pwd, salt, secret, ad, t, m, p, dkLen) >>> 0;
  if (tagAt === 0) {
    throw new RangeError(`argon2id: cannot grow WebAssembly memory to ${Math.ceil(m / 1024)} MiB`);
  }
  const view = new Uint8Array(wasm.memory.buffer, tagAt, dkLen);
  const tag = view.slice();
  view.fill(0);
  return tag;
}
