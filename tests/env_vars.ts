/** Setting environment variables for a test on Deno, Bun and Node, restored after. */

const g = globalThis as {
  Deno?: {
    env: {
      get(k: string): string | undefined;
      set(k: string, v: string): void;
      delete(k: string): void;
    };
  };
  process?: { env: Record<string, string | undefined> };
};

function set(k: string, v: string | undefined): void {
  if (g.Deno) v === undefined ? g.Deno.env.delete(k) : g.Deno.env.set(k, v);
  else if (v === undefined) delete g.process!.env[k];
  else g.process!.env[k] = v;
}

/** Runs `fn` with `vars` set (undefined: unset), then puts the old values back. */
export async function withEnv(
  vars: Record<string, string | undefined>,
  fn: () => Promise<void>,
): Promise<void> {
  const old: Record<string, string | undefined> = {};
  for (const k of Object.keys(vars)) {
    old[k] = g.Deno ? g.Deno.env.get(k) : g.process!.env[k];
    set(k, vars[k]);
  }
  try {
    await fn();
  } finally {
    for (const k of Object.keys(old)) set(k, old[k]);
  }
}
