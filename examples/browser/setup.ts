/**
 * The upload page's bucket: made if missing, with a CORS rule that lets the
 * page's origin PUT parts and read their ETags. The rule is sent as a raw
 * PutBucketCors request through `MinioCore` (the SDK's request pipeline).
 * MinIO answers it with `NotImplemented`: it keeps CORS server-wide and
 * allows every origin unless `api cors_allow_origin` says otherwise, so then
 * a preflight request checks that the server lets the page's origin in.
 *
 * @module
 */
import { type ClientOptions, Minio, MinioCore, S3Error } from "../../mod.ts";

/** The CORS rule the page needs: PUT parts from `origin`, ETags readable. */
export function corsRule(origin: string): string {
  const escaped = origin.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule>` +
    `<AllowedOrigin>${escaped}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>` +
    `<AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader>` +
    `<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>` +
    `</CORSRule></CORSConfiguration>`;
}

/** How the page's origin got in: the bucket's own rule, or the server's setting. */
export type CorsSource = "bucket rule" | "server-wide";

/**
 * Makes `bucket` if missing and lets `origin` upload to it; throws, with
 * what to change on the server, when the origin would be refused.
 */
export async function setupBucket(
  options: ClientOptions,
  bucket: string,
  origin: string,
): Promise<CorsSource> {
  const client = new Minio(options);
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);
  const body = new TextEncoder().encode(corsRule(origin));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body as BufferSource));
  try {
    const res = await new MinioCore(options).request({
      method: "PUT",
      bucket,
      query: [["cors", ""]],
      // S3 wants a checksum of a CORS document; SHA-256 is in Web Crypto, MD5 is not.
      headers: { "x-amz-checksum-sha256": btoa(String.fromCharCode(...digest)) },
      body,
    });
    await res.body?.cancel();
    return "bucket rule";
  } catch (e) {
    if (!(e instanceof S3Error && e.code === "NotImplemented")) throw e;
  }
  // MinIO: ask as a browser would before a part's PUT.
  const url = await client.presignedPutObject(bucket, "cors-check", { expires: 60 });
  const res = await fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "PUT" },
  });
  await res.body?.cancel();
  const allowed = res.headers.get("access-control-allow-origin");
  if (allowed !== "*" && allowed !== origin) {
    throw new Error(
      `MinIO refuses uploads from ${origin} (it allows ${allowed ?? "no origin"}); allow it with ` +
        `mc admin config set ALIAS api cors_allow_origin="${origin}"`,
    );
  }
  return "server-wide";
}
