/**
 * Bucket CORS (minio-py's `CORSConfig`): which web origins may call the
 * bucket from a browser, with which methods and headers, and which response
 * headers their scripts may read.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import { checkRuleId, childInt } from "./_checks.ts";

/**
 * A method a CORS rule can allow.
 *
 * @example
 * ```ts
 * import { type CorsMethod, CORSRule } from "@minio-edge/minio";
 * const methods: CorsMethod[] = ["GET", "HEAD"];
 * const rule = new CORSRule({ allowedMethods: methods, allowedOrigins: ["*"] });
 * ```
 */
export type CorsMethod = "GET" | "PUT" | "POST" | "DELETE" | "HEAD";

const METHODS: readonly string[] = ["GET", "PUT", "POST", "DELETE", "HEAD"];
// S3's limit on rules in one configuration.
const MAX_RULES = 100;

/**
 * Options of a {@link CORSRule}.
 *
 * @example
 * ```ts
 * import { CORSRule, type CORSRuleOptions } from "@minio-edge/minio";
 * const options: CORSRuleOptions = {
 *   allowedMethods: ["PUT", "POST"], allowedOrigins: ["https://app.example.com"],
 *   allowedHeaders: ["*"], exposeHeaders: ["ETag"], maxAgeSeconds: 3000,
 * };
 * const rule = new CORSRule(options);
 * ```
 */
export interface CORSRuleOptions {
  /** Methods the origins may use: at least one. */
  allowedMethods: readonly CorsMethod[];
  /** Origins allowed, e.g. `https://app.example.com`, at most one `*` each: at least one. */
  allowedOrigins: readonly string[];
  /** Request headers a preflight may ask for (`*` for any). */
  allowedHeaders?: readonly string[];
  /** Response headers a page's script may read, e.g. `ETag`. */
  exposeHeaders?: readonly string[];
  /** Rule ID, at most 255 characters. */
  id?: string;
  /** Seconds a browser may cache the preflight answer. */
  maxAgeSeconds?: number;
}

function strings(value: unknown, what: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) {
    throw new InvalidArgumentError(`${what} must be an array of non-empty strings`);
  }
  if (required && value.length === 0) {
    throw new InvalidArgumentError(`${what} must name at least one value`);
  }
  return [...value];
}

/**
 * One CORS rule.
 *
 * @example
 * ```ts
 * import { CORSRule } from "@minio-edge/minio";
 * const rule = new CORSRule({
 *   allowedMethods: ["GET"], allowedOrigins: ["*"], exposeHeaders: ["ETag"],
 * });
 * console.log(rule.allowedMethods); // ["GET"]
 * ```
 */
export class CORSRule {
  /** Methods allowed. */
  readonly allowedMethods: readonly CorsMethod[];
  /** Origins allowed. */
  readonly allowedOrigins: readonly string[];
  /** Request headers a preflight may ask for. */
  readonly allowedHeaders: readonly string[];
  /** Response headers exposed to scripts. */
  readonly exposeHeaders: readonly string[];
  /** Rule ID, when given. */
  readonly id?: string;
  /** Preflight cache time in seconds, when given. */
  readonly maxAgeSeconds?: number;

  /** Checks the options; throws {@link InvalidArgumentError}. */
  constructor(options: CORSRuleOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("CORS rule options must be an object");
    }
    const methods = strings(options.allowedMethods, "allowedMethods", true);
    const bad = methods.find((m) => !METHODS.includes(m));
    if (bad !== undefined) {
      throw new InvalidArgumentError(
        `allowedMethods: ${JSON.stringify(bad)} is not one of ${METHODS.join(", ")}`,
      );
    }
    const origins = strings(options.allowedOrigins, "allowedOrigins", true);
    if (origins.some((o) => o.split("*").length > 2)) {
      throw new InvalidArgumentError("allowedOrigins: an origin may hold at most one *");
    }
    const max = options.maxAgeSeconds;
    if (max !== undefined && (!Number.isSafeInteger(max) || max < 0)) {
      throw new InvalidArgumentError("maxAgeSeconds must be a non-negative integer");
    }
    this.allowedMethods = Object.freeze(methods as CorsMethod[]);
    this.allowedOrigins = Object.freeze(origins);
    this.allowedHeaders = Object.freeze(strings(options.allowedHeaders, "allowedHeaders", false));
    this.exposeHeaders = Object.freeze(strings(options.exposeHeaders, "exposeHeaders", false));
    this.id = checkRuleId(options.id);
    this.maxAgeSeconds = max;
  }

  /** The `<CORSRule>` element. */
  toXml(): string {
    const list = (name: string, values: readonly string[]) =>
      values.map((v) => textElement(name, v)).join("");
    let inner = list("AllowedHeader", this.allowedHeaders) +
      list("AllowedMethod", this.allowedMethods) +
      list("AllowedOrigin", this.allowedOrigins) +
      list("ExposeHeader", this.exposeHeaders);
    if (this.id) inner += textElement("ID", this.id);
    if (this.maxAgeSeconds !== undefined) inner += textElement("MaxAgeSeconds", this.maxAgeSeconds);
    return element("CORSRule", inner);
  }

  /** Reads a `<CORSRule>` element. */
  static fromXml(el: XmlElement): CORSRule {
    const texts = (name: string) => childrenNamed(el, name).map((e) => e.text.trim());
    return new CORSRule({
      allowedMethods: texts("AllowedMethod") as CorsMethod[],
      allowedOrigins: texts("AllowedOrigin"),
      allowedHeaders: texts("AllowedHeader"),
      exposeHeaders: texts("ExposeHeader"),
      id: childText(el, "ID") || undefined,
      maxAgeSeconds: childInt(el, "MaxAgeSeconds"),
    });
  }
}

/**
 * The CORS configuration of a bucket: 1 to 100 rules.
 *
 * @example
 * ```ts
 * import { CORSConfig, CORSRule } from "@minio-edge/minio";
 * const config = new CORSConfig([
 *   new CORSRule({
 *     allowedMethods: ["PUT", "POST", "DELETE"], allowedOrigins: ["https://www.example.com"],
 *     allowedHeaders: ["*"], exposeHeaders: ["x-amz-server-side-encryption"], maxAgeSeconds: 3000,
 *   }),
 *   new CORSRule({ allowedMethods: ["GET"], allowedOrigins: ["*"] }),
 * ]);
 * console.log(config.toXml());
 * ```
 */
export class CORSConfig {
  /** The rules, in order. */
  readonly rules: readonly CORSRule[];

  /** Checks the rules; throws {@link InvalidArgumentError}. */
  constructor(rules: readonly CORSRule[]) {
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof CORSRule))) {
      throw new InvalidArgumentError("CORS rules must be an array of CORSRule");
    }
    if (rules.length === 0 || rules.length > MAX_RULES) {
      throw new InvalidArgumentError(`a CORS configuration holds 1 to ${MAX_RULES} rules`);
    }
    this.rules = Object.freeze([...rules]);
  }

  /**
   * The rule browser uploads need: `origins` may GET, PUT, POST and HEAD
   * with any request header, and their scripts may read `ETag` (a
   * multipart upload from a page needs each part's ETag) and
   * `x-amz-version-id`.
   *
   * @example
   * ```ts
   * import { CORSConfig } from "@minio-edge/minio";
   * const config = CORSConfig.forBrowserUploads(["https://app.example.com"]);
   * console.log(config.rules[0].exposeHeaders); // ["ETag", "x-amz-version-id"]
   * ```
   */
  static forBrowserUploads(origins: readonly string[]): CORSConfig {
    return new CORSConfig([
      new CORSRule({
        allowedMethods: ["GET", "PUT", "POST", "HEAD"],
        allowedOrigins: origins,
        allowedHeaders: ["*"],
        exposeHeaders: ["ETag", "x-amz-version-id"],
        maxAgeSeconds: 3000,
      }),
    ]);
  }

  /** The `<CORSConfiguration>` document. */
  toXml(): string {
    return element("CORSConfiguration", this.rules.map((r) => r.toXml()).join(""), S3_NAMESPACE);
  }

  /** Reads a `<CORSConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): CORSConfig {
    const root = typeof xml === "string" ? parseXml(xml, "CORSConfiguration") : xml;
    return new CORSConfig(childrenNamed(root, "CORSRule").map((r) => CORSRule.fromXml(r)));
  }
}
