// A typed rejection check for the tests of the extra test-bed servers.
import { equal, ok } from "../harness.ts";

/**
 * Asserts `p` rejects with an error of this class, `code` and `status`,
 * whose message holds none of `secrets`; returns the error.
 */
export async function rejectsWith<E extends Error & { code: string; status: number }>(
  p: Promise<unknown>,
  cls: new (...args: never[]) => E,
  code: string,
  status: number,
  secrets: string[] = [],
): Promise<E> {
  const e = await p.then(() => undefined, (e) => e);
  ok(e instanceof cls, `expected ${cls.name} ${code}, got ${e}`);
  equal(e.code, code, e.message);
  equal(e.status, status, e.message);
  for (const s of secrets) ok(!e.message.includes(s), "no secret in the message");
  return e;
}
