/**
 * minio-js's `PostPolicy`: setters called in any order, turned into this
 * SDK's `PostPolicy` (which takes its bucket and expiry up front) when the
 * policy is signed.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { PostPolicy as Policy } from "../config/post_policy.ts";

/**
 * A POST policy built with minio-js's setters; sign it with
 * `client.presignedPostPolicy(policy)`.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const policy = client.newPostPolicy();
 * policy.setBucket("photos");
 * policy.setKey("upload.png");
 * policy.setExpires(new Date(Date.now() + 600_000));
 * policy.setContentLengthRange(1, 1024 * 1024);
 * const { postURL, formData } = await client.presignedPostPolicy(policy);
 * ```
 */
export class PostPolicy {
  #bucket?: string;
  #expires?: Date;
  readonly #steps: ((p: Policy) => void)[] = [];

  /** The bucket the form uploads to. */
  setBucket(bucketName: string): void {
    this.#bucket = bucketName;
  }

  /** When the policy stops being accepted. */
  setExpires(date: Date): void {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new InvalidArgumentError("setExpires takes a valid Date");
    }
    this.#expires = date;
  }

  /** The exact object name. */
  setKey(objectName: string): void {
    this.#steps.push((p) => p.addEqualsCondition("key", objectName));
  }

  /** The start of the object name. */
  setKeyStartsWith(prefix: string): void {
    this.#steps.push((p) => p.addStartsWithCondition("key", prefix));
  }

  /** The exact Content-Type. */
  setContentType(type: string): void {
    this.#steps.push((p) => p.addEqualsCondition("Content-Type", type));
  }

  /** The start of the Content-Type. */
  setContentTypeStartsWith(prefix: string): void {
    this.#steps.push((p) => p.addStartsWithCondition("Content-Type", prefix));
  }

  /** The exact Content-Disposition. */
  setContentDisposition(value: string): void {
    this.#steps.push((p) => p.addEqualsCondition("Content-Disposition", value));
  }

  /** Smallest and largest size in bytes. */
  setContentLengthRange(min: number, max: number): void {
    this.#steps.push((p) => p.addContentLengthRangeCondition(min, max));
  }

  /** User metadata the form must carry (`x-amz-meta-` added where missing). */
  setUserMetaData(metaData: Record<string, string>): void {
    if (metaData === null || typeof metaData !== "object") {
      throw new InvalidArgumentError("setUserMetaData takes an object of strings");
    }
    for (const [k, v] of Object.entries(metaData)) {
      const key = k.toLowerCase().startsWith("x-amz-meta-") ? k : `x-amz-meta-${k}`;
      this.#steps.push((p) => p.addEqualsCondition(key, v));
    }
  }

  /** The status the server answers a successful upload with. */
  setSuccessActionStatus(status: string | number): void {
    this.#steps.push((p) => p.addEqualsCondition("success_action_status", String(status)));
  }

  /** This SDK's policy for what was set; refuses one without bucket or expiry. */
  build(): Policy {
    if (this.#bucket === undefined) throw new InvalidArgumentError("setBucket was not called");
    if (this.#expires === undefined) throw new InvalidArgumentError("setExpires was not called");
    const policy = new Policy(this.#bucket, this.#expires);
    for (const step of this.#steps) step(policy);
    return policy;
  }
}
