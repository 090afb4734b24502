/**
 * tests/harness.ts as it runs inside workerd (tests/edge/workerd_suite.mjs
 * registers this file under that module name): `test()` only collects, and
 * the suite's Worker runs what a test file registered when asked to. The
 * assertions are the same `node:assert/strict` (workerd's nodejs_compat).
 *
 * @module
 */

export { deepEqual, equal, match, notEqual, ok, rejects, throws } from "node:assert/strict";

const registered = [];

/** Collects a test; {@link takeRegistered} hands it to the runner. */
export function test(name, fn) {
  registered.push({ name, fn });
}

/** The tests registered since the last call, in registration order. */
export function takeRegistered() {
  return registered.splice(0);
}
