/**
 * Reading an environment variable on any runtime: Deno's `Deno.env`, the
 * `process.env` of Node and Bun, nothing on Workers and browsers.
 *
 * @module
 */

interface DenoEnv {
  Deno?: { env: { get(name: string): string | undefined } };
  process?: { env?: Record<string, string | undefined> };
}

/** The variable's value, or `undefined` where it is unset or unreadable. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as DenoEnv;
  try {
    if (g.Deno) return g.Deno.env.get(name);
  } catch {
    // Without --allow-env Deno throws; to us that is an unset variable.
    return undefined;
  }
  return g.process?.env?.[name];
}
