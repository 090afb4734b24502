/**
 * The routes the Worker (worker.ts) and the Deno Deploy handler
 * (../deno-deploy/main.ts) share, on plain `Request` and `Response`:
 *
 * - `POST /uploads/<name>` answers `{ url, expiresAt }`: a presigned PUT URL
 *   for that object, valid 15 minutes, so the caller uploads straight to
 *   MinIO and the function never carries the bytes;
 * - `GET /files/<name>` streams the object from MinIO to the caller (a
 *   `Range: bytes=a-b` header gives a 206 with that range); the body is
 *   piped through, never held in memory.
 *
 * @module
 */
// In your project: from "minio-edge" (npm) or "@minio-edge/minio" (JSR).
import { type Minio, S3Error } from "../../mod.ts";

/** Seconds a presigned upload URL stays valid. */
export const UPLOAD_EXPIRES = 15 * 60;

/** The variables the functions read (wrangler.toml's [vars] and secrets). */
export interface MinioEnv {
  /** MinIO's URL, such as `https://minio.example.com`. */
  MINIO_ENDPOINT: string;
  MINIO_ACCESS_KEY: string;
  MINIO_SECRET_KEY: string;
  /** The bucket the routes serve. */
  BUCKET: string;
}

const NAME = /^\/(uploads|files)\/(.+)$/;

/** `bytes=a-b` or `bytes=a-` as an offset and length; `undefined` for anything else. */
function parseRange(header: string | null): { offset: number; length?: number } | undefined {
  const m = header?.match(/^bytes=(\d+)-(\d*)$/);
  if (!m) return undefined;
  const offset = Number(m[1]);
  const end = m[2] === "" ? undefined : Number(m[2]);
  if (end !== undefined && end < offset) return undefined;
  return { offset, length: end === undefined ? undefined : end - offset + 1 };
}

/** Workers' stream of a known length (not in Deno): the one their Content-Length survives. */
type FixedLengthStreamClass = new (length: number) => TransformStream<Uint8Array, Uint8Array>;

/**
 * The body to answer with. Workers send any other stream chunked, without
 * the Content-Length a download's progress needs; Deno keeps the header.
 */
function sized(
  body: ReadableStream<Uint8Array>,
  length: string | null,
): ReadableStream<Uint8Array> {
  const Fixed = (globalThis as { FixedLengthStream?: FixedLengthStreamClass }).FixedLengthStream;
  return Fixed && length !== null ? body.pipeThrough(new Fixed(Number(length))) : body;
}

/** Answers the shared routes; `undefined` when the request is not one of them. */
export async function filesApi(
  client: Minio,
  bucket: string,
  req: Request,
): Promise<Response | undefined> {
  const m = new URL(req.url).pathname.match(NAME);
  if (!m) return undefined;
  const name = decodeURIComponent(m[2]);
  try {
    if (m[1] === "uploads" && req.method === "POST") {
      const url = await client.presignedPutObject(bucket, name, { expires: UPLOAD_EXPIRES });
      const expiresAt = new Date(Date.now() + UPLOAD_EXPIRES * 1000).toISOString();
      return Response.json({ url, expiresAt });
    }
    if (m[1] === "files" && req.method === "GET") {
      const range = parseRange(req.headers.get("range"));
      const object = await client.getObject(bucket, name, range);
      const headers = new Headers({
        "content-type": object.stat.contentType ?? "application/octet-stream",
        etag: `"${object.stat.etag}"`,
      });
      for (const h of ["content-length", "content-range", "last-modified"]) {
        const v = object.headers.get(h);
        if (v !== null) headers.set(h, v);
      }
      return new Response(sized(object.body, headers.get("content-length")), {
        status: object.status,
        headers,
      });
    }
    return new Response("method not allowed", { status: 405 });
  } catch (e) {
    if (e instanceof S3Error && e.status === 404) return new Response("not found", { status: 404 });
    if (e instanceof S3Error && e.code === "InvalidRange") {
      return new Response("range not satisfiable", { status: 416 });
    }
    throw e;
  }
}
