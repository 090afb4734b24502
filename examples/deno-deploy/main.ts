/**
 * The Worker's routes (../workers/files_api.ts) as a Deno Deploy app:
 * `POST /uploads/<name>` presigns an upload, `GET /files/<name>` streams a
 * download. Set MINIO_ENDPOINT, MINIO_ACCESS_KEY, MINIO_SECRET_KEY and
 * BUCKET in the project's environment variables, then
 *
 *   deno run --allow-net --allow-env examples/deno-deploy/main.ts   # locally
 *   deployctl deploy --entrypoint=examples/deno-deploy/main.ts
 *
 * In your project, import the SDK as `@minio-edge/minio` (JSR) where this
 * imports "../../mod.ts".
 *
 * @module
 */
import { Minio } from "../../mod.ts";
import { filesApi, type MinioEnv } from "../workers/files_api.ts";

/** The app's handler for `env`, the function `Deno.serve` gets. */
export function handler(env: MinioEnv): (req: Request) => Promise<Response> {
  const client = new Minio({
    endPoint: env.MINIO_ENDPOINT,
    accessKey: env.MINIO_ACCESS_KEY,
    secretKey: env.MINIO_SECRET_KEY,
  });
  return async (req) =>
    await filesApi(client, env.BUCKET, req) ?? new Response("not found", { status: 404 });
}

/** The variables from Deno's environment; throws naming a missing one. */
export function envFromDeno(): MinioEnv {
  const get = (k: string) => {
    const v = Deno.env.get(k);
    if (!v) throw new Error(`${k} is not set`);
    return v;
  };
  return {
    MINIO_ENDPOINT: get("MINIO_ENDPOINT"),
    MINIO_ACCESS_KEY: get("MINIO_ACCESS_KEY"),
    MINIO_SECRET_KEY: get("MINIO_SECRET_KEY"),
    BUCKET: get("BUCKET"),
  };
}

if (import.meta.main) Deno.serve(handler(envFromDeno()));
