/**
 * Toxiproxy, the TCP fault proxy started by scripts/testbed_toxiproxy.sh,
 * driven through its HTTP API: each test makes a proxy of its own in front
 * of the test bed's HTTP MinIO, adds and removes toxics on it, and deletes
 * it at the end. Without Toxiproxy the fault tests fail loudly; they never
 * skip.
 */
import { type ClientOptions, Minio } from "../../mod.ts";
import { env } from "./testbed.ts";

/** A Toxiproxy test-bed variable (`MINIO_TEST_TOXIPROXY_<name>`); throws when it is not running. */
export function toxiproxyEnv(name: string): string {
  try {
    return env(`MINIO_TEST_TOXIPROXY_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_TOXIPROXY_${name} is not set: the fault tests need Toxiproxy ` +
        "(bash scripts/testbed_toxiproxy.sh start; source .testbed/toxiproxy.env)",
    );
  }
}

/** Which way a toxic acts: on what the client sends, or on what it receives. */
export type Stream = "upstream" | "downstream";

/** The toxics the tests use, with Toxiproxy's attribute names and units. */
export type Toxic =
  /** Delays each chunk by `latency` ± `jitter` ms. */
  | { type: "latency"; attributes: { latency: number; jitter?: number } }
  /** Limits each connection to `rate` KB/s. */
  | { type: "bandwidth"; attributes: { rate: number } }
  /** Cuts data into slices of `average_size` ± `size_variation` bytes, `delay` µs apart. */
  | {
    type: "slicer";
    attributes: { average_size: number; size_variation?: number; delay?: number };
  }
  /** Lets nothing through; closes the connection after `timeout` ms (0: never). */
  | { type: "timeout"; attributes: { timeout: number } }
  /** Resets the connection (TCP RST) after `timeout` ms (0: at once). */
  | { type: "reset_peer"; attributes: { timeout: number } };

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(toxiproxyEnv("API") + path, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Toxiproxy ${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

let proxies = 0;

/** One proxy of Toxiproxy in front of the test bed's HTTP MinIO. */
export class FaultProxy {
  private constructor(
    /** The proxy's name in Toxiproxy. */
    readonly name: string,
    /** Where it listens: 127.0.0.1. */
    readonly host: string,
    /** Its port, picked by Toxiproxy. */
    readonly port: number,
  ) {}

  /** Makes a proxy with a unique name, listening on a free port. */
  static async create(): Promise<FaultProxy> {
    const name = `t-${Date.now().toString(36)}-${++proxies}-${
      Math.random().toString(36).slice(2, 6)
    }`;
    const made = await api("POST", "/proxies", {
      name,
      listen: "127.0.0.1:0",
      upstream: toxiproxyEnv("UPSTREAM"),
    }) as { listen: string };
    const at = made.listen.lastIndexOf(":");
    return new FaultProxy(name, made.listen.slice(0, at), Number(made.listen.slice(at + 1)));
  }

  /** A client of the test bed's MinIO that connects through this proxy. */
  client(
    options: Pick<
      ClientOptions,
      "maxRetries" | "retryDelayMs" | "headersTimeoutMs" | "bodyTimeoutMs" | "maxResumes"
    > = {},
  ): Minio {
    return new Minio({
      endPoint: this.host,
      port: this.port,
      useSSL: false,
      accessKey: env("MINIO_TEST_ACCESS_KEY"),
      secretKey: env("MINIO_TEST_SECRET_KEY"),
      ...options,
    });
  }

  /** Adds a toxic acting on `stream`, on current and new connections; returns its name. */
  async add(stream: Stream, toxic: Toxic, name = `${toxic.type}-${stream}`): Promise<string> {
    await api("POST", `/proxies/${this.name}/toxics`, { name, stream, toxicity: 1, ...toxic });
    return name;
  }

  /** Adds the toxic on both streams (named `<type>-upstream` and `<type>-downstream`). */
  async addBoth(toxic: Toxic): Promise<void> {
    await this.add("upstream", toxic);
    await this.add("downstream", toxic);
  }

  /** Removes a toxic by name. */
  async remove(name: string): Promise<void> {
    await api("DELETE", `/proxies/${this.name}/toxics/${name}`);
  }

  /** Removes every toxic of this proxy. */
  async clear(): Promise<void> {
    const toxics = await api("GET", `/proxies/${this.name}/toxics`) as { name: string }[];
    for (const t of toxics) await this.remove(t.name);
  }

  /** Deletes the proxy, closing its connections. */
  async close(): Promise<void> {
    await api("DELETE", `/proxies/${this.name}`);
  }
}

/** Runs `fn` with a fresh proxy, deleting it after. */
export async function withProxy(fn: (proxy: FaultProxy) => Promise<void>): Promise<void> {
  const proxy = await FaultProxy.create();
  try {
    await fn(proxy);
  } finally {
    await proxy.close();
  }
}
