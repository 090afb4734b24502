/**
 * PromptObject, as minio-go and minio-py define it: a POST to the object
 * with `?lambdaArn=` and a JSON body `{ "prompt": ..., ...args }`, answered
 * by a language model that reads the object. Only MinIO AIStor serves it;
 * the community server refuses it with an S3 error.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import type { SseCustomerKey } from "../../config/sse.ts";
import { customerKeyHeaders } from "../../config/sse_check.ts";

/**
 * Options of {@link promptObject}.
 *
 * @example
 * ```ts
 * import { Minio, type PromptObjectOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: PromptObjectOptions = {
 *   lambdaArn: "arn:minio:s3-object-lambda::summarize:webhook", args: { temperature: 0.2 },
 * };
 * const res = await client.promptObject("docs", "report.pdf", "List the action items", options);
 * console.log(await res.text());
 * ```
 */
export interface PromptObjectOptions extends RequestOptions {
  /** ARN of the prompt lambda (default: empty, the server's default). */
  lambdaArn?: string;
  /** A specific version of the object. */
  versionId?: string;
  /** The SSE-C key the object was written with. */
  ssec?: SseCustomerKey;
  /** More JSON arguments for the lambda; `prompt` is reserved. */
  args?: Record<string, unknown>;
}

/**
 * Sends a prompt about an object and returns the server's response, whose
 * body streams the model's answer.
 *
 * @example
 * ```ts
 * const res = await client.promptObject("docs", "report.pdf", "Summarize this", {
 *   lambdaArn: "arn:minio:s3-object-lambda::summarize:webhook",
 * });
 * console.log(await res.text());
 * ```
 */
export async function promptObject(
  core: MinioCore,
  bucket: string,
  name: string,
  prompt: string,
  options: PromptObjectOptions = {},
): Promise<Response> {
  checkBucketName(bucket);
  checkObjectName(name);
  if (typeof prompt !== "string" || prompt === "") {
    throw new InvalidArgumentError("prompt must be a non-empty string");
  }
  checkOptionalString(options.lambdaArn, "lambdaArn");
  checkOptionalString(options.versionId, "versionId");
  const ssecHeaders = customerKeyHeaders(options.ssec, core.secure);
  const args = options.args ?? {};
  if (args === null || typeof args !== "object" || Array.isArray(args)) {
    throw new InvalidArgumentError("args must be an object");
  }
  if ("prompt" in args) throw new InvalidArgumentError("args must not contain prompt");
  const query: QueryParam[] = [["lambdaArn", options.lambdaArn ?? ""]];
  if (options.versionId) query.push(["versionId", options.versionId]);
  const body = new TextEncoder().encode(JSON.stringify({ ...args, prompt }));
  return await core.request({
    method: "POST",
    bucket,
    object: name,
    query,
    headers: { "content-type": "application/json", ...ssecHeaders },
    body,
    options,
  });
}
