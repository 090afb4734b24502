// Node loss in the distributed MinIO of scripts/testbed_cluster.sh: 4 nodes
// of 2 drives, one erasure set of 8 drives at MinIO's default parity EC:4,
// behind nginx. One node down leaves 6 drives: reads need 4 (the data
// shards), writes 5 (data + 1, as parity equals data), so both go on. Two
// nodes down leave 4 drives: writes lose their quorum and must fail clearly.
// Every node killed here is started again and waited for (every node sees
// all 4 again) before the test ends. scripts/test.sh runs this file on its
// own, once (Deno), after the runtimes' suites, so no other test uses the
// cluster while a node is down.
//
// Size: the issue asks for 1 GiB objects. On a shared 2-core machine that
// takes minutes per runtime, so the normal run uses 64 MiB (13 parts of
// 5 MiB); MINIO_TEST_CLUSTER_MIB=1024 runs the full size.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { type Minio, S3Error, TimeoutError } from "../../mod.ts";
import { bytesOf, uniqueBucket, withBucket } from "../integration/testbed.ts";
import {
  clusterClient,
  copiesOnDrives,
  killNode,
  nodeAddresses,
  nodeAdmin,
  nodeAt,
  nodeClient,
  nodeLive,
  renewCluster,
  startNode,
} from "../integration/cluster_testbed.ts";
import { poll, waitFor } from "../wait.ts";

const g = globalThis as {
  Deno?: { env: { get(k: string): string | undefined } };
  process?: { env: Record<string, string | undefined> };
};
const mib = Number(
  (g.Deno ? g.Deno.env.get("MINIO_TEST_CLUSTER_MIB") : g.process?.env.MINIO_TEST_CLUSTER_MIB) ??
    64,
);
const MiB = 1024 * 1024;
const SIZE = mib * MiB + 1;
const PART = 5 * MiB;
const DATA = bytesOf(SIZE, 21);
const DIGEST = await sha256(DATA);
const READY_PROBE = DATA.subarray(0, PART + 1);

async function sha256(data: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function digestOf(c: Minio, bucket: string, name: string): Promise<string> {
  return await sha256(await (await c.getObject(bucket, name)).bytes());
}

async function names(c: Minio, bucket: string): Promise<string[]> {
  const out: string[] = [];
  for await (const o of c.listObjects(bucket, { recursive: true })) out.push(o.name);
  return out;
}

/** Waits until node `n` no longer answers (the kill took effect). */
async function down(n: number): Promise<void> {
  await waitFor(`node ${n} down`, async () => !(await nodeLive(n)), { timeoutMs: 10_000 });
}

/**
 * Starts every node that is down, then waits until each node's own admin
 * info shows all 4 online with their 8 drives: a restarted node is back
 * only once every peer has reconnected to it (until then a peer holds
 * cluster-wide calls such as DeleteBucket waiting for it).
 */
async function restoreAll(): Promise<void> {
  const count = nodeAddresses().length;
  for (let n = 1; n <= count; n++) if (!(await nodeLive(n))) startNode(n);
  for (let n = 1; n <= count; n++) {
    // A node starting up can hold admin info for a while: ask again instead.
    const admin = nodeAdmin(n, { maxRetries: 0, headersTimeoutMs: 5_000 });
    await poll(`node ${n} sees all 4 nodes and 8 drives online`, async () => {
      const servers = (await admin.info()).servers ?? [];
      const drives = servers.flatMap((s) => s.drives ?? []);
      return servers.length === 4 && servers.every((s) => s.state === "online") &&
          drives.length === 8 && drives.every((d) => d.state === "ok") || undefined;
    }, 120_000);
  }
}

/**
 * True once `request` succeeds, or fails with `code`: the answer an attempt
 * hears when an earlier one, whose answer was lost, already did the work.
 */
function doneOr(request: Promise<unknown>, code: string): Promise<true> {
  return request.then(
    () => true,
    (e) => {
      if (e instanceof S3Error && e.code === code) return true;
      throw e;
    },
  );
}

/**
 * The 4 nodes afresh on empty drives (each test starts from a whole,
 * healed cluster, whatever the test before it left), once they take writes:
 * a small multipart upload through the balancer completes and reads back.
 * (A cluster just started, or a node just restarted, answers health checks
 * and admin info before it does: an upload then can end in InvalidPart or
 * SlowDownWrite.)
 */
async function freshCluster(): Promise<void> {
  renewCluster();
  const probe = clusterClient({ maxRetries: 0, headersTimeoutMs: 10_000 });
  const bucket = uniqueBucket("ready");
  // An attempt whose answer was lost may have made it: the next one then
  // hears BucketAlreadyOwnedByYou, which says the same.
  await poll(
    "the cluster makes a bucket",
    () => doneOr(probe.makeBucket(bucket), "BucketAlreadyOwnedByYou"),
  );
  await poll("a multipart upload completes", async () => {
    await probe.putObject(bucket, "probe.bin", READY_PROBE, undefined, { partSize: PART });
    const back = await (await probe.getObject(bucket, "probe.bin")).bytes();
    return back.length === READY_PROBE.length || undefined;
  }, 120_000);
  // Every node then writes to every drive: a write through a node that has
  // not yet connected to a peer's drive lands on fewer than 8 (seen here:
  // 6 of 8 for a few writes after the upload above), and two nodes killed
  // can then take all but 2 of its copies, below read quorum.
  const written: string[] = [];
  for (const node of nodeAddresses().keys()) {
    const direct = nodeClient(node + 1, { maxRetries: 0, headersTimeoutMs: 10_000 });
    await poll(`a write through node ${node + 1} lands on all 8 drives`, async () => {
      const name = `full-${node + 1}-${written.length}.txt`;
      written.push(name);
      await direct.putObject(bucket, name, "full");
      return copiesOnDrives(bucket, name) === 8 || undefined;
    }, 60_000);
  }
  // The clean-up can meet the same SlowDownWrite once more (seen in CI right
  // after the upload above completed): it is retried within a bound too.
  for (const name of ["probe.bin", ...written]) {
    await poll(
      `the probe object ${name} is removed`,
      () => probe.removeObject(bucket, name).then(() => true),
    );
  }
  // An attempt whose answer was lost may have removed it.
  await poll(
    "the probe bucket is removed",
    () => doneOr(probe.removeBucket(bucket), "NoSuchBucket"),
  );
}

/**
 * Keeps the last requests `c` made, a line each (method, path and query,
 * status or error, the node nginx chose); the function returned wraps a
 * failure with them. The last request is on the message's first line, as
 * CI's digest of a failure may keep no other.
 */
function withRecentRequests(c: Minio, keep = 30): (e: unknown) => Error {
  const lines: string[] = [];
  c.traceOn((e) => {
    const url = new URL(e.url);
    const node = e.responseHeaders?.["x-minio-edge-upstream"] ?? "-";
    lines.push(`${e.method} ${url.pathname}${url.search} -> ${e.status ?? e.error} (${node})`);
    if (lines.length > keep) lines.shift();
  });
  return (e) =>
    new Error(
      `${e} [last request: ${lines.at(-1) ?? "none"}]\nthe client's last requests:\n${
        lines.join("\n")
      }`,
      { cause: e },
    );
}

test("[cluster] one node killed during an upload: byte-exact; listings and reads go on; it comes back online", async () => {
  await freshCluster();
  // Up to 60 s of retries instead of the default 20: in one CI run (a loaded
  // machine) the upload ended in SlowDownWrite, MinIO refusing writes for
  // longer than the default retries last after losing one node of four.
  const c = clusterClient({ maxRetries: 30, retryDeadlineMs: 60_000 });
  const failure = withRecentRequests(c);
  try {
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "before.txt", "written before");
      // Node 2 dies once a quarter is sent.
      let killed = false;
      await c.putObject(bucket, "big.bin", DATA, undefined, {
        partSize: PART,
        onProgress: ({ loaded }) => {
          if (killed || loaded < SIZE / 4) return;
          killed = true;
          killNode(2);
        },
      });
      ok(killed, "node 2 was killed during the upload");
      await down(2);
      equal(await digestOf(c, bucket, "big.bin"), DIGEST, "the upload");
      // With node 2 down: listings and reads.
      deepEqual(await names(c, bucket), ["before.txt", "big.bin"]);
      equal(await (await c.getObject(bucket, "before.txt")).text(), "written before");
      equal((await c.statObject(bucket, "big.bin")).size, SIZE);
      await restoreAll();
    });
  } catch (e) {
    throw failure(e);
  } finally {
    await restoreAll();
  }
});

// The node serving a download holds a read lock on the object in every
// node's lock table; killed, it never releases it, and the other nodes drop
// it only when it expires (about a minute later, MinIO's lock validity).
// Until then a write or delete of that object waits (the SDK's headers
// timeout ends the first attempt and its retry goes through once the lock
// is gone: about 100 s, measured). So this test's bucket is not removed at
// its end; the next fresh cluster (or the test bed's stop) removes it.
test("[cluster] the node serving a download killed mid-body: the download resumes through another node, byte-exact; it comes back online", async () => {
  await freshCluster();
  const c = clusterClient();
  const failure = withRecentRequests(c);
  try {
    const bucket = uniqueBucket();
    await c.makeBucket(bucket);
    await c.putObject(bucket, "big.bin", DATA, undefined, { partSize: PART });
    const res = await c.getObject(bucket, "big.bin");
    const serving = nodeAt(res.headers.get("x-minio-edge-upstream") ?? "");
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let read = 0;
    let killed = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      read += value.length;
      if (!killed && read >= SIZE / 4) {
        killed = true;
        killNode(serving);
      }
    }
    ok(killed, `node ${serving} was killed during the download`);
    const all = new Uint8Array(read);
    let at = 0;
    for (const ch of chunks) {
      all.set(ch, at);
      at += ch.length;
    }
    equal(read, SIZE, "bytes downloaded");
    equal(await sha256(all), DIGEST, "the download");
    await down(serving);
    deepEqual(await names(c, bucket), ["big.bin"]);
    await restoreAll();
  } catch (e) {
    throw failure(e);
  } finally {
    await restoreAll();
  }
});

test("[cluster] two nodes killed: reads go on; writes fail clearly (no write quorum), nothing half-written; restored", async () => {
  await freshCluster();
  const c = clusterClient();
  const failure = withRecentRequests(c);
  try {
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "kept.txt", "kept");
      // Read quorum is 4 drives: with fewer than 8 copies, nodes 3 and 4
      // may hold all but fewer than 4 of them. MinIO heals a write that
      // missed a drive within seconds (its MRF queue).
      await poll(
        "kept.txt is on all 8 drives",
        () => Promise.resolve(copiesOnDrives(bucket, "kept.txt") === 8 || undefined),
        30_000,
      );
      killNode(3);
      killNode(4);
      await down(3);
      await down(4);
      // Until a node sees them gone, it holds writes (waiting for its peers)
      // instead of answering, and reads the lost drives too: in one run a
      // GET served by node 2, which had not yet marked them offline, was
      // answered 404 while node 1 already knew. Each node's own admin info
      // shows when it knows.
      const lost = [nodeAddresses()[2], nodeAddresses()[3]];
      for (const n of [1, 2]) {
        const admin = nodeAdmin(n, { maxRetries: 0, headersTimeoutMs: 5_000 });
        await poll(`node ${n} sees nodes 3 and 4 offline`, async () => {
          const servers = (await admin.info()).servers ?? [];
          return lost.every((a) => servers.find((s) => s.endpoint === a)?.state === "offline") ||
            undefined;
        }, 60_000);
      }
      // 4 of 8 drives: enough to read (4 data shards), not to write (5).
      equal(await (await c.getObject(bucket, "kept.txt")).text(), "kept");
      deepEqual(await names(c, bucket), ["kept.txt"]);
      const quick = clusterClient({ maxRetries: 0 });
      // MinIO answers a write it cannot place with 503 SlowDownWrite, or,
      // while it is still waiting for the lost peers, not at all: either is
      // the clear end of the call (the per-call headersTimeoutMs bounds the
      // wait, with no retry, to keep the run short).
      const quorumLost = (e: unknown) =>
        e instanceof S3Error && e.code === "SlowDownWrite" && e.status === 503 ||
        e instanceof TimeoutError && e.timeout === "headers";
      for (
        const [name, body] of [["lost.txt", "lost"], [
          "lost.bin",
          DATA.subarray(0, 12 * MiB),
        ]] as const
      ) {
        const e = await quick.putObject(bucket, name, body, undefined, {
          partSize: PART,
          headersTimeoutMs: 10_000,
        }).then(() => undefined, (e: unknown) => e);
        ok(quorumLost(e), `${name}: SlowDownWrite or a headers timeout, got ${e}`);
      }
      await restoreAll();
      for (const name of ["lost.txt", "lost.bin"]) {
        const st = await c.statObject(bucket, name).then(() => "there", (e) => e);
        ok(st instanceof S3Error && st.code === "NoSuchKey", `${name}: ${st}`);
      }
      const left: string[] = [];
      for await (const u of c.listIncompleteUploads(bucket, { recursive: true })) left.push(u.name);
      deepEqual(left, [], "incomplete uploads");
      equal(await (await c.getObject(bucket, "kept.txt")).text(), "kept");
    });
  } catch (e) {
    throw failure(e);
  } finally {
    await restoreAll();
  }
});
