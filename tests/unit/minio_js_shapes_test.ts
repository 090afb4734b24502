// The minio-js Client's call shapes: every method has a line in
// src/minio_js/shapes.ts (this fails when one is added without it), and
// each refuses a wrong-typed first argument and one argument too many
// before any request.
import { deepEqual, equal, match, rejects, test, throws } from "../harness.ts";
import { Client } from "../../minio-js.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { CLIENT_SHAPES } from "../../src/minio_js/shapes.ts";
import { recordingFetch } from "./fake_fetch.ts";

/** The methods a caller can reach on the class, getters left out. */
function methods(): string[] {
  const names = new Set<string>();
  for (let p = Client.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [n, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (n !== "constructor" && typeof d.value === "function") names.add(n);
    }
  }
  return [...names].sort();
}

function client() {
  const { sent, fetch } = recordingFetch(() => new Response(""));
  const c = new Client({
    endPoint: "s3.example.test",
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    fetch,
    maxRetries: 0,
  });
  return { c, sent };
}

test("minio-js Client: one line of src/minio_js/shapes.ts per method, nothing else", () => {
  deepEqual(methods(), Object.keys(CLIENT_SHAPES).sort());
});

test("minio-js Client: a wrong-typed first argument and one argument too many are refused before any request", async () => {
  const { c, sent } = client();
  const call = c as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, shape] of Object.entries(CLIENT_SHAPES)) {
    const sync = shape.startsWith("!");
    const params = shape.replace("!", "").split("|")[0].split(" ").filter(Boolean);
    const refused = async (args: unknown[], pattern: RegExp) => {
      if (sync) throws(() => call[name](...args), pattern);
      else await rejects(Promise.resolve().then(() => call[name](...args)), pattern);
    };
    // A Symbol fits no type spec, not even `o` or `*`-free ones.
    if (params.length) await refused([Symbol("x")], new RegExp(`\\b${name}: `));
    await refused(
      new Array(params.length + 1).fill("x"),
      new RegExp(`${name} takes at most ${params.length} arguments`),
    );
  }
  equal(sent.length, 0);
});

test("minio-js Client: the message names the parameter and what was given", async () => {
  const { c } = client();
  const e = await c.presignedGetObject("photos", "a.png", "3600" as never).catch((x) => x);
  equal(e instanceof InvalidArgumentError, true);
  match(e.message, /^presignedGetObject: expiry must be a number/);
  match(e.message, /the string "3600"/);
});
