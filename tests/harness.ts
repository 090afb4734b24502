/**
 * One test API for three runners: `deno test`, `bun test` and `node --test`
 * load the same files, and `test()` registers with whichever is running.
 * Assertions come from `node:assert/strict`, which all three provide.
 *
 * @module
 */

type TestFn = () => void | Promise<void>;
type Register = (name: string, fn: TestFn) => void;

const TIMEOUT_MS = 120_000;
const g = globalThis as Record<string, unknown>;

async function pickRunner(): Promise<Register> {
  if (g.Deno) {
    const deno = g.Deno as {
      test(
        def: { name: string; fn: TestFn; sanitizeOps: boolean; sanitizeResources: boolean },
      ): void;
    };
    // Streams left for the garbage collector are fine in these tests.
    return (name, fn) => deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
  }
  if (g.Bun) {
    const spec = "bun:test"; // a variable, so deno check does not try to resolve it
    const bun = await import(spec) as { test(n: string, f: TestFn, t: number): void };
    return (name, fn) => bun.test(name, fn, TIMEOUT_MS);
  }
  const node = await import("node:test");
  return (name, fn) => {
    node.test(name, { timeout: TIMEOUT_MS }, fn);
  };
}

/** Registers a test with the running test runner. */
export const test: Register = await pickRunner();

export { deepEqual, equal, match, notEqual, ok, rejects, throws } from "node:assert/strict";
