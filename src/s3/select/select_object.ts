/**
 * SelectObjectContent (S3 Select): run an SQL expression over one CSV, JSON
 * or Parquet object and stream back the matching records.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { md5Base64 } from "../../crypto/md5.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import { SelectObjectReader, type SelectStats } from "./reader.ts";
import { SelectRequest } from "./request.ts";
import type { SseCustomerKey } from "../../config/sse.ts";
import { customerKeyHeaders } from "../../config/sse_check.ts";

/**
 * Options of {@link selectObjectContent}.
 *
 * @example
 * ```ts
 * import { CSVInputSerialization, CSVOutputSerialization, Minio, SelectRequest } from "@minio-edge/minio";
 * import type { SelectObjectContentOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const [input, output] = [new CSVInputSerialization(), new CSVOutputSerialization()];
 * const request = new SelectRequest("SELECT * FROM S3Object", input, output, { requestProgress: true });
 * const options: SelectObjectContentOptions = { onProgress: (s) => console.log(s.bytesScanned) };
 * const result = await client.selectObjectContent("data", "people.csv", request, options);
 * console.log(await result.text());
 * ```
 */
export interface SelectObjectContentOptions extends RequestOptions {
  /** The SSE-C key the object was written with (TLS only). */
  ssec?: SseCustomerKey;
  /** Called with each Progress event (with `requestProgress` on). */
  onProgress?: (progress: SelectStats) => void;
}

/**
 * Runs `request` over the object and returns its records as a
 * {@link SelectObjectReader}. An error in the request (bad SQL, wrong input
 * format) is thrown here as an `S3Error`; one found while scanning is thrown
 * by the reader.
 *
 * @example
 * ```ts
 * import { CSVInputSerialization, CSVOutputSerialization, SelectRequest } from "@minio-edge/minio";
 * const result = await client.selectObjectContent("data", "people.csv", new SelectRequest(
 *   "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 30",
 *   new CSVInputSerialization({ fileHeaderInfo: "USE" }),
 *   new CSVOutputSerialization(),
 * ));
 * for await (const chunk of result) console.log(new TextDecoder().decode(chunk));
 * console.log(result.stats()); // { bytesScanned, bytesProcessed, bytesReturned }
 * ```
 */
export async function selectObjectContent(
  core: MinioCore,
  bucket: string,
  name: string,
  request: SelectRequest,
  options: SelectObjectContentOptions = {},
): Promise<SelectObjectReader> {
  checkBucketName(bucket);
  checkObjectName(name);
  if (!(request instanceof SelectRequest)) {
    throw new InvalidArgumentError("request must be a SelectRequest");
  }
  const ssecHeaders = customerKeyHeaders(options.ssec, core.secure);
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new InvalidArgumentError("onProgress must be a function");
  }
  const body = new TextEncoder().encode(request.toXml());
  const res = await core.request({
    method: "POST",
    bucket,
    object: name,
    query: [["select", ""], ["select-type", "2"]],
    headers: {
      "content-type": "application/xml",
      "content-md5": md5Base64(body),
      ...ssecHeaders,
    },
    body,
    options,
    // A POST that only reads: sending it again changes nothing.
    idempotent: true,
  });
  // A 200 without a body cannot hold the End event; the reader reports that.
  const stream = res.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  return new SelectObjectReader(stream, res.headers, {
    bucket,
    object: name,
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
