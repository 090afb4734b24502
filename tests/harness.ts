/**
 * One test API for three runners: `deno test`, `bun test` and `node --test`
 * load the same files, and `test()` registers with whichever is running.
 * Assertions come from `node:assert/strict`, which all three provide.
 *
 * Under Deno the op and resource sanitizers are on: a test that ends with a
 * timer pending, a response body unread or a connection open fails. A test
 * that cannot avoid one turns the sanitizer off through `options`, with a
 * comment at the call saying why.
 *
 * @module
 */

type TestFn = () => void | Promise<void>;

/** Per-test options; the sanitizers exist only under Deno. */
export interface TestOptions {
  /** Deno: fail if the test leaves an async op (timer, fetch, read) pending. Default true. */
  sanitizeOps?: boolean;
  /** Deno: fail if the test leaves a resource (body, file, connection) open. Default true. */
  sanitizeResources?: boolean;
  /** Bun and Node: fail the test after this long (default 120 s; Deno has no per-test timeout). */
  timeoutMs?: number;
}

type Register = (name: string, fn: TestFn, options?: TestOptions) => void;

const TIMEOUT_MS = 120_000;
const g = globalThis as Record<string, unknown>;

async function pickRunner(): Promise<Register> {
  if (g.Deno) {
    const deno = g.Deno as {
      test(
        def: { name: string; fn: TestFn; sanitizeOps: boolean; sanitizeResources: boolean },
      ): void;
    };
    return (name, fn, options = {}) =>
      deno.test({
        name,
        fn,
        sanitizeOps: options.sanitizeOps ?? true,
        sanitizeResources: options.sanitizeResources ?? true,
      });
  }
  if (g.Bun) {
    const spec = "bun:test"; // a variable, so deno check does not try to resolve it
    const bun = await import(spec) as { test(n: string, f: TestFn, t: number): void };
    return (name, fn, options = {}) => bun.test(name, fn, options.timeoutMs ?? TIMEOUT_MS);
  }
  const node = await import("node:test");
  return (name, fn, options = {}) => {
    node.test(name, { timeout: options.timeoutMs ?? TIMEOUT_MS }, fn);
  };
}

/** Registers a test with the running test runner. */
export const test: Register = await pickRunner();

export { deepEqual, equal, match, notEqual, ok, rejects, throws } from "node:assert/strict";
