/**
 * The presign server of the upload page: serves index.html and the page's
 * script (app.ts, bundled for the browser with `deno bundle` at startup),
 * and holds the credentials. The browser gets only presigned URLs:
 *
 * - `POST /api/uploads` `{ name, size, contentType }` starts a multipart
 *   upload and answers its plan (upload id, a presigned PUT URL per part);
 * - `GET /api/uploads/parts?name=&uploadId=` lists the stored parts, to resume;
 * - `POST /api/uploads/complete` `{ name, uploadId, parts }` completes it;
 * - `POST /api/uploads/abort` `{ name, uploadId }` aborts it (cancel);
 * - `GET /api/objects` lists the bucket.
 *
 * Run it against the MinIO of `bash scripts/demo.sh --keep` (MINIO_ENDPOINT,
 * MINIO_ACCESS_KEY, MINIO_SECRET_KEY; PORT, default 8080; BUCKET, default
 * `uploads`) and open the URL it prints:
 *
 *   deno run -A examples/browser/server.ts
 *
 * @module
 */
import { type ClientOptions, InvalidArgumentError, Minio } from "../../mod.ts";
import { setupBucket } from "./setup.ts";

const HERE = new URL(".", import.meta.url);
const MAX_SIZE = 5 * 1024 ** 4; // S3's largest object

/** Bundles app.ts (and the part of the SDK it uses) for the browser. */
export async function bundlePage(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform=browser",
      "--minify",
      decodeURIComponent(new URL("app.ts", HERE).pathname),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  if (!out.success) throw new Error(`deno bundle failed: ${text.decode(out.stderr)}`);
  return text.decode(out.stdout);
}

class BadRequest extends Error {
  override name = "BadRequest";
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") {
    throw new BadRequest(`${key} must be a non-empty string`);
  }
  return value;
}

/** The server's routes for `bucket`, with the page's script `appJs`. */
export function uploadHandler(
  client: Minio,
  bucket: string,
  appJs: string,
): (req: Request) => Promise<Response> {
  const indexHtml = Deno.readTextFileSync(new URL("index.html", HERE));
  const routes: Record<string, (req: Request, url: URL) => Promise<unknown>> = {
    "POST /api/uploads": async (req) => {
      const body = await req.json();
      const size = body.size;
      if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1 || size > MAX_SIZE) {
        throw new BadRequest("size must be 1 byte to 5 TiB");
      }
      return await client.createPresignedMultipartUpload(bucket, text(body, "name"), size, {
        contentType: text(body, "contentType"),
        expires: 3600,
      });
    },
    "GET /api/uploads/parts": (_req, url) =>
      client.listUploadedParts(
        bucket,
        url.searchParams.get("name") ?? "",
        url.searchParams.get("uploadId") ?? "",
      ),
    "POST /api/uploads/complete": async (req) => {
      const body = await req.json();
      if (!Array.isArray(body.parts)) throw new BadRequest("parts must be a list");
      return await client.completeMultipartUpload(
        bucket,
        text(body, "name"),
        text(body, "uploadId"),
        body.parts,
      );
    },
    "POST /api/uploads/abort": async (req) => {
      const body = await req.json();
      await client.abortMultipartUpload(bucket, text(body, "name"), text(body, "uploadId"));
      return { aborted: true };
    },
    "GET /api/objects": async () => {
      const list = [];
      for await (const o of client.listObjects(bucket, { recursive: true })) {
        list.push({ name: o.name, size: o.size, lastModified: o.lastModified });
      }
      return list;
    },
  };
  return async (req) => {
    const url = new URL(req.url);
    if (req.method === "GET" && url.pathname === "/") {
      return new Response(indexHtml, { headers: { "content-type": "text/html; charset=utf-8" } });
    }
    if (req.method === "GET" && url.pathname === "/app.js") {
      return new Response(appJs, { headers: { "content-type": "text/javascript" } });
    }
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) return new Response("not found", { status: 404 });
    try {
      return Response.json(await route(req, url));
    } catch (e) {
      const bad = e instanceof BadRequest || e instanceof SyntaxError ||
        e instanceof InvalidArgumentError;
      const status = bad ? 400 : 502;
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return Response.json({ error: message }, { status });
    }
  };
}

if (import.meta.main) {
  const env = (k: string, fallback: string) => Deno.env.get(k) ?? fallback;
  const options: ClientOptions = {
    endPoint: env("MINIO_ENDPOINT", "http://127.0.0.1:9000"),
    accessKey: env("MINIO_ACCESS_KEY", "minioadmin"),
    secretKey: env("MINIO_SECRET_KEY", "minioadmin"),
  };
  const bucket = env("BUCKET", "uploads");
  const appJs = await bundlePage();
  const port = Number(env("PORT", "8080"));
  const handler = uploadHandler(new Minio(options), bucket, appJs);
  const ac = new AbortController();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port,
    signal: ac.signal,
    onListen: async ({ hostname, port }) => {
      const origin = `http://${hostname}:${port}`;
      try {
        const cors = await setupBucket(options, bucket, origin);
        console.log(`bucket ${bucket} ready (CORS: ${cors})`);
        console.log(`upload page: ${origin}/`);
      } catch (e) {
        console.error(`setup failed: ${(e as Error).message}`);
        ac.abort();
      }
    },
  }, handler);
  Deno.addSignalListener("SIGTERM", () => ac.abort());
  await server.finished;
}
