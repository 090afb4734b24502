/**
 * The layout rules of the source tree, checked on its import graph. Fails
 * (exit 1, one line per problem) on:
 *
 * 1. a cycle between files (of src/, the entries deno.json exports, and npm/);
 * 2. a cycle between folders, a folder being the directory a file is in
 *    (src/admin -> src/admin/ops -> src/admin is one);
 * 3. a `node:` module named, or `getBuiltinModule` called, in src/ or an
 *    entry, outside {@link NATIVE_ALLOWED};
 * 4. an import of src/admin/ or wasm/ from anywhere else in src/ or from
 *    mod.ts: the S3 code never loads the admin code or its WebAssembly.
 *
 * Imports are static `import` / `export ... from` (type-only ones too) and
 * `import()` of a literal path, read with comments, regular expressions and
 * template literal text left out. Prints one summary line when all is well.
 *
 *   deno run --allow-read scripts/check_layout.ts
 *
 * @module
 */

/**
 * Files that may name a `node:` module or call `process.getBuiltinModule`:
 * each reaches a runtime's own facility lazily, behind a runtime check,
 * where it was measured to pay (DESIGN.md, "Rules of the platform"). One
 * line per file: its path, and why.
 */
export const NATIVE_ALLOWED: Readonly<Record<string, string>> = {
  "src/crypto/native_hash.ts": "SigV4 hashing with node:crypto on Node: 3-4x faster signing",
  "src/s3/file/file_io.ts": "fPutObject / fGetObject reach files through node:fs/promises",
  "src/minio_js/streams.ts":
    "the minio-js entry hands out Node Readable streams (node:stream) where the runtime has them",
  "src/credentials/_files.ts": "AWS and mc config files, token files: node:fs/promises",
  "src/core/aws_chunked.ts":
    "the CRC32 trailer of Deno's aws-chunked uploads over TLS: node:zlib's crc32, ~5x ours",
  "src/base/tls_fetch.ts":
    "TLS settings on Node (a client certificate, minio-js's setRequestOptions): node:https (node:zlib for br)",
  "src/base/default_fetch.ts":
    "the default transport on Node, node:http and node:https: 2/3 the CPU of its fetch per small request (node:zlib for br)",
};

/** Folders whose TypeScript files are read, relative to the root, beside the entries. */
export const SOURCE_DIRS: readonly string[] = ["src", "npm"];

/** Where the admin code is: only it and its entry may import it or wasm/. */
const ADMIN_DIRS = ["src/admin/", "wasm/"];
const ADMIN_ENTRY = "admin.ts";

/** One import of a file. */
export interface Import {
  /** The specifier as written. */
  specifier: string;
  /** Line of the import, 1-based. */
  line: number;
}

/** What a file's code (not its comments) holds. */
export interface Scanned {
  /** Static imports and re-exports, and `import()` of a literal path. */
  imports: Import[];
  /** Lines naming a `node:` module in a string, or `getBuiltinModule`. */
  native: { line: number; what: string }[];
}

const isIdentChar = (c: string) => /[\w$]/.test(c);
// After one of these (or at the start), a `/` opens a regular expression.
const REGEX_BEFORE = new Set("(,=:[!&|?{};+-*%<>~^".split(""));
const REGEX_AFTER_WORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "void"]);

/**
 * The code of a TypeScript file with its comments, regular expression
 * bodies and template literal text blanked (newlines kept, so lines still
 * count), and the text of every string and template literal with its line.
 */
function mask(source: string): { code: string; strings: { text: string; line: number }[] } {
  const out: string[] = [];
  const strings: { text: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  // Open `${` of template literals: the brace depth at which each resumes.
  const templates: number[] = [];
  let depth = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  const push = (s: string, keep: boolean) => {
    out.push(keep ? s : blank(s));
    for (const c of s) if (c === "\n") line++;
  };
  const lastSignificant = () => {
    for (let k = out.length - 1; k >= 0; k--) {
      const t = out[k].trimEnd();
      if (t) return t;
    }
    return "";
  };
  const template = () => { // at the character after "`" or "}"
    let j = i;
    let text = "";
    while (j < source.length && source[j] !== "`") {
      if (source[j] === "\\") {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === "$" && source[j + 1] === "{") break;
      else text += source[j++];
    }
    strings.push({ text, line });
    push(source.slice(i, j), false);
    if (source[j] === "`") {
      push("`", true);
      i = j + 1;
    } else if (j < source.length) {
      push("${", true);
      templates.push(depth);
      depth++;
      i = j + 2;
    } else i = j;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      push(source.slice(i, end < 0 ? source.length : end), false);
      i = end < 0 ? source.length : end;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      push(source.slice(i, stop), false);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== "\n") {
        j += source[j] === "\\" ? 2 : 1;
      }
      strings.push({ text: source.slice(i + 1, j), line });
      push(source.slice(i, j + 1), true);
      i = j + 1;
    } else if (c === "`") {
      push("`", true);
      i++;
      template();
    } else if (c === "/") {
      const before = lastSignificant();
      const word = before.match(/[\w$]+$/)?.[0];
      const regex = before === "" || REGEX_BEFORE.has(before[before.length - 1]) ||
        (word !== undefined && REGEX_AFTER_WORDS.has(word));
      if (!regex) {
        push(c, true);
        i++;
        continue;
      }
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== "\n") {
        if (source[j] === "\\") j++;
        else if (source[j] === "[") inClass = true;
        else if (source[j] === "]") inClass = false;
        else if (source[j] === "/" && !inClass) break;
        j++;
      }
      push("/", true);
      push(source.slice(i + 1, j), false);
      push("/", true);
      i = j + 1;
    } else if (c === "{") {
      depth++;
      push(c, true);
      i++;
    } else if (c === "}") {
      depth--;
      push(c, true);
      i++;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        template();
      }
    } else {
      let j = i + 1;
      if (isIdentChar(c)) { while (j < source.length && isIdentChar(source[j])) j++; }
      push(source.slice(i, j), true);
      i = j;
    }
  }
  return { code: out.join(""), strings };
}

// `import x, { a as b, type C } from "m"`, `export * as n from "m"`, `import type { T } from "m"`.
const STATIC_FROM = /\b(?:import|export)\s+[\w$*{}\s,]*?\bfrom\s*(["'])([^"'\n]+)\1/g;
// `import "m"`: for its side effects.
const STATIC_BARE = /\bimport\s*(["'])([^"'\n]+)\1/g;
// `import("m")`.
const DYNAMIC = /\bimport\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g;

/** The imports and native facilities of one file's source text. */
export function scan(source: string): Scanned {
  const { code, strings } = mask(source);
  const lineAt = (index: number) => code.slice(0, index).split("\n").length;
  const imports: Import[] = [];
  for (const re of [STATIC_FROM, STATIC_BARE, DYNAMIC]) {
    for (const m of code.matchAll(re)) imports.push({ specifier: m[2], line: lineAt(m.index) });
  }
  imports.sort((a, b) => a.line - b.line);
  const native = strings.filter((s) => s.text.startsWith("node:"))
    .map((s) => ({ line: s.line, what: `"${s.text}"` }));
  for (const m of code.matchAll(/\bgetBuiltinModule\b/g)) {
    native.push({ line: lineAt(m.index), what: "getBuiltinModule" });
  }
  native.sort((a, b) => a.line - b.line);
  return { imports, native };
}

/** Directory of a root-relative path (`.` for a file at the root). */
const dirOf = (path: string) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";

/** Resolves a relative specifier of `from` to a root-relative path; undefined if it leaves the root. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const parts = dirOf(from) === "." ? [] : dirOf(from).split("/");
  for (const p of specifier.split("/")) {
    if (p === "..") {
      if (!parts.length) return undefined;
      parts.pop();
    } else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** The strongly connected components of a graph with more than one node (Tarjan). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest cycle through the first node of `component`, as a path that ends where it starts. */
function cyclePath(graph: ReadonlyMap<string, ReadonlySet<string>>, component: string[]): string[] {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...graph.get(v) ?? []].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const chain: string[] = [];
        for (let u = v; u !== start; u = previous.get(u)!) chain.unshift(u);
        return [start, ...chain, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

/** What {@link checkLayout} found. */
export interface LayoutReport {
  /** One line per broken rule; empty when the layout is clean. */
  problems: string[];
  /** Files read, imports between them, folders. */
  counts: { files: number; imports: number; folders: number };
}

/**
 * Checks the rules on the given files (root-relative path -> source text):
 * the TypeScript files of {@link SOURCE_DIRS} and the entries (the files at
 * the root), with the files allowed to reach native facilities. An import of
 * wasm/ is a problem whether or not wasm/ was read.
 */
export function checkLayout(
  files: ReadonlyMap<string, string>,
  allowed: Readonly<Record<string, string>> = NATIVE_ALLOWED,
): LayoutReport {
  const problems: string[] = [];
  const fileGraph = new Map<string, Set<string>>();
  const folderGraph = new Map<string, Set<string>>();
  // One file-level import behind each folder-level edge, to name in a report.
  const folderEdgeWitness = new Map<string, string>();
  let importCount = 0;
  // The SDK: src/ and the entries, the only files read at the root.
  const isSdk = (f: string) => f.startsWith("src/") || !f.includes("/");
  const isAdmin = (f: string) => f === ADMIN_ENTRY || ADMIN_DIRS.some((d) => f.startsWith(d));
  for (const path of [...files.keys()].sort()) {
    const { imports, native } = scan(files.get(path)!);
    fileGraph.set(path, fileGraph.get(path) ?? new Set());
    folderGraph.set(dirOf(path), folderGraph.get(dirOf(path)) ?? new Set());
    if (isSdk(path) && !(path in allowed)) {
      for (const n of native) {
        problems.push(`native outside the allow-list: ${path}:${n.line} ${n.what}`);
      }
    }
    for (const { specifier, line } of imports) {
      if (specifier.startsWith("node:")) continue; // reported above for the SDK; tools may
      if (!specifier.startsWith(".")) continue;
      const target = resolveRelative(path, specifier);
      if (target === undefined) continue;
      if (isSdk(path) && !isAdmin(path) && isAdmin(target)) {
        problems.push(`S3 code imports the admin code: ${path}:${line} imports ${target}`);
      }
      if (!files.has(target)) continue;
      importCount++;
      fileGraph.get(path)!.add(target);
      const [from, to] = [dirOf(path), dirOf(target)];
      if (from !== to) {
        folderGraph.get(from)!.add(to);
        if (!folderEdgeWitness.has(`${from} ${to}`)) {
          folderEdgeWitness.set(`${from} ${to}`, `${path}:${line} imports ${target}`);
        }
      }
    }
  }
  for (const component of cycles(fileGraph)) {
    problems.push(
      `file cycle among ${component.join(", ")}: ${cyclePath(fileGraph, component).join(" -> ")}`,
    );
  }
  for (const component of cycles(folderGraph)) {
    const path = cyclePath(folderGraph, component);
    const why = path.slice(1).map((to, i) => folderEdgeWitness.get(`${path[i]} ${to}`));
    problems.push(
      `folder cycle among ${component.join(", ")}: ${path.join(" -> ")}\n    ` +
        why.join("\n    "),
    );
  }
  return {
    problems,
    counts: { files: files.size, imports: importCount, folders: folderGraph.size },
  };
}

/**
 * Reads every file the check covers under `root` (a directory URL ending in
 * `/`): the entries deno.json exports, and the TypeScript of {@link SOURCE_DIRS}.
 */
async function readSources(root: URL): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(new URL(dir, root))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile && path.endsWith(".ts")) {
        files.set(path, await Deno.readTextFile(new URL(path, root)));
      }
    }
  };
  for (const dir of SOURCE_DIRS) await walk(dir);
  const { exports } = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
  for (const entry of Object.values(exports) as string[]) {
    const f = entry.replace(/^\.\//, "");
    files.set(f, await Deno.readTextFile(new URL(f, root)));
  }
  return files;
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const { problems, counts } = checkLayout(await readSources(root));
  const allowed = Object.keys(NATIVE_ALLOWED);
  if (problems.length) {
    for (const p of problems) console.log(p);
    console.log(`layout: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    Deno.exit(1);
  }
  console.log(
    `layout: ${counts.files} files, ${counts.imports} imports, ${counts.folders} folders: ` +
      `no file or folder cycle, node: only in ${allowed.join(" and ")}, ` +
      `nothing outside src/admin/ imports it or wasm/`,
  );
}
