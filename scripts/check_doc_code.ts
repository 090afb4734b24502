/**
 * Runs the TypeScript code blocks of README.md and docs/*.md against the test
 * bed, so that what the guides show works as shown.
 *
 * A block fenced as ```ts (or ```typescript) is a program: it is
 * type-checked, then run, each block on its own, in one Deno process one
 * after another (importing a module runs it), with a time bound. Blocks say
 * where they connect the way a reader would write it, and the checker points
 * them at the test bed:
 *
 * - `"@minio-edge/minio"`, `"@minio-edge/minio/admin"` and the npm names
 *   `"minio-edge"`, `"minio-edge/admin"` import this repository's mod.ts and
 *   admin.ts;
 * - `"http://127.0.0.1:9000"` is the test bed's MinIO, and
 *   `accessKey: "minioadmin"` / `secretKey: "minioadmin"` its keys
 *   (MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY are set too, for
 *   blocks that read them as the examples/ do).
 *
 * A block that is deliberately not a whole program (a line or two of an
 * operation, a browser page, an excerpt) is fenced ```ts fragment: it is
 * skipped, and counted. Buckets the blocks make are removed at the end.
 *
 *   deno run -A --cert $MINIO_TEST_CA scripts/check_doc_code.ts [file.md ...]
 *
 * The test bed comes from MINIO_TEST_* in the environment or
 * $TESTBED_DIR/env (default .testbed/env). Ends with
 * `doc-code: N passed, N failed, N fragments skipped`; exits 1 on a failure.
 *
 * @example
 * ```ts
 * import { codeBlocks } from "./check_doc_code.ts";
 * const blocks = codeBlocks("```ts\nconsole.log(1);\n```\n", "x.md");
 * console.log(blocks[0].fragment); // false
 * ```
 *
 * @module
 */

import { isMain } from "./is_main.ts";

const ROOT = new URL("../", import.meta.url);
/** Time bound of one block. */
const BLOCK_MS = 60_000;
/** What marks a block that is not a whole program. */
const FRAGMENT = "fragment";

/** One fenced TypeScript block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository. */
  file: string;
  /** Line of the opening fence (1-based). */
  line: number;
  /** The code between the fences. */
  code: string;
  /** Fenced as ```ts fragment: skipped on purpose. */
  fragment: boolean;
}

/** The ```ts / ```typescript blocks of a Markdown text. */
export function codeBlocks(text: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(\s*)(`{3,}|~{3,})\s*(\w*)\s*(.*)$/);
    if (!open) continue;
    const [, indent, fence, lang, info] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith(`${indent}${fence}`); i++) {
      body.push(lines[i].slice(indent.length));
    }
    if (lang !== "ts" && lang !== "typescript") continue;
    blocks.push({
      file,
      line: start + 1,
      code: body.join("\n") + "\n",
      fragment: info.split(/\s+/).includes(FRAGMENT),
    });
  }
  return blocks;
}

/** Where the blocks connect. */
export interface Bed {
  endpoint: string;
  accessKey: string;
  secretKey: string;
}

/** The block as it runs here: imports of this repository, the test bed's server and keys. */
export function forTestBed(code: string, bed: Bed): string {
  const entry = (name: string) => JSON.stringify(new URL(name, ROOT).href);
  return code
    .replace(/(["'])(?:@minio-edge\/minio|minio-edge)\/admin\1/g, entry("admin.ts"))
    .replace(/(["'])(?:@minio-edge\/minio|minio-edge)\1/g, entry("mod.ts"))
    .replaceAll('"http://127.0.0.1:9000"', JSON.stringify(bed.endpoint))
    .replace(/accessKey: "minioadmin"/g, `accessKey: ${JSON.stringify(bed.accessKey)}`)
    .replace(/secretKey: "minioadmin"/g, `secretKey: ${JSON.stringify(bed.secretKey)}`);
}

/** The Markdown files checked by default: README.md and every docs/*.md. */
export function defaultFiles(): string[] {
  const docs = [...Deno.readDirSync(new URL("docs/", ROOT))]
    .filter((e) => e.isFile && e.name.endsWith(".md"))
    .map((e) => `docs/${e.name}`)
    .sort();
  return ["README.md", ...docs];
}

function testBed(): Bed {
  const env: Record<string, string> = {};
  const dir = Deno.env.get("TESTBED_DIR") ?? ".testbed";
  try {
    const text = Deno.readTextFileSync(new URL(`${dir.replace(/\/?$/, "/")}env`, ROOT));
    for (const m of text.matchAll(/^(?:export\s+)?(MINIO_TEST_\w+)=(.*)$/gm)) env[m[1]] = m[2];
  } catch {
    // The environment alone, then.
  }
  const need = (name: string) => {
    const value = Deno.env.get(name) ?? env[name];
    if (!value) throw new Error(`${name} not set: start the test bed (scripts/testbed.sh start)`);
    return value;
  };
  return {
    endpoint: `http://${Deno.env.get("MINIO_TEST_HOST") ?? env.MINIO_TEST_HOST ?? "127.0.0.1"}:${
      need("MINIO_TEST_PORT")
    }`,
    accessKey: need("MINIO_TEST_ACCESS_KEY"),
    secretKey: need("MINIO_TEST_SECRET_KEY"),
  };
}

async function bucketsNow(bed: Bed): Promise<Set<string>> {
  const { Minio } = await import("../mod.ts");
  const client = new Minio({
    endPoint: bed.endpoint,
    accessKey: bed.accessKey,
    secretKey: bed.secretKey,
  });
  return new Set((await client.listBuckets()).map((b) => b.name));
}

/** Removes `bucket` and every version in it. */
async function removeBucket(bed: Bed, bucket: string): Promise<void> {
  const { Minio } = await import("../mod.ts");
  const client = new Minio({
    endPoint: bed.endpoint,
    accessKey: bed.accessKey,
    secretKey: bed.secretKey,
  });
  const objects = [];
  for await (const o of client.listObjects(bucket, { recursive: true, includeVersion: true })) {
    if (o.name) objects.push({ name: o.name, versionId: o.versionId });
  }
  for await (const e of client.removeObjects(bucket, objects, { governanceBypass: true })) {
    console.log(`  cleanup: ${bucket}/${e.name}: ${e.code}`);
  }
  for await (const u of client.listIncompleteUploads(bucket, { recursive: true })) {
    await client.removeIncompleteUpload(bucket, u.name);
  }
  await client.removeBucket(bucket);
}

async function main(files: string[]): Promise<number> {
  const bed = testBed();
  Deno.env.set("MINIO_ENDPOINT", bed.endpoint);
  Deno.env.set("MINIO_ACCESS_KEY", bed.accessKey);
  Deno.env.set("MINIO_SECRET_KEY", bed.secretKey);
  const blocks = files.flatMap((f) => codeBlocks(Deno.readTextFileSync(new URL(f, ROOT)), f));
  const programs = blocks.filter((b) => !b.fragment);
  const dir = await Deno.makeTempDir({ prefix: "minio-edge-doc-code-" });
  let passed = 0;
  let failed = 0;
  try {
    const paths = programs.map((b, i) => {
      const path = `${dir}/${b.file.replace(/\W/g, "_")}_${b.line}_${i}.ts`;
      Deno.writeTextFileSync(path, forTestBed(b.code, bed));
      return path;
    });
    // One type check of every block (a block's type error names its file and line).
    if (paths.length) {
      const check = await new Deno.Command(Deno.execPath(), {
        args: ["check", "--config", new URL("deno.json", ROOT).pathname, ...paths],
        stdout: "piped",
        stderr: "piped",
      }).output();
      if (!check.success) {
        const text = new TextDecoder().decode(check.stderr).replaceAll(`${dir}/`, "");
        console.log(`FAIL deno check of the blocks:\n${text}`);
        failed++;
      }
    }
    const before = await bucketsNow(bed);
    for (const [i, b] of programs.entries()) {
      const name = `${b.file}:${b.line}`;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          import(new URL(`file://${paths[i]}`).href),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no end in ${BLOCK_MS} ms`)), BLOCK_MS);
          }),
        ]);
        passed++;
        console.log(`ok   ${name}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}: ${e instanceof Error ? e.stack ?? e.message : e}`);
      } finally {
        clearTimeout(timer);
      }
    }
    for (const bucket of await bucketsNow(bed)) {
      if (!before.has(bucket)) await removeBucket(bed, bucket);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  const fragments = blocks.length - programs.length;
  const perFile = files.map((f) => {
    const of = blocks.filter((b) => b.file === f);
    return `${f} ${of.filter((b) => !b.fragment).length}/${of.length}`;
  });
  console.log(`blocks run / blocks, per file: ${perFile.join(", ")}`);
  console.log(`doc-code: ${passed} passed, ${failed} failed, ${fragments} fragments skipped`);
  return failed;
}

if (isMain(import.meta)) {
  const failed = await main(Deno.args.length ? Deno.args : defaultFiles());
  Deno.exit(failed ? 1 : 0);
}
