/**
 * Server configuration as key/value lines (`api requests_max=100 ...`).
 * MinIO encrypts the set and reset bodies and the get and history answers;
 * restore is plain. Set and reset say through the `x-minio-config-applied`
 * header whether the change is live or needs a restart.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkInteger } from "../../base/validate.ts";
import { adminCall, adminJson, adminRequest } from "../transport/transport.ts";
import { checkName } from "./_check.ts";
import { parseConfigKv, type SubsysConfig } from "./config_parse.ts";

/**
 * What setting or resetting configuration answers.
 *
 * @example
 * ```ts
 * import type { ConfigChangeResult } from "@minio-edge/minio/admin";
 * const result: ConfigChangeResult = await admin.configSet("api", { requests_max: "1000" });
 * if (result.restart) await admin.serviceRestart();
 * ```
 */
export interface ConfigChangeResult {
  /** True when the server must restart for the change to take effect. */
  restart: boolean;
}

/**
 * One entry of the configuration history.
 *
 * @example
 * ```ts
 * import type { ConfigHistoryEntry } from "@minio-edge/minio/admin";
 * const entries: ConfigHistoryEntry[] = await admin.configHistory({ count: 100 });
 * for (const e of entries) console.log(e.createTime, e.restoreId, e.data);
 * ```
 */
export interface ConfigHistoryEntry {
  /** Id to pass to `configRestore`. */
  restoreId: string;
  /** When the change was made (RFC 3339). */
  createTime: string;
  /** The key/value lines that were set. */
  data: string;
}

/**
 * Options of `configReset`.
 *
 * @example
 * ```ts
 * import type { ConfigResetOptions } from "@minio-edge/minio/admin";
 * const options: ConfigResetOptions = { name: "primary" };
 * // Resets the target notify_webhook:primary only.
 * const { restart } = await admin.configReset("notify_webhook", options);
 * ```
 */
export interface ConfigResetOptions extends RequestOptions {
  /** Reset only this target of the subsystem (`key:name`). */
  name?: string;
}

/**
 * Options of `configHistory`.
 *
 * @example
 * ```ts
 * import type { ConfigHistoryOptions } from "@minio-edge/minio/admin";
 * const options: ConfigHistoryOptions = { count: 50, signal: AbortSignal.timeout(10_000) };
 * const entries = await admin.configHistory(options);
 * ```
 */
export interface ConfigHistoryOptions extends RequestOptions {
  /**
   * At most this many entries (default 10). The server takes them in the
   * order of their ids, not of their age, so ask for many to see them all.
   */
  count?: number;
}

const CONFIG_APPLIED = "x-minio-config-applied";
const KEY = /^[A-Za-z0-9_]+(:[^\s=]*)?$/;

function checkKey(key: unknown): asserts key is string {
  checkName(key, "config key");
  if (!KEY.test(key)) {
    throw new InvalidArgumentError(`config key must be "subsystem" or "subsystem:target"`);
  }
}

// Values with blanks are quoted; the server strips one pair of either quote.
// It reads the body line by line, so a value cannot span lines.
function kvValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new InvalidArgumentError("a config value cannot hold a newline");
  if (value !== "" && !/\s/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new InvalidArgumentError("a config value with blanks cannot hold both quote characters");
}

/**
 * The configuration of a subsystem (`api`) or target (`notify_webhook:primary`).
 *
 * @example
 * ```ts
 * const [api] = await admin.configGet("api");
 * console.log(api.kv.find((e) => e.key === "requests_max")?.value);
 * ```
 */
export async function configGet(
  core: MinioCore,
  key: string,
  options?: RequestOptions,
): Promise<SubsysConfig[]> {
  checkKey(key);
  const text = await adminCall(core, {
    method: "GET",
    command: "get-config-kv",
    query: [["key", key]],
    decryptResponse: true,
    options,
  });
  return parseConfigKv(new TextDecoder().decode(text));
}

/**
 * Sets configuration values; `restart` says whether the server must restart.
 *
 * @example
 * ```ts
 * const { restart } = await admin.configSet("api", { requests_max: "1000" });
 * ```
 */
export async function configSet(
  core: MinioCore,
  key: string,
  config: Record<string, string>,
  options?: RequestOptions,
): Promise<ConfigChangeResult> {
  checkKey(key);
  if (config === null || typeof config !== "object") {
    throw new InvalidArgumentError("config must be an object of names and values");
  }
  const parts = [key];
  for (const [name, value] of Object.entries(config)) {
    if (!/^[A-Za-z0-9_]+$/.test(name)) {
      throw new InvalidArgumentError(`config name ${JSON.stringify(name)} is not valid`);
    }
    if (typeof value !== "string") throw new InvalidArgumentError(`${name} must be a string`);
    parts.push(`${name}=${kvValue(value)}`);
  }
  const res = await adminRequest(core, {
    method: "PUT",
    command: "set-config-kv",
    body: parts.join(" "),
    encryptBody: true,
    options,
  });
  return { restart: res.headers.get(CONFIG_APPLIED) !== "true" };
}

/**
 * Resets a subsystem, or one target (`name`), to its defaults.
 *
 * @example
 * ```ts
 * await admin.configReset("api");
 * ```
 */
export async function configReset(
  core: MinioCore,
  key: string,
  options: ConfigResetOptions = {},
): Promise<ConfigChangeResult> {
  checkKey(key);
  const { name } = options;
  if (name !== undefined) checkName(name, "name");
  const res = await adminRequest(core, {
    method: "DELETE",
    command: "del-config-kv",
    body: name ? `${key}:${name}` : key,
    encryptBody: true,
    options,
  });
  return { restart: res.headers.get(CONFIG_APPLIED) !== "true" };
}

/**
 * Configuration changes kept in the history, oldest first.
 *
 * @example
 * ```ts
 * const entries = await admin.configHistory({ count: 100 });
 * ```
 */
export async function configHistory(
  core: MinioCore,
  options: ConfigHistoryOptions = {},
): Promise<ConfigHistoryEntry[]> {
  const count = options.count ?? 10;
  checkInteger(count, "count", 1);
  const entries = await adminJson<ConfigHistoryEntry[] | null>(core, {
    method: "GET",
    command: "list-config-history-kv",
    query: [["count", String(count)]],
    decryptResponse: true,
    options,
  });
  return entries ?? [];
}

/**
 * Applies the change of a history entry to the stored configuration (and
 * drops the entry). The server does not apply it to the running one: that
 * takes a restart or a later set of the same subsystem.
 *
 * @example
 * ```ts
 * const [entry] = await admin.configHistory();
 * await admin.configRestore(entry.restoreId);
 * ```
 */
export async function configRestore(
  core: MinioCore,
  restoreId: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(restoreId, "restoreId");
  await adminCall(core, {
    method: "PUT",
    command: "restore-config-history-kv",
    query: [["restoreId", restoreId]],
    options,
  });
}
