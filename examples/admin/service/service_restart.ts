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
/**
 * When the first server started (ms since the epoch), as bounds: its uptime
 * is whole seconds, counted somewhere between our request and its answer.
 */
async function started(): Promise<{ earliest: number; latest: number }> {
  const sent = Date.now();
  const uptime = (await admin.info()).servers?.[0]?.uptime;
  if (uptime === undefined) throw new Error("no uptime in the answer");
  return { earliest: sent - (uptime + 1) * 1000, latest: Date.now() - uptime * 1000 };
}
// A restart shows as a later start. (Not as the uptime falling: an answer
// that comes only seconds after the restart, when the server is slow to come
// back, may show as much uptime as before.) Start from 3 s of uptime, so the
// two starts are more than a second and the answers' time in flight apart.
await until("uptime of 3 s", async () => (await started()).latest <= Date.now() - 3_000);
const before = await started();

const { action, results } = await admin.serviceRestart();
console.log(action, results?.map((r) => `${r.host}: ${r.err ?? "ok"}`));

// The servers answer, then restart in place.
await until("restart", async () => (await started()).earliest >= before.latest);
console.log("back online");
