/**
 * The Worker of wrangler.toml: `POST /uploads/<name>` presigns an upload,
 * `GET /files/<name>` streams a download (files_api.ts), and
 * `GET /admin/users` lists MinIO's users with `MinioAdmin`, whose encrypted
 * answer is decrypted with the argon2id WebAssembly module wrangler bundles.
 *
 * @module
 */
import { Minio } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { filesApi, type MinioEnv } from "./files_api.ts";

export default {
  async fetch(req: Request, env: MinioEnv): Promise<Response> {
    const options = {
      endPoint: env.MINIO_ENDPOINT,
      accessKey: env.MINIO_ACCESS_KEY,
      secretKey: env.MINIO_SECRET_KEY,
    };
    const answer = await filesApi(new Minio(options), env.BUCKET, req);
    if (answer) return answer;
    if (req.method === "GET" && new URL(req.url).pathname === "/admin/users") {
      const users = await new MinioAdmin(options).userList();
      return Response.json(
        Object.entries(users).map(([accessKey, u]) => ({ accessKey, status: u.status })),
      );
    }
    return new Response("not found", { status: 404 });
  },
};
