/**
 * What a bundle is made of, from esbuild's metafile: each module's bytes in
 * the minified output, biggest first, with an import chain from the entry
 * that pulls it in (the shortest one that does not go through a re-export
 * file such as mod.ts where there is another). This is what to read before moving code to make a
 * bundle smaller: the chain names the import to cut.
 *
 * @module
 */

import type { Metafile } from "esbuild";

/** One module of the output. */
export interface ModuleShare {
  /** Input path, relative to the build's working folder. */
  path: string;
  /** Minified bytes it contributes (before gzip). */
  bytes: number;
  /** Entry first, this module last. */
  chain: string[];
}

// A file that only re-exports (mod.ts). It imports everything, so it is a
// shortest path to everything, but a module it re-exports is in a bundle
// only because something else uses it: chains name that user instead.
const BARREL = /(^|\/)mod\.ts$/;

/**
 * Every module of `outputs` (the entry's chunk first, then the chunks it
 * imports statically: what a page loads up front) with its bytes and import
 * chain. Without `outputs`, the first output of the metafile.
 */
export function modules(
  meta: Metafile,
  outputs: readonly string[] = Object.keys(meta.outputs).slice(0, 1),
): ModuleShare[] {
  const entry = meta.outputs[outputs[0]]?.entryPoint;
  if (!entry) throw new Error("the metafile's first output has no entry point");
  const bytes = new Map<string, number>();
  for (const out of outputs) {
    for (const [path, { bytesInOutput }] of Object.entries(meta.outputs[out].inputs)) {
      bytes.set(path, (bytes.get(path) ?? 0) + bytesInOutput);
    }
  }
  const depth = new Map<string, number>([[entry, 0]]);
  const importers = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length) {
    const at = queue.shift()!;
    for (const imp of meta.inputs[at]?.imports ?? []) {
      if (imp.external || imp.kind === "dynamic-import" || !bytes.has(imp.path)) continue;
      importers.set(imp.path, [...importers.get(imp.path) ?? [], at]);
      if (depth.has(imp.path)) continue;
      depth.set(imp.path, depth.get(at)! + 1);
      queue.push(imp.path);
    }
  }
  // The importer that explains a module: not a barrel if there is another, then the shallowest.
  const rank = (p: string) => (BARREL.test(p) ? 1e6 : 0) + (depth.get(p) ?? 1e9);
  const chainOf = (path: string) => {
    const chain = [path];
    for (let p = path; p !== entry;) {
      const next = [...importers.get(p) ?? []].sort((a, b) => rank(a) - rank(b))
        .find((i) => !chain.includes(i));
      if (!next) break;
      chain.unshift(p = next);
    }
    return chain;
  };
  return [...bytes]
    .map(([path, n]) => ({ path, bytes: n, chain: chainOf(path) }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Our folder or the npm package a module belongs to. */
export function groupOf(path: string): string {
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const ours = path.match(/^(src\/[^/]+)\//);
  return ours ? ours[1] + "/" : path;
}

const short = (path: string) => path.replace(/^.*node_modules\//, "");

/** A text report: bytes per group, then per module with its chain. */
export function explain(meta: Metafile, outputs?: readonly string[]): string {
  const shares = modules(meta, outputs);
  const total = shares.reduce((n, m) => n + m.bytes, 0);
  const groups = new Map<string, number>();
  for (const m of shares) groups.set(groupOf(m.path), (groups.get(groupOf(m.path)) ?? 0) + m.bytes);
  const lines = [`minified bytes by origin (total ${total}):`];
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    lines.push(`${String(bytes).padStart(8)}  ${group}`);
  }
  lines.push("", "by module, with the import chain from the entry:");
  for (const m of shares) {
    const chain = m.chain.slice(1).reverse().map(short);
    lines.push(`${String(m.bytes).padStart(8)}  ${chain.join(" <- ") || m.path}`);
  }
  return lines.join("\n");
}
