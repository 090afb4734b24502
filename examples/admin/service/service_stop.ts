/**
 * `serviceStop`: stops every server of a deployment (to start them again is
 * up to whatever runs them). `{ dryRun: true }` only checks. The example runner
 * points this at a throwaway server of its own.
 *
 *   deno run -A examples/admin/service/service_stop.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const check = await admin.serviceStop({ dryRun: true });
console.log("dry run:", check.action, check.dryRun, check.results?.length, "server(s)");

const { results } = await admin.serviceStop();
console.log("stopping:", results?.map((r) => `${r.host}: ${r.err ?? "ok"}`));

// Gone once the liveness probe stops answering (polled for at most 30 s).
const live = `${process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000"}/minio/health/live`;
const deadline = Date.now() + 30_000;
while (await fetch(live).then((r) => r.body?.cancel().then(() => true), () => false)) {
  if (Date.now() > deadline) throw new Error("the server still answers after 30 s");
  await new Promise((r) => setTimeout(r, 250));
}
console.log("stopped");
