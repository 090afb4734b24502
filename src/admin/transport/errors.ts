/**
 * The admin API's error: MinIO answers failed admin calls with a JSON body
 * (`{"Code": ..., "Message": ...}`), not S3's XML.
 *
 * @module
 */

/**
 * A failed admin call: the HTTP status, MinIO's error code and message, and
 * the raw body. Never carries a secret.
 *
 * @example
 * ```ts
 * import { MinioAdmin, MinioAdminException } from "@minio-edge/minio/admin";
 * const admin = new MinioAdmin({ endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin" });
 * try {
 *   await admin.userInfo("nobody");
 * } catch (e) {
 *   if (e instanceof MinioAdminException) console.log(e.status, e.code);
 * }
 * ```
 */
export class MinioAdminException extends Error {
  /** The error's name, for logs and `instanceof`-free checks. */
  override name = "MinioAdminException";
  /** MinIO's error code, such as `XMinioAdminNoSuchUser`, or the status as text. */
  readonly code: string;
  /** HTTP status. */
  readonly status: number;
  /** The response body as received. */
  readonly body: string;

  /** Builds the exception from a response's status and body. */
  constructor(status: number, body: string) {
    let code = String(status);
    let message = body;
    try {
      const parsed = JSON.parse(body) as { Code?: string; Message?: string };
      if (parsed && typeof parsed === "object") {
        code = parsed.Code ?? code;
        message = parsed.Message ?? message;
      }
    } catch {
      // Not JSON: keep the body as the message.
    }
    super(`${code}: ${message || `HTTP ${status}`}`);
    this.code = code;
    this.status = status;
    this.body = body;
  }
}
