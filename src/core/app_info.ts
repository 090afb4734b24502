/**
 * `setAppInfo`: names the application in the User-Agent of every request.
 *
 * @module
 */

import type { MinioCore } from "./core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { setLayers } from "./fetch_layers.ts";

// An HTTP token (RFC 9110): what a User-Agent product name and version may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;

/**
 * Adds the application to the User-Agent of every request from now on:
 * `minio-edge/<version> <appName>/<appVersion>` (minio-py `set_app_info`).
 * Both must be HTTP tokens of 1 to 64 characters (letters, digits and
 * ``!#$%&'*+-.^_`|~``, no spaces or slashes). The header is not signed; a
 * caller's own `user-agent` in `extraHeaders` still wins, and where the SDK
 * sends no User-Agent of its own nothing is added. A browser may keep its
 * own: Chromium ignores the one a script sets.
 *
 * @example
 * ```ts
 * client.setAppInfo("photo-sync", "1.4.2");
 * ```
 */
export function setAppInfo(core: MinioCore, appName: string, appVersion: string): void {
  for (const [what, value] of [["appName", appName], ["appVersion", appVersion]]) {
    if (typeof value !== "string" || !TOKEN.test(value)) {
      throw new InvalidArgumentError(
        `${what} must be 1 to 64 letters, digits or !#$%&'*+-.^_\`|~ (got ${
          typeof value === "string" ? JSON.stringify(value.slice(0, 80)) : typeof value
        })`,
      );
    }
  }
  setLayers(core, { appInfo: `${appName}/${appVersion}` });
}
