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

/** Polls `check` every 250 ms until it holds, for at most 30 s. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
// A restart shows as the uptime (whole seconds) falling: start from 2 s or more.
const uptime = async () => (await admin.info()).servers?.[0]?.uptime ?? 0;
await until("uptime of 2 s", async () => await uptime() >= 2);
const before = await uptime();

const { action, results } = await admin.serviceRestart();
console.log(action, results?.map((r) => `${r.host}: ${r.err ?? "ok"}`));

// The servers answer, then restart in place.
await until("restart", async () => await uptime() < before);
console.log("back online");
