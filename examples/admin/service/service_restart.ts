/**
 * `serviceRestart`: restarts every server of a deployment and waits until it
 * answers again. It interrupts everyone: `{ dryRun: true }` only checks. The
 * example runner points this at a throwaway server of its own.
 *
 *   deno run -A examples/admin/service/service_restart.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const uptime = async () => (await admin.info()).servers?.[0]?.uptime ?? 0;
const before = await uptime();
const { action, results } = await admin.serviceRestart();
console.log(action, results?.map((r) => `${r.host}: ${r.err ?? "ok"}`));

// The servers answer, then restart in place: poll (at most 30 s) until one
// answers with a smaller uptime than before.
const deadline = Date.now() + 30_000;
while (await uptime().catch(() => Infinity) >= before) {
  if (Date.now() > deadline) throw new Error("the server did not restart within 30 s");
  await new Promise((r) => setTimeout(r, 250));
}
console.log("back online");
