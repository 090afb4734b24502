// serviceRestart, serviceStop and a whole site-replication round on a MinIO this test
// starts for itself (a throwaway data dir, a free port), never on the shared test bed.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deepEqual, equal, ok, test } from "../harness.ts";
import { MinioAdmin, PeerInfo, PeerSite, SiteReplicationStatusOptions } from "../../admin.ts";
import { env } from "./testbed.ts";
import { poll, waitFor } from "../wait.ts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `p`, or "timeout" after `ms`; the timer never outlives the race. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"timeout">((r) => timer = setTimeout(() => r("timeout"), ms));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls the liveness probe until it answers as wanted, at most 30 s. */
async function waitLive(url: string, live = true): Promise<void> {
  await poll(`MinIO at ${url} to become ${live ? "live" : "unreachable"}`, async () => {
    const up = await fetch(`${url}/minio/health/live`).then(async (r) => {
      await r.body?.cancel();
      return r.ok;
    }, () => false);
    return up === live || undefined;
  });
}

test("serviceRestart and serviceStop on a server of our own; site replication with itself", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minio-edge-admin-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const user = "edge-root";
  const password = `pw-${crypto.randomUUID()}`;
  const child = spawn(env("MINIO_TEST_MINIO_BIN"), [
    "server",
    "--quiet",
    "--address",
    `127.0.0.1:${port}`,
    dir,
  ], {
    env: {
      ...(globalThis as { process?: { env: Record<string, string> } }).process?.env,
      MINIO_ROOT_USER: user,
      MINIO_ROOT_PASSWORD: password,
      MINIO_BROWSER: "off",
      MINIO_UPDATE: "off",
    },
    stdio: "ignore",
  });
  const exited = new Promise<unknown>((resolve) => {
    child.once("exit", resolve);
    child.once("error", resolve); // a binary that cannot start never exits
  });
  try {
    await waitLive(url);
    const admin = new MinioAdmin({
      endPoint: "127.0.0.1",
      port,
      useSSL: false,
      accessKey: user,
      secretKey: password,
      maxRetries: 0, // the polls below retry by themselves
    });

    // Site replication needs one site per deployment; with only this one the
    // server sets it up (here, where no other test is disturbed) and tears it down.
    const added = await admin.addSiteReplication([new PeerSite("self", url, user, password)]);
    equal(added.success, true, added.status);
    const srInfo = await admin.getSiteReplicationInfo();
    equal(srInfo.enabled, true);
    deepEqual(srInfo.sites?.map((s) => [s.name, s.endpoint]), [["self", url]]);
    const status = await admin.getSiteReplicationStatus(
      new SiteReplicationStatusOptions({ buckets: true }),
    );
    equal(status.Enabled, true);
    const deploymentId = srInfo.sites![0].deploymentID;
    // The one edit a lone site allows: a new endpoint that reaches the same deployment.
    const renamed = `http://localhost:${port}`;
    const edited = await admin.editSiteReplication(new PeerInfo(deploymentId, renamed, 0, false));
    equal(edited.success, true, edited.status);
    equal((await admin.getSiteReplicationInfo()).sites?.[0].endpoint, renamed);
    const removed = await admin.removeSiteReplication({ allSites: true });
    ok(removed.status.includes("removed"), removed.status);
    equal((await admin.getSiteReplicationInfo()).enabled, false);

    const dry = await admin.serviceRestart({ dryRun: true });
    deepEqual([dry.action, dry.dryRun], ["restart", true]);
    equal((await admin.info()).mode, "online", "a dry run leaves the server up");

    // Uptime (whole seconds) going down is what shows the restart happened.
    const before = await waitFor("an uptime of 3 s", async () => {
      const uptime = (await admin.info()).servers?.[0].uptime ?? 0;
      return uptime >= 3 && uptime;
    }, { everyMs: 500 });
    const restart = await admin.serviceRestart();
    deepEqual([restart.action, restart.dryRun], ["restart", false]);
    ok(restart.results?.length === 1 && !restart.results[0].err, JSON.stringify(restart));
    // The server answers, then execs itself: poll until a fresh process answers.
    await poll("the server to start again (its uptime going down)", async () => {
      const uptime = (await admin.info()).servers?.[0].uptime;
      return (uptime !== undefined && uptime < before) || undefined;
    });
    equal(child.exitCode, null, "in the same process (exec keeps the PID)");

    const stop = await admin.serviceStop();
    deepEqual([stop.action, stop.dryRun], ["stop", false]);
    ok(await within(exited, 30_000) !== "timeout", "the server process exits after serviceStop");
    await waitLive(url, false);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await within(exited, 10_000);
    rmSync(dir, { recursive: true, force: true });
  }
});
