/**
 * What the bench scripts read from the runtime they run on, the same way on
 * Deno, Bun and Node: their arguments, their environment, and the test bed's
 * plain-HTTP MinIO (scripts/testbed.sh writes its variables to .testbed/env).
 *
 * @example
 * ```ts
 * import { arg, testbed } from "./runtime.ts";
 * const rounds = Number(arg("--rounds") ?? 3);
 * const { endpoint, accessKey } = testbed();
 * console.log(rounds, endpoint, accessKey.length);
 * ```
 *
 * @module
 */

const g = globalThis as {
  Deno?: { args: string[]; env: { get(k: string): string | undefined } };
  process?: { argv: string[]; env: Record<string, string | undefined> };
};

/** The script's own arguments. */
export const argv: string[] = g.Deno ? g.Deno.args : g.process!.argv.slice(2);

/** The argument after `name` (`--rounds 3` gives "3"), or undefined when `name` is not given. */
export function arg(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** An environment variable, or undefined when unset. */
export function optionalEnv(name: string): string | undefined {
  return g.Deno ? g.Deno.env.get(name) : g.process!.env[name];
}

/** A test-bed variable; throws, naming it, when it is unset or empty. */
export function env(name: string): string {
  const value = optionalEnv(name);
  if (!value) throw new Error(`${name} unset: start the test bed and source .testbed/env`);
  return value;
}

/** The test bed's plain-HTTP MinIO on loopback. */
export interface Testbed {
  port: string;
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** The test bed's plain-HTTP MinIO: its port, endpoint URL, keys and region. */
export function testbed(): Testbed {
  const port = env("MINIO_TEST_PORT");
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    region: "us-east-1",
  };
}
