// The caller's signal reaches credential retrieval: an abort ends the wait
// for a slow provider at once, the provider is handed the signal, and a
// shared LDAP login is cancelled once every caller waiting for it aborted.
import { equal, ok, rejects, test } from "../harness.ts";
import { type CredentialProvider, Credentials, LdapIdentityProvider, Minio } from "../../mod.ts";
import { heldUntilAborted } from "./fake_fetch.ts";
import { waitFor } from "../wait.ts";

/** A provider that answers only when the test releases it (never on its own). */
function slowProvider() {
  const state = { signals: [] as (AbortSignal | undefined)[], release: () => {} };
  const gate = new Promise<void>((resolve) => state.release = resolve);
  const provider: CredentialProvider = {
    getCredentials(signal?: AbortSignal) {
      state.signals.push(signal);
      return gate.then(() => new Credentials("AK", "SK"));
    },
  };
  return { provider, state };
}

test("an abort ends the wait for a slow credential provider at once; nothing is sent", async () => {
  const { provider, state } = slowProvider();
  let sent = 0;
  const client = new Minio({
    endPoint: "s3.example.test",
    useSSL: false,
    region: "us-east-1",
    credentials: provider,
    fetch: (() => {
      sent++;
      return Promise.resolve(new Response(""));
    }) as typeof fetch,
  });
  const ac = new AbortController();
  const reason = new Error("caller gave up");
  const call = client.putObject("bucket", "tiny", "tiny", undefined, { signal: ac.signal });
  const settled = call.then(() => "resolved", (e) => e);
  await waitFor("the provider to be asked", () => state.signals.length > 0);
  ac.abort(reason);
  // Settles while the provider still holds its answer back (10 s: only a hang fails).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise((resolve) => timer = setTimeout(() => resolve("hung"), 10_000));
  const outcome = await Promise.race([settled, hung]);
  clearTimeout(timer);
  equal(outcome, reason);
  equal(state.signals[0], ac.signal);
  equal(sent, 0);
  state.release();
});

const STS = "http://sts.example.test:9000";

test("LdapIdentityProvider passes the signal to its STS call; the login stops when all waiters abort", async () => {
  const signals: AbortSignal[] = [];
  const fetch = ((_: RequestInfo | URL, init?: RequestInit) => {
    signals.push(init!.signal!);
    return heldUntilAborted(init?.signal ?? undefined);
  }) as typeof globalThis.fetch;
  const provider = new LdapIdentityProvider(STS, "alice", "password", { fetch });
  const a = new AbortController();
  const b = new AbortController();
  const first = provider.getCredentials(a.signal);
  const second = provider.getCredentials(b.signal);
  await waitFor("the STS request", () => signals.length > 0);
  equal(signals.length, 1); // one login shared by both callers
  a.abort(new Error("a stops"));
  await rejects(first, /a stops/);
  equal(signals[0].aborted, false); // b still waits for it
  b.abort(new Error("b stops"));
  await rejects(second, /b stops/);
  ok(signals[0].aborted);
  // A later call starts a new login rather than joining the cancelled one.
  const c = new AbortController();
  const third = provider.getCredentials(c.signal);
  await waitFor("a second STS request", () => signals.length === 2);
  c.abort(new Error("c stops"));
  await rejects(third, /c stops/);
});
