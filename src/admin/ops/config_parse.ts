/**
 * Parses the key/value text `get-config-kv` answers into structured entries,
 * the way madmin-go's `ParseServerConfigOutput` reads it: one line per
 * subsystem target (`notify_webhook:primary endpoint="..." queue_limit=0`),
 * preceded by `# MINIO_...=...` lines for values set by environment
 * variables, which override the stored value.
 *
 * @module
 */

import { InvalidResponseError } from "../../base/errors.ts";

/**
 * A value set by an environment variable on the server.
 *
 * @example
 * ```ts
 * import type { EnvOverride } from "@minio-edge/minio/admin";
 * const [api] = await admin.configGet("api");
 * const env: EnvOverride | undefined = api.kv.find((e) => e.key === "requests_max")?.envOverride;
 * if (env) console.log(`${env.name}=${env.value}`); // MINIO_API_REQUESTS_MAX=...
 * ```
 */
export interface EnvOverride {
  /** The variable, such as `MINIO_API_REQUESTS_MAX`. */
  name: string;
  /** Its value. */
  value: string;
}

/**
 * One configuration parameter.
 *
 * @example
 * ```ts
 * import type { ConfigKV } from "@minio-edge/minio/admin";
 * const [api] = await admin.configGet("api");
 * const kv: ConfigKV[] = api.kv;
 * for (const e of kv) console.log(e.key, e.envOverride?.value ?? e.value);
 * ```
 */
export interface ConfigKV {
  /** Parameter name, such as `requests_max`. */
  key: string;
  /** The stored value. */
  value: string;
  /** The environment variable that overrides the stored value, if any. */
  envOverride?: EnvOverride;
}

/**
 * The configuration of one subsystem target.
 *
 * @example
 * ```ts
 * import type { SubsysConfig } from "@minio-edge/minio/admin";
 * const webhooks: SubsysConfig[] = await admin.configGet("notify_webhook");
 * for (const w of webhooks) console.log(w.subSystem, w.target ?? "(default)", w.kv.length);
 * ```
 */
export interface SubsysConfig {
  /** Subsystem, such as `api` or `notify_webhook`. */
  subSystem: string;
  /** Target name; absent for the default target. */
  target?: string;
  /** The parameters in the server's order. */
  kv: ConfigKV[];
}

const ENV_LINE = "# MINIO_";
const DEFAULT_TARGET = "_";

// The line itself stays out of the message: a value could be a credential.
function bad(line: string): never {
  const head = line.split(/[\s=]/, 1)[0];
  throw new InvalidResponseError(`malformed config line starting with ${head}`, 200);
}

function parseKvs(text: string, line: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  let rest = text.trim();
  while (rest) {
    const eq = rest.indexOf("=");
    if (eq <= 0) bad(line);
    const key = rest.slice(0, eq).trim();
    rest = rest.slice(eq + 1);
    let value: string;
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end < 0) bad(line);
      value = rest.slice(1, end);
      rest = rest.slice(end + 1).trim();
    } else {
      const sp = rest.indexOf(" ");
      value = sp < 0 ? rest : rest.slice(0, sp);
      rest = sp < 0 ? "" : rest.slice(sp + 1).trim();
    }
    out.push({ key, value });
  }
  return out;
}

function envKv(line: string, subSystem: string, target: string): ConfigKV {
  const body = line.slice(2);
  const eq = body.indexOf("=");
  if (eq < 0) bad(line);
  const name = body.slice(0, eq);
  const prefix = `MINIO_${subSystem.toUpperCase()}_`;
  if (!name.startsWith(prefix)) bad(line);
  let key = name.slice(prefix.length);
  if (target !== DEFAULT_TARGET && key.endsWith(`_${target}`)) {
    key = key.slice(0, -target.length - 1);
  }
  return { key: key.toLowerCase(), value: "", envOverride: { name, value: body.slice(eq + 1) } };
}

/** Parses `get-config-kv` text; throws {@link InvalidResponseError} on a malformed line. */
export function parseConfigKv(text: string): SubsysConfig[] {
  const result: SubsysConfig[] = [];
  let envLines: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith(ENV_LINE)) {
      envLines.push(line);
      continue;
    }
    if (line.startsWith("#")) continue;
    const sp = line.indexOf(" ");
    const head = sp < 0 ? line : line.slice(0, sp);
    const colon = head.indexOf(":");
    const subSystem = colon < 0 ? head : head.slice(0, colon);
    const target = colon < 0 ? DEFAULT_TARGET : head.slice(colon + 1);
    const kv = envLines.map((l) => envKv(l, subSystem, target));
    for (const { key, value } of parseKvs(sp < 0 ? "" : line.slice(sp + 1), line)) {
      const known = kv.find((e) => e.key === key);
      if (known) known.value = value;
      else kv.push({ key, value });
    }
    result.push(target === DEFAULT_TARGET ? { subSystem, kv } : { subSystem, target, kv });
    envLines = [];
  }
  return result;
}
