/**
 * Where the argon2id WebAssembly module comes from when the application has
 * registered none: compiled from the base64 bytes in argon2_wasm_bytes.ts.
 *
 * The npm package's `workerd` build (npm/build.ts) swaps this file for one
 * that imports `./argon2id.wasm`, which Workers deliver as a compiled
 * `WebAssembly.Module`: they refuse to compile bytes, and that build then
 * carries neither the bytes nor a compile call.
 *
 * @module
 */

import { base64ToBytes } from "../../crypto/base64.ts";
import { ARGON2_WASM_BASE64 } from "./argon2_wasm_bytes.ts";

/**
 * Compiles the bundled module; rejects with `WebAssembly.CompileError` where
 * the runtime refuses to compile bytes or lacks SIMD.
 *
 * @example
 * ```ts
 * import { bundledArgon2Module } from "./argon2_wasm_source.ts";
 * const module = await bundledArgon2Module();
 * console.log(WebAssembly.Module.exports(module).length); // 3
 * ```
 */
export function bundledArgon2Module(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(base64ToBytes(ARGON2_WASM_BASE64));
}
