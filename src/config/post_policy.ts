/**
 * The POST policy of a browser form upload: conditions the form's fields
 * must meet, signed into the `policy` and `x-amz-signature` form fields.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { bytesToBase64 } from "../crypto/base64.ts";
import { checkBucketName, checkInteger } from "../base/validate.ts";
import { credentialScope, postPolicySignature, type SigningCredentials } from "../signer/sigv4.ts";
import { amzDate } from "../signer/time.ts";

const ALGORITHM = "AWS4-HMAC-SHA256";

// Fields the signing fills in; a condition on them would contradict it.
const RESERVED = new Set([
  "bucket",
  "x-amz-algorithm",
  "x-amz-credential",
  "x-amz-date",
  "policy",
  "x-amz-signature",
]);
const NO_EQUALS = new Set(["success_action_redirect", "redirect", "content-length-range"]);
const NO_STARTS_WITH = new Set(["success_action_status", "content-length-range"]);

/**
 * An element name without its optional `$`, lower-cased: S3 and MinIO match
 * form field names case-insensitively.
 */
function elementName(element: unknown): string {
  if (typeof element !== "string" || element === "" || element === "$") {
    throw new InvalidArgumentError("condition element must be a non-empty string");
  }
  return (element.startsWith("$") ? element.slice(1) : element).toLowerCase();
}

function checkValue(value: unknown, element: string): asserts value is string {
  if (typeof value !== "string") {
    throw new InvalidArgumentError(
      `value of condition ${JSON.stringify(element)} must be a string`,
    );
  }
}

function checkSettable(name: string): void {
  if (RESERVED.has(name)) {
    throw new InvalidArgumentError(`${name} is set by the signature and cannot be a condition`);
  }
}

/**
 * The signed form fields of a {@link PostPolicy}.
 *
 * @example
 * ```ts
 * import { PostPolicy, type PostPolicyFormData } from "@minio-edge/minio";
 * const policy = new PostPolicy("photos", new Date(Date.now() + 10 * 60_000))
 *   .addEqualsCondition("key", "uploads/cat.png");
 * const credentials = { accessKey: "AK", secretKey: "SK" };
 * const fields: PostPolicyFormData = policy.formData(credentials, "us-east-1");
 * const form = new FormData();
 * for (const [name, value] of Object.entries(fields)) form.append(name, value);
 * form.append("file", new Blob(["meow"], { type: "image/png" })); // the file goes last
 * ```
 */
export type PostPolicyFormData = Record<string, string>;

/**
 * A POST policy, as minio-py's `PostPolicy`: the bucket (always an `eq`
 * condition), an expiration, `eq` and `starts-with` conditions on form
 * fields, and a `content-length-range`. A `key` condition is required
 * before signing. Form fields such as `key`, `content-type`,
 * `success_action_status`, `cache-control` and `x-amz-meta-*` are
 * constrained with {@link PostPolicy.addEqualsCondition} or
 * {@link PostPolicy.addStartsWithCondition}.
 *
 * @example
 * ```ts
 * import { PostPolicy } from "@minio-edge/minio";
 * const policy = new PostPolicy("photos", new Date(Date.now() + 10 * 60_000));
 * policy.addStartsWithCondition("key", "uploads/");
 * policy.addEqualsCondition("content-type", "image/png");
 * policy.addEqualsCondition("success_action_status", "201");
 * policy.addContentLengthRangeCondition(1, 10 * 1024 * 1024);
 * ```
 */
export class PostPolicy {
  /** The bucket the form uploads to. */
  readonly bucket: string;
  /** When the policy stops being accepted. */
  readonly expiration: Date;
  readonly #equals = new Map<string, string>();
  readonly #startsWith = new Map<string, string>();
  #lengthRange?: readonly [number, number];

  /** Starts a policy for a bucket that expires at `expiration`. */
  constructor(bucket: string, expiration: Date) {
    checkBucketName(bucket);
    if (!(expiration instanceof Date) || Number.isNaN(expiration.getTime())) {
      throw new InvalidArgumentError("expiration must be a valid Date");
    }
    this.bucket = bucket;
    this.expiration = new Date(expiration.getTime());
  }

  /**
   * Requires form field `element` to equal `value`. Not allowed for
   * `success_action_redirect`, `redirect`, `content-length-range` and the
   * fields the signature sets. Replaces an earlier condition on the element.
   */
  addEqualsCondition(element: string, value: string): this {
    const name = elementName(element);
    if (NO_EQUALS.has(name)) {
      throw new InvalidArgumentError(`${name} is unsupported for equals condition`);
    }
    checkSettable(name);
    checkValue(value, name);
    this.#equals.set(name, value);
    return this;
  }

  /** Drops the equals condition of `element`, if there is one. */
  removeEqualsCondition(element: string): this {
    this.#equals.delete(elementName(element));
    return this;
  }

  /**
   * Requires form field `element` to start with `value`; an empty `value`
   * allows any content. Not allowed for `success_action_status`,
   * `content-length-range`, and `x-amz-*` fields other than `x-amz-meta-*`.
   * Replaces an earlier condition on the element.
   */
  addStartsWithCondition(element: string, value: string): this {
    const name = elementName(element);
    if (
      NO_STARTS_WITH.has(name) || (name.startsWith("x-amz-") && !name.startsWith("x-amz-meta-"))
    ) {
      throw new InvalidArgumentError(`${name} is unsupported for starts-with condition`);
    }
    checkSettable(name);
    checkValue(value, name);
    this.#startsWith.set(name, value);
    return this;
  }

  /** Drops the starts-with condition of `element`, if there is one. */
  removeStartsWithCondition(element: string): this {
    this.#startsWith.delete(elementName(element));
    return this;
  }

  /** Limits the uploaded file's size to `lower..upper` bytes, both included. */
  addContentLengthRangeCondition(lower: number, upper: number): this {
    checkInteger(lower, "lower limit");
    checkInteger(upper, "upper limit");
    if (lower > upper) {
      throw new InvalidArgumentError("lower limit cannot be greater than upper limit");
    }
    this.#lengthRange = [lower, upper];
    return this;
  }

  /** Drops the content-length-range condition. */
  removeContentLengthRangeCondition(): this {
    this.#lengthRange = undefined;
    return this;
  }

  /** Whether a `key` condition is set, which signing requires. */
  get hasKeyCondition(): boolean {
    return this.#equals.has("key") || this.#startsWith.has("key");
  }

  /**
   * The signed form fields for credentials, region and signing time: every
   * `eq` condition's field with its value (`key`, `content-type`, ...), then
   * `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, `policy` (base64
   * JSON), `x-amz-signature` and, for temporary credentials,
   * `x-amz-security-token`. Fields under a starts-with condition are the
   * form's to add.
   *
   * @example
   * ```ts
   * import { PostPolicy } from "@minio-edge/minio";
   * const policy = new PostPolicy("photos", new Date("2030-01-01T00:00:00Z"))
   *   .addEqualsCondition("key", "a.png");
   * const fields = policy.formData({ accessKey: "AK", secretKey: "SK" }, "us-east-1");
   * console.log(fields.key, fields["x-amz-signature"].length); // "a.png" 64
   * ```
   */
  formData(
    credentials: SigningCredentials,
    region: string,
    date: Date = new Date(),
  ): PostPolicyFormData {
    if (!this.hasKeyCondition) throw new InvalidArgumentError("key condition must be set");
    if (typeof region !== "string" || region === "") {
      throw new InvalidArgumentError("region must be a non-empty string");
    }
    if (
      typeof credentials?.accessKey !== "string" || typeof credentials.secretKey !== "string" ||
      (credentials.sessionToken !== undefined && typeof credentials.sessionToken !== "string")
    ) {
      throw new InvalidArgumentError("credentials must have a string accessKey and secretKey");
    }
    // An invalid date would sign a "NaNNaNNa" stamp the server can only refuse.
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new InvalidArgumentError("date must be a valid Date");
    }
    const credential = credentials.accessKey + "/" + credentialScope(date, region, "s3");
    const stamp = amzDate(date);
    const conditions: unknown[] = [["eq", "$bucket", this.bucket]];
    for (const [k, v] of this.#equals) conditions.push(["eq", "$" + k, v]);
    for (const [k, v] of this.#startsWith) conditions.push(["starts-with", "$" + k, v]);
    if (this.#lengthRange) conditions.push(["content-length-range", ...this.#lengthRange]);
    conditions.push(["eq", "$x-amz-algorithm", ALGORITHM]);
    conditions.push(["eq", "$x-amz-credential", credential]);
    if (credentials.sessionToken) {
      conditions.push(["eq", "$x-amz-security-token", credentials.sessionToken]);
    }
    conditions.push(["eq", "$x-amz-date", stamp]);
    const json = JSON.stringify({ expiration: this.expiration.toISOString(), conditions });
    const policy = bytesToBase64(new TextEncoder().encode(json));

    const fields: PostPolicyFormData = Object.fromEntries(this.#equals);
    fields["x-amz-algorithm"] = ALGORITHM;
    fields["x-amz-credential"] = credential;
    fields["x-amz-date"] = stamp;
    fields.policy = policy;
    fields["x-amz-signature"] = postPolicySignature(policy, credentials.secretKey, region, date);
    if (credentials.sessionToken) fields["x-amz-security-token"] = credentials.sessionToken;
    return fields;
  }
}
