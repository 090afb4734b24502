/**
 * The bundle budgets of issues 7 and 12, measured as bench/size.ts measures
 * them (esbuild, minified, gzipped): a bundle over its budget (one for `.`,
 * one for `./admin`), or admin code or WebAssembly in a bundle that did not
 * import the admin client, fails.
 *
 *   node --import tsx --test tests/package/size_test.ts
 *   deno test -A tests/package/size_test.ts
 *   bun test tests/package/size_test.ts
 *
 * @module
 */

import {
  ADMIN_MARKERS,
  CONFIG_MARKERS,
  ENTRIES,
  KIB,
  type Marker,
  measure,
  type Measurement,
} from "../../bench/size.ts";
import { ok, test } from "../harness.ts";

const cache = new Map<string, Promise<Measurement>>();

/** Each bundle is built once, by the first test that needs it. */
function bundle(name: string): Promise<Measurement> {
  const entry = ENTRIES.find((e) => e.name === name);
  if (!entry) throw new Error(`bench/size.ts has no entry ${name}`);
  if (!cache.has(name)) cache.set(name, measure(entry));
  return cache.get(name)!;
}

function assertBudget(m: Measurement, budget: number): void {
  const kib = (n: number) => (n / KIB).toFixed(1);
  ok(
    m.gzipped <= budget,
    `${m.entry.label}: ${kib(m.gzipped)} KiB gz, budget ${kib(budget)} KiB ` +
      `(run \`node --import tsx bench/size.ts --why ${m.entry.name}\` to see what pulls what in)`,
  );
}

function found(m: Measurement, markers: readonly Marker[]): string[] {
  return m.markers.filter((x) => markers.includes(x.marker) && x.found).map((x) => x.marker.name);
}

test("size: (a) presign + putObject + getObject + listObjects <= 15 KiB gz", async () => {
  assertBudget(await bundle("s3-quick"), 15 * KIB);
});

test("size: (b) the whole S3 client (Minio) <= 44 KiB gz", async () => {
  assertBudget(await bundle("s3-client"), 44 * KIB);
});

test("size: (c) the admin client from ./admin alone (MinioAdmin) <= 28 KiB gz", async () => {
  assertBudget(await bundle("admin"), 28 * KIB);
});

test("size: (c) admin code and WebAssembly only where the admin client is imported", async () => {
  const admin = await bundle("admin");
  const missing = ADMIN_MARKERS.filter((m) => !found(admin, ADMIN_MARKERS).includes(m.name));
  ok(missing.length === 0, `the admin bundle lacks ${missing.map((m) => m.text)}: stale markers`);
  for (const name of ["s3-quick", "s3-client"]) {
    const leaked = found(await bundle(name), ADMIN_MARKERS);
    ok(leaked.length === 0, `${name} contains ${leaked.join(", ")}`);
  }
});

test("size: (a) carries no bucket-configuration XML", async () => {
  const leaked = found(await bundle("s3-quick"), CONFIG_MARKERS);
  ok(leaked.length === 0, `s3-quick contains ${leaked.join(", ")}`);
});
