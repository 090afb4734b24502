/**
 * The upload page's bucket: made if missing, with a CORS rule that lets the
 * page's origin PUT parts and read their ETags (`setBucketCors` with
 * `CORSConfig.forBrowserUploads`). MinIO answers that with `NotImplemented`:
 * it keeps CORS server-wide and allows every origin unless
 * `api cors_allow_origin` says otherwise, so then a preflight request checks
 * that the server lets the page's origin in.
 *
 * @module
 */
import { type ClientOptions, CORSConfig, Minio, S3Error } from "../../mod.ts";

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
  try {
    await client.setBucketCors(bucket, CORSConfig.forBrowserUploads([origin]));
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
