// The clients' public surface: one method per line of their table of
// operations, and no member that hands out the credentials.
import { inspect } from "node:util";
import { deepEqual, equal, ok, test } from "../harness.ts";
import { Minio, MinioCore } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import s3Table from "../../src/s3/operations.json" with { type: "json" };
import adminTable from "../../src/admin/operations.json" with { type: "json" };

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY-SURFACE";
const TOKEN = "session-token-SURFACE";
const OPTIONS = {
  endPoint: "s3.example.test",
  useSSL: false,
  accessKey: "AKIDSURFACE",
  secretKey: SECRET,
  sessionToken: TOKEN,
};

/** Every member a caller can reach on the prototype chain, Object's own left out. */
function publicMembers(o: object): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(o);
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const n of Object.getOwnPropertyNames(p)) if (n !== "constructor") names.add(n);
  }
  for (const n of Object.keys(o)) names.add(n);
  return [...names].sort();
}

/** What a caller can read without calling anything: every property and getter. */
function readable(o: object): string {
  const values: unknown[] = [inspect(o, { showHidden: true, depth: 5 }), JSON.stringify(o)];
  for (const n of publicMembers(o)) {
    const v = (o as Record<string, unknown>)[n];
    if (typeof v !== "function") values.push(inspect(v, { showHidden: true, depth: 5 }));
  }
  return values.join("\n");
}

test("Minio: one method per line of src/s3/operations.json, and request plus three accessors", () => {
  const client = new Minio(OPTIONS);
  const expected = [...Object.keys(s3Table), "endpoint", "region", "request", "secure"].sort();
  deepEqual(publicMembers(client), expected);
});

test("MinioAdmin: one method per line of src/admin/operations.json, nothing else", () => {
  deepEqual(publicMembers(new MinioAdmin(OPTIONS)), Object.keys(adminTable).sort());
});

test("no client member returns or shows the secret key or the session token", () => {
  for (const o of [new Minio(OPTIONS), new MinioAdmin(OPTIONS), new MinioCore(OPTIONS)]) {
    const name = o.constructor.name;
    ok(!publicMembers(o).includes("credentials"), `${name} has a credentials member`);
    const text = readable(o);
    equal(text.includes(SECRET), false, `${name} shows the secret key`);
    equal(text.includes(TOKEN), false, `${name} shows the session token`);
  }
});
