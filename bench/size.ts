/**
 * Bundle sizes: each entry in bench/size/ bundled by esbuild as an
 * application's bundler would (bundle, tree-shake, minify, ESM), then gzipped
 * at level 9. Ours beside the peers, with the budgets of issue
 * 7: (a) presign + putObject + getObject + listObjects, (b) the whole S3
 * client, (c) no admin code and no WebAssembly unless the admin client is
 * imported; and of issue 12, one per subpath: (b) is what `.` costs, (c) the
 * admin client from `./admin` alone. tests/package/size_test.ts fails when a
 * budget is broken.
 *
 *   node --import tsx bench/size.ts [--why NAME]
 *   deno run -A bench/size.ts [--why NAME]
 *   bun bench/size.ts [--why NAME]
 *
 * `--why NAME` lists what the bundle of NAME is made of, biggest first, with
 * the import chain that pulls each module in (bench/size_why.ts).
 *
 * @module
 */

import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import process from "node:process";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { explain } from "./size_why.ts";
import { isMain } from "../scripts/is_main.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** 1 KiB: budgets and the table count in 1024 bytes. */
export const KIB = 1024;

/** A string whose presence in a bundle shows that some code made it in. */
export interface Marker {
  /** What its presence means. */
  name: string;
  /** The text searched for in the minified output. */
  text: string;
}

/** Admin code and the argon2 WebAssembly: (c) keeps them out of (a) and (b). */
export const ADMIN_MARKERS: readonly Marker[] = [
  { name: "admin API path", text: "/minio/admin/" },
  { name: "argon2 wasm bytes (base64 of \\0asm)", text: "AGFzbQ" },
];

/** Bucket configuration XML, which an app that only moves objects need not download. */
export const CONFIG_MARKERS: readonly Marker[] = [
  { name: "lifecycle XML", text: "LifecycleConfiguration" },
  { name: "replication XML", text: "ReplicationConfiguration" },
  { name: "notification XML", text: "NotificationConfiguration" },
];

/** One bundle to measure. */
export interface SizeEntry {
  /** Short name, used by `--why` and the test. */
  name: string;
  /** What it stands for, for the table. */
  label: string;
  /** Entry file in bench/size/. */
  file: string;
  /** esbuild platform; `node` only for minio-js, which needs Node built-ins. */
  platform?: "browser" | "node";
  /** Largest gzipped size allowed, in bytes. */
  budget?: number;
  /** Markers that must not be in the bundle. */
  mustNotContain?: readonly Marker[];
  /** Markers that must be in it (a control for the others' absence). */
  mustContain?: readonly Marker[];
}

/** Ours with their budgets, then the peers. */
export const ENTRIES: readonly SizeEntry[] = [
  {
    name: "s3-quick",
    label: "(a) presign+put+get+list",
    file: "s3_quick.ts",
    // 12 KiB until issue 13: a body timeout, a broken-download watch, object
    // name checks and an abortable credential read now run on every request
    // (their failure paths load on first use); 14.5 since the round of
    // issues 13-18 (buffered XML answers, anonymous and expired-credential
    // checks, the User-Agent, the fetch layer of traceOn/setAppInfo, the
    // constructor's key check); 15 since Node's default transport (the
    // runtime check that picks it and its loader); see bench/README.md.
    budget: 15 * KIB,
    mustNotContain: [...ADMIN_MARKERS, ...CONFIG_MARKERS],
  },
  {
    name: "s3-client",
    label: "(b) Minio, the whole S3 client",
    file: "s3_client.ts",
    budget: 44 * KIB,
    mustNotContain: ADMIN_MARKERS,
  },
  {
    name: "admin",
    label: "(c) ./admin alone: MinioAdmin",
    file: "admin.ts",
    budget: 28 * KIB,
    mustContain: ADMIN_MARKERS,
  },
  { name: "aws4fetch", label: "aws4fetch AwsClient (signer only)", file: "aws4fetch.ts" },
  { name: "s3mini", label: "s3mini S3mini", file: "s3mini.ts" },
  { name: "aws-sdk-quick", label: "@aws-sdk/client-s3 S3Client+3 cmds", file: "aws_sdk_quick.ts" },
  { name: "aws-sdk-client", label: "@aws-sdk/client-s3 S3 (all ops)", file: "aws_sdk_client.ts" },
  {
    name: "minio-js",
    label: "minio (minio-js) Client, node",
    file: "minio_js.ts",
    platform: "node",
  },
];

/** What one bundle came out as. */
export interface Measurement {
  /** The entry measured. */
  entry: SizeEntry;
  /** Minified bytes. */
  minified: number;
  /** Gzipped bytes of the minified output. */
  gzipped: number;
  /** Every marker of the entry's lists, and whether the output contains it. */
  markers: { marker: Marker; found: boolean }[];
  /** esbuild's account of the inputs, for `--why`. */
  metafile: esbuild.Metafile;
  /** The outputs counted: the entry's chunk first, then those it imports statically. */
  outputs: string[];
}

/**
 * Gzipped size at level 9 (`gzip -9`), through node:zlib, which all three
 * runtimes provide. Not `CompressionStream`: its level is not settable, and
 * Deno's and Bun's deflate differ from Node's zlib by up to 1%, which would
 * move a bundle near its budget across it depending on the runtime. Node's
 * figure is the reference; Deno's and Bun's zlib land within 0.1% of it.
 */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The outputs a page loads up front: the entry chunk and every chunk it
 * imports statically. Chunks reached only through `import()` (the multipart
 * uploader, checksums, file helpers) load when first used, as with any
 * bundler that splits code, so they are not counted.
 */
function initialOutputs(meta: esbuild.Metafile, entryOut: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of meta.outputs[path]?.imports ?? []) {
      if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
    }
  };
  visit(entryOut);
  return [...seen];
}

/** Bundles (with code splitting), minifies and gzips one entry's initial load. */
export async function measure(entry: SizeEntry): Promise<Measurement> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, "bench/size", entry.file)],
    bundle: true,
    splitting: true,
    outdir: join(ROOT, "bench/.out/size"),
    minify: true,
    format: "esm",
    platform: entry.platform ?? "browser",
    target: "es2022",
    legalComments: "none",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  // Chunks loaded through `import()` have an entry point too: find ours by name.
  const entryIn = `bench/size/${entry.file}`;
  const entryOut = Object.keys(result.metafile.outputs).find((o) =>
    result.metafile.outputs[o].entryPoint === entryIn
  )!;
  const outputs = initialOutputs(result.metafile, entryOut);
  const initial = new Set(outputs);
  const parts = result.outputFiles.filter((f) =>
    initial.has(relative(ROOT, f.path).replaceAll("\\", "/"))
  );
  const bytes = new Uint8Array(parts.reduce((n, f) => n + f.contents.length, 0));
  let at = 0;
  for (const f of parts) {
    bytes.set(f.contents, at);
    at += f.contents.length;
  }
  const text = new TextDecoder().decode(bytes);
  const markers = [...entry.mustNotContain ?? [], ...entry.mustContain ?? []]
    .map((marker) => ({ marker, found: text.includes(marker.text) }));
  return {
    entry,
    minified: bytes.length,
    gzipped: gzipSize(bytes),
    markers,
    metafile: result.metafile,
    outputs,
  };
}

/** Measures every entry, one at a time (esbuild is fast; order keeps the output stable). */
export async function measureAll(entries: readonly SizeEntry[] = ENTRIES): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const entry of entries) out.push(await measure(entry));
  return out;
}

/** Why a measurement breaks its budget or marker rules; empty when it keeps them. */
export function violations(m: Measurement): string[] {
  const out: string[] = [];
  const { budget, mustContain = [] } = m.entry;
  if (budget !== undefined && m.gzipped > budget) {
    out.push(`${m.entry.name}: ${kib(m.gzipped)} KiB gz is over its ${kib(budget)} KiB budget`);
  }
  for (const { marker, found } of m.markers) {
    const wanted = mustContain.includes(marker);
    if (found !== wanted) {
      out.push(
        `${m.entry.name}: ${wanted ? "lacks" : "contains"} ${marker.name} ("${marker.text}")`,
      );
    }
  }
  return out;
}

const kib = (bytes: number) => (bytes / KIB).toFixed(1);

/** The results as a Markdown table. */
export function table(results: readonly Measurement[]): string {
  const rows = results.map((m) => {
    const budget = m.entry.budget === undefined ? "" : `≤ ${kib(m.entry.budget)}`;
    const verdict = violations(m).length ? "FAIL" : m.entry.budget || m.markers.length ? "ok" : "";
    return [m.entry.label, kib(m.minified), kib(m.gzipped), budget, verdict];
  });
  const head = ["bundle", "min KiB", "min+gz KiB", "budget gz", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => i ? c.padStart(widths[i]) : c.padEnd(widths[i])).join(" | ")} |`;
  const rule = `|${
    widths.map((w, i) => (i ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|")
  }|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

async function main(args: string[]): Promise<void> {
  const why = args[0] === "--why" ? args[1] : undefined;
  if (args.length && !why) throw new Error("usage: size.ts [--why NAME]");
  const entries = why ? ENTRIES.filter((e) => e.name === why) : ENTRIES;
  if (!entries.length) throw new Error(`no entry ${why}; one of ${ENTRIES.map((e) => e.name)}`);
  const results = await measureAll(entries);
  console.log(table(results));
  const problems = results.flatMap(violations);
  for (const p of problems) console.log(`over budget or leaking: ${p}`);
  if (why) console.log("\n" + explain(results[0].metafile, results[0].outputs));
  if (problems.length) process.exitCode = 1;
}

if (isMain(import.meta)) {
  try {
    await main(process.argv.slice(2));
  } finally {
    await esbuild.stop();
  }
}
