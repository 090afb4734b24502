/**
 * The distributed MinIO started by scripts/testbed_cluster.sh: 4 nodes of 2
 * drives each behind nginx. Clients go through the balancer; the node-loss
 * tests kill a node by its PID and start it again through the script.
 * Without the cluster those tests fail loudly; they never skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { Minio } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { env } from "./testbed.ts";

/** A cluster test-bed variable (`MINIO_TEST_CLUSTER_<name>`); throws when the cluster is not running. */
export function clusterEnv(name: string): string {
  try {
    return env(`MINIO_TEST_CLUSTER_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_CLUSTER_${name} is not set: the cluster tests need the distributed MinIO ` +
        "(bash scripts/testbed_cluster.sh start; source .testbed/cluster.env)",
    );
  }
}

function options() {
  return {
    endPoint: clusterEnv("HOST"),
    port: Number(clusterEnv("PORT")),
    useSSL: false,
    accessKey: clusterEnv("ACCESS_KEY"),
    secretKey: clusterEnv("SECRET_KEY"),
  };
}

/** Retry and timeout settings a test may change. */
export interface Tuning {
  maxRetries?: number;
  retryDeadlineMs?: number;
  headersTimeoutMs?: number;
}

/** A client of the cluster through the balancer, as its root user. */
export function clusterClient(tuning: Tuning = {}): Minio {
  return new Minio({ ...options(), ...tuning });
}

/** An admin client of the cluster through the balancer, as its root user. */
export function clusterAdmin(tuning: Tuning = {}): MinioAdmin {
  return new MinioAdmin({ ...options(), ...tuning });
}

/**
 * An admin client of node `n` itself, not through the balancer: what that
 * node knows of its peers.
 */
export function nodeAdmin(n: number, tuning: Tuning = {}): MinioAdmin {
  return new MinioAdmin({ ...options(), port: nodePort(n), ...tuning });
}

/** A client of node `n` itself, not through the balancer. */
export function nodeClient(n: number, tuning: Tuning = {}): Minio {
  return new Minio({ ...options(), port: nodePort(n), ...tuning });
}

function nodePort(n: number): number {
  const at = nodeAddresses()[n - 1];
  return Number(at.slice(at.lastIndexOf(":") + 1));
}

/** The nodes' `127.0.0.1:port` addresses, node 1 first. */
export function nodeAddresses(): string[] {
  return clusterEnv("NODES").split(" ");
}

/** The node (1-4) at this address, as the balancer's X-Minio-Edge-Upstream header names it. */
export function nodeAt(address: string): number {
  const n = nodeAddresses().indexOf(address) + 1;
  if (n === 0) throw new Error(`no cluster node at ${address}`);
  return n;
}

/** Whether node `n` answers its liveness check. */
export async function nodeLive(n: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${nodeAddresses()[n - 1]}/minio/health/live`);
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** Kills node `n` with SIGKILL, by the PID the script recorded. */
export function killNode(n: number): void {
  const pid = Number(readFileSync(join(clusterEnv("DIR"), `node${n}.pid`), "utf8"));
  process.kill(pid, "SIGKILL");
}

function control(...args: string[]): void {
  execFileSync("bash", [clusterEnv("CTL"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TESTBED_DIR: dirname(clusterEnv("DIR")) },
  });
}

/** Starts node `n` again (scripts/testbed_cluster.sh start-node); does not wait for it. */
export function startNode(n: number): void {
  control("start-node", String(n));
}

/**
 * All 4 nodes killed and started again on empty drives, on the same ports
 * behind the same balancer (scripts/testbed_cluster.sh renew); returns once
 * each answers its cluster health check.
 */
export function renewCluster(): void {
  control("renew");
}

/**
 * On how many of the 8 drives `name` of `bucket` has its metadata
 * (`xl.meta`), read from the drive folders: right after a cluster starts a
 * write can land on fewer (a node not yet connected to a peer's drive), and
 * such an object may not survive two nodes killed.
 */
export function copiesOnDrives(bucket: string, name: string): number {
  let n = 0;
  for (let node = 1; node <= nodeAddresses().length; node++) {
    for (const drive of ["d1", "d2"]) {
      if (existsSync(join(clusterEnv("DIR"), `node${node}`, drive, bucket, name, "xl.meta"))) n++;
    }
  }
  return n;
}
