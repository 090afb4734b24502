/**
 * Runs every per-method example (examples/<family>/<method>.ts) against the
 * test bed, one after another in this one Deno process (importing a module
 * runs it; measured faster than a process per example), each with a time
 * bound, and checks first that every public method of `Minio` and
 * `MinioAdmin` (the tables in src/s3/operations.json and
 * src/admin/operations.json, and `request`) has an example file. Ends with
 * `examples: N passed, N failed`; exits non-zero when anything failed.
 *
 *   deno run -A --cert $MINIO_TEST_CA scripts/run_examples.ts [path regexp, e.g. '^admin/users/']
 *
 * The servers come from the environment or, when not set there, from the env
 * files scripts/testbed*.sh write in $TESTBED_DIR (default .testbed): the
 * main MinIO, the LDAP and KES ones, the replication pair and the cluster.
 * The examples that restart, stop, update or reconfigure a server, and those
 * of site replication, run against two throwaway MinIO servers started here
 * (quiet, so they look for no update by themselves; the update example's dry
 * run reads a release mirror served here on loopback).
 *
 * @example
 * ```ts
 * import { methodsWithoutExample } from "./run_examples.ts";
 * console.log(await methodsWithoutExample()); // [] when every method has one
 * ```
 *
 * @module
 */

import { isMain } from "./is_main.ts";

const ROOT = new URL("../", import.meta.url);
const EXAMPLES = new URL("examples/", ROOT);
/** Folders of examples/ that are not per-method examples and have tests of their own. */
const NOT_PER_METHOD = new Set(["browser", "workers", "deno-deploy"]);
/** Time bound of one example. */
const EXAMPLE_MS = 45_000;

/** `makeBucket` -> `make_bucket`: the file name of a method's example. */
export function exampleName(method: string): string {
  return method.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Every per-method example, as a path relative to examples/, sorted. */
export async function exampleFiles(): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: URL, rel: string): Promise<void> {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory && !(rel === "" && NOT_PER_METHOD.has(e.name))) {
        await walk(new URL(`${e.name}/`, dir), `${rel}${e.name}/`);
      } else if (e.isFile && rel !== "" && e.name.endsWith(".ts") && !e.name.startsWith("_")) {
        found.push(rel + e.name); // _name.ts: a helper of the examples beside it
      }
    }
  }
  await walk(EXAMPLES, "");
  return found.sort();
}

/** The public methods (`Minio.x`, `MinioAdmin.x`) that have no example file. */
export async function methodsWithoutExample(): Promise<string[]> {
  const table = async (path: string) =>
    Object.keys(JSON.parse(await Deno.readTextFile(new URL(path, ROOT))));
  const files = await exampleFiles();
  const has = (method: string, admin: boolean) =>
    files.some((f) => f.startsWith("admin/") === admin && f.endsWith(`/${exampleName(method)}.ts`));
  const s3 = [...await table("src/s3/operations.json"), "request"];
  const admin = await table("src/admin/operations.json");
  return [
    ...s3.filter((m) => !has(m, false)).map((m) => `Minio.${m}`),
    ...admin.filter((m) => !has(m, true)).map((m) => `MinioAdmin.${m}`),
  ];
}

/** Reads `export NAME=value` lines of the test-bed env files into the environment. */
function loadTestbedEnv(): void {
  const dir = Deno.env.get("TESTBED_DIR") ?? new URL(".testbed", ROOT).pathname;
  for (
    const file of ["env", "pair.env", "ldap.env", "kes.env", "cluster.env", "oidc.env", "imds.env"]
  ) {
    let text: string;
    try {
      text = Deno.readTextFileSync(`${dir}/${file}`);
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)) {
      if (Deno.env.get(m[1]) === undefined) Deno.env.set(m[1], m[2].replace(/^"(.*)"$/, "$1"));
    }
  }
}

function need(name: string): string {
  const v = Deno.env.get(name);
  if (!v) throw new Error(`${name} is not set: start the test bed (scripts/testbed*.sh)`);
  return v;
}

/** A server an example talks to: its URL and root keys. */
interface Server {
  url: string;
  accessKey: string;
  secretKey: string;
}

/** A test-bed server from its variables: `MINIO_TEST_<bed>HOST`, `..PORT`, `..ACCESS_KEY`, `..SECRET_KEY`. */
function bedServer(bed: string, tls = false): Server {
  return {
    url: `${tls ? "https" : "http"}://${need(`MINIO_TEST_${bed}HOST`)}:${
      need(`MINIO_TEST_${bed}PORT`)
    }`,
    accessKey: need(`MINIO_TEST_${bed}ACCESS_KEY`),
    secretKey: need(`MINIO_TEST_${bed}SECRET_KEY`),
  };
}

/** One server of the replication pair (`A` or `B`). */
function pairServer(which: "A" | "B"): Server {
  return {
    url: `http://${need("MINIO_TEST_PAIR_HOST")}:${need(`MINIO_TEST_PAIR_${which}_PORT`)}`,
    accessKey: need("MINIO_TEST_PAIR_ACCESS_KEY"),
    secretKey: need(`MINIO_TEST_PAIR_${which}_SECRET_KEY`),
  };
}

/** A MinIO of the runner's own, for the examples that restart, stop or reconfigure one. */
class Throwaway {
  readonly server: Server;
  readonly #dir: string;
  readonly #child: Deno.ChildProcess;

  private constructor(dir: string, port: number, child: Deno.ChildProcess, secretKey: string) {
    this.#dir = dir;
    this.#child = child;
    this.server = { url: `http://127.0.0.1:${port}`, accessKey: "throwaway", secretKey };
  }

  static start(): Throwaway {
    const dir = Deno.makeTempDirSync({ prefix: "minio-edge-examples-" });
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    listener.close();
    const secretKey = crypto.randomUUID();
    const child = new Deno.Command(need("MINIO_TEST_MINIO_BIN"), {
      args: ["server", "--quiet", "--address", `127.0.0.1:${port}`, dir],
      env: {
        MINIO_ROOT_USER: "throwaway",
        MINIO_ROOT_PASSWORD: secretKey,
        MINIO_BROWSER: "off",
        MINIO_CI_CD: "1",
      },
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    return new Throwaway(dir, port, child, secretKey);
  }

  /** Waits (at most 30 s) for the liveness probe. */
  async live(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const up = await fetch(`${this.server.url}/minio/health/live`).then(async (r) => {
        await r.body?.cancel();
        return r.ok;
      }, () => false);
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the throwaway MinIO at ${this.server.url} did not start within 30 s`);
  }

  async stop(): Promise<void> {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already exited (serviceStop) */ }
    await this.#child.status;
    Deno.removeSync(this.#dir, { recursive: true });
  }
}

/**
 * A release mirror on loopback for the `update` example: its release
 * information names a release without a signature, so a dry run reads it and
 * stops at the signature check, and nothing leaves the machine.
 */
function releaseMirror(): { url: string; server: Deno.HttpServer } {
  const release = `${"0".repeat(64)}  minio.RELEASE.2099-01-01T00-00-00Z\n`;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (req) =>
      new URL(req.url).pathname === "/minio.sha256sum"
        ? new Response(release)
        : new Response("not found", { status: 404 }),
  );
  return { url: `http://127.0.0.1:${server.addr.port}/minio.sha256sum`, server };
}

/** The runner's two throwaway servers and the release mirror, started on first use. */
class OwnServers {
  readonly #started: Throwaway[] = [];
  #ready?: Promise<[Server, Server]>;
  #mirror?: Deno.HttpServer;

  get(): Promise<[Server, Server]> {
    this.#ready ??= (async () => {
      const pair = [Throwaway.start(), Throwaway.start()];
      this.#started.push(...pair);
      const mirror = releaseMirror();
      this.#mirror = mirror.server;
      Deno.env.set("MINIO_UPDATE_URL", mirror.url);
      await Promise.all(pair.map((t) => t.live()));
      return [pair[0].server, pair[1].server];
    })();
    return this.#ready;
  }

  async stop(): Promise<void> {
    await Promise.all(this.#started.map((t) => t.stop()));
    await this.#mirror?.shutdown();
  }
}

/** Which servers an example runs against: the server and, for two-server examples, its peer. */
async function serversFor(
  file: string,
  own: OwnServers,
): Promise<{ server: Server; peer?: Server }> {
  if (file === "admin/service/service_stop.ts") return { server: (await own.get())[1] };
  if (
    file.startsWith("admin/service/service_restart") || file === "admin/service/update.ts" ||
    file.startsWith("admin/config/")
  ) {
    return { server: (await own.get())[0] };
  }
  if (file.startsWith("admin/site_replication/")) {
    const [a, b] = await own.get();
    return { server: a, peer: b };
  }
  if (file.startsWith("admin/remote_targets/") || file.startsWith("replication/")) {
    return { server: pairServer("A"), peer: pairServer("B") };
  }
  if (file.startsWith("admin/ldap/") || file === "credentials/ldap.ts") {
    return { server: bedServer("LDAP_") };
  }
  if (/^credentials\/(web_identity|client_grants|certificate)\.ts$/.test(file)) {
    return { server: bedServer("OIDC_", true) };
  }
  if (file.startsWith("admin/kms/")) return { server: bedServer("KES_", true) };
  if (file === "admin/info/top_locks.ts") return { server: bedServer("CLUSTER_") };
  return { server: bedServer("") };
}

function setServerEnv(prefix: string, s: Server | undefined): void {
  for (
    const [k, v] of [["ENDPOINT", s?.url], ["ACCESS_KEY", s?.accessKey], [
      "SECRET_KEY",
      s?.secretKey,
    ]] as const
  ) {
    if (v === undefined) Deno.env.delete(`${prefix}${k}`);
    else Deno.env.set(`${prefix}${k}`, v);
  }
}

/** Runs the examples whose path (under examples/) matches `filter`, a regular expression; resolves with the counts. */
export async function runExamples(filter = ""): Promise<{ passed: number; failed: number }> {
  loadTestbedEnv();
  let passed = 0, failed = 0;
  const missing = await methodsWithoutExample();
  if (missing.length) {
    console.log(`FAIL every public method has an example: none for ${missing.join(", ")}`);
    failed++;
  } else {
    console.log("ok   every public method has an example");
    passed++;
  }

  const only = new RegExp(filter);
  const files = (await exampleFiles()).filter((f) => only.test(f));
  // serviceStop ends its server: last.
  files.sort((x, y) =>
    Number(x.endsWith("/service_stop.ts")) - Number(y.endsWith("/service_stop.ts"))
  );
  const own = new OwnServers();
  let current = "";
  const strays: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => {
    e.preventDefault();
    strays.push(`${current}: unhandled rejection ${e.reason}`);
  };
  globalThis.addEventListener("unhandledrejection", onRejection);
  Deno.env.set("MINIO_LDAP_BASE_DN", Deno.env.get("MINIO_TEST_LDAP_BASE_DN") ?? "");
  Deno.env.set("MINIO_NOTIFY_ARN", Deno.env.get("MINIO_TEST_WEBHOOK_ARN") ?? "");
  // The credential examples: the identity provider, the client certificate, the
  // EC2 metadata stand-in and the LDAP user's password.
  for (
    const [name, from] of [
      ["MINIO_OIDC_ISSUER", "MINIO_TEST_OIDC_ISSUER"],
      ["MINIO_OIDC_CLIENT_ID", "MINIO_TEST_OIDC_CLIENT_ID"],
      ["MINIO_OIDC_CLIENT_SECRET", "MINIO_TEST_OIDC_CLIENT_SECRET"],
      ["MINIO_CLIENT_CERT", "MINIO_TEST_OIDC_CLIENT_CERT"],
      ["MINIO_CLIENT_KEY", "MINIO_TEST_OIDC_CLIENT_KEY"],
      ["MINIO_CA", "MINIO_TEST_CA"],
      ["MINIO_IMDS_ENDPOINT", "MINIO_TEST_IMDS_URL"],
      ["MINIO_LDAP_PASSWORD", "MINIO_TEST_LDAP_PASSWORD_ALICE"],
    ]
  ) Deno.env.set(name, Deno.env.get(from) ?? "");
  const started = Date.now();
  try {
    for (const file of files) {
      current = file;
      const t0 = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const { server, peer } = await serversFor(file, own);
        setServerEnv("MINIO_", server);
        setServerEnv("MINIO_PEER_", peer);
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no end within ${EXAMPLE_MS} ms`)), EXAMPLE_MS);
        });
        await Promise.race([import(new URL(file, EXAMPLES).href), late]);
        const stray = strays.splice(0).join("; ");
        if (stray) throw new Error(stray);
        console.log(`ok   examples/${file} (${Date.now() - t0} ms)`);
        passed++;
      } catch (e) {
        console.log(`FAIL examples/${file} (${Date.now() - t0} ms): ${(e as Error).stack ?? e}`);
        failed++;
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    globalThis.removeEventListener("unhandledrejection", onRejection);
    await own.stop();
  }
  console.log(`examples ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { passed, failed };
}

if (isMain(import.meta)) {
  const { passed, failed } = await runExamples(Deno.args[0]);
  console.log(`examples: ${passed} passed, ${failed} failed`);
  // An example that timed out may still hold a connection or timer open.
  Deno.exit(failed ? 1 : 0);
}
