/**
 * What scripts/release.sh checks in the packages it is about to publish:
 * that they hold what the README and the guides promise.
 *
 *   deno run -A scripts/release_check.ts npm <package.tgz>
 *       the packed npm tarball: package.json's version is deno.json's, its
 *       `exports` has every subpath of deno.json's, every file an export condition
 *       names (the `types` declarations included) is packed, and so are
 *       argon2id.wasm, a source map beside each file that links one, the
 *       README (importing the npm names of `.` and `./admin`) and the LICENSE
 *   deno run -A scripts/release_check.ts jsr <deno publish --dry-run output>
 *       the JSR file list: each `exports` target of deno.json (the entries,
 *       which are their own types), every TypeScript file under src/,
 *       wasm/argon2id.wasm (for a Worker that bundles the source), README.md,
 *       LICENSE and deno.json
 *
 * Prints one line per package and exits 1 listing what is missing.
 *
 * @module
 */

import { ARGON2_WASM_FILE, ASSETS, forNpm, PACKAGE_NAME } from "../npm/spec.ts";

const root = new URL("../", import.meta.url);
const denoJson = JSON.parse(Deno.readTextFileSync(new URL("deno.json", root)));
/** The package's subpaths (deno.json `exports`): `.`, `./admin`, ... */
const SUBPATHS = Object.keys(denoJson.exports);
/** The subpaths the README's examples import. */
const README_SUBPATHS = [".", "./admin"];

/** The files of a .tgz (`package/` stripped) and the text of the ones asked for. */
async function untar(tarball: string, read: string[]): Promise<Map<string, string | null>> {
  const list = await new Deno.Command("tar", { args: ["-tzf", tarball] }).output();
  if (!list.success) throw new Error(`tar -tzf ${tarball} failed`);
  const files = new Map<string, string | null>();
  for (const line of new TextDecoder().decode(list.stdout).split("\n")) {
    if (line) files.set(line.replace(/^package\//, ""), null);
  }
  for (const name of read) {
    if (!files.has(name)) continue;
    const out = await new Deno.Command("tar", { args: ["-xzOf", tarball, `package/${name}`] })
      .output();
    files.set(name, new TextDecoder().decode(out.stdout));
  }
  return files;
}

/** What the npm tarball lacks; empty when it is complete. */
export async function checkNpmTarball(tarball: string): Promise<string[]> {
  const files = await untar(tarball, ["package.json", "README.md"]);
  const problems: string[] = [];
  const pkg = JSON.parse(files.get("package.json") ?? "{}");
  if (pkg.name !== PACKAGE_NAME) problems.push(`package.json name ${pkg.name}`);
  if (pkg.version !== denoJson.version) {
    problems.push(`package.json version ${pkg.version}, deno.json ${denoJson.version}`);
  }
  const exported = Object.keys(pkg.exports ?? {});
  for (const subpath of SUBPATHS) {
    if (!exported.includes(subpath)) problems.push(`no exports["${subpath}"]`);
  }
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const conditions = typeof target === "string" ? { default: target } : target as object;
    for (const [condition, file] of Object.entries(conditions)) {
      const name = String(file).replace(/^\.\//, "");
      if (!files.has(name)) problems.push(`exports["${subpath}"].${condition}: ${name} not packed`);
      if (condition === "types" && !name.endsWith(".d.ts")) {
        problems.push(`exports["${subpath}"].types is ${name}`);
      }
      if (name.endsWith(".js") && subpath !== "./package.json" && !name.includes(".deno.")) {
        if (!files.has(`${name}.map`)) problems.push(`${name}: no source map ${name}.map packed`);
      }
    }
  }
  for (const asset of [...ASSETS.map((a) => a.split("/").pop()!), "README.md", "LICENSE"]) {
    if (!files.has(asset)) problems.push(`${asset} not packed`);
  }
  if (!files.has(ARGON2_WASM_FILE)) problems.push(`${ARGON2_WASM_FILE} not packed`);
  const readme = files.get("README.md") ?? "";
  if (readme !== forNpm(readme)) problems.push("README.md imports the JSR name");
  // The README's examples show the S3 client and the admin client.
  for (const subpath of README_SUBPATHS) {
    const specifier = PACKAGE_NAME + subpath.slice(1);
    if (!readme.includes(`from "${specifier}"`)) {
      problems.push(`README.md never imports ${specifier}`);
    }
  }
  return problems;
}

/** The files `deno publish --dry-run` lists, relative to the repository. */
export function jsrFiles(output: string): string[] {
  const prefix = root.href;
  return [...output.matchAll(/^\s+(file:\/\/\S+)/gm)].map((m) => m[1].replace(prefix, ""));
}

/** TypeScript files under `dir` (relative to the repository), recursively. */
function typescriptUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of Deno.readDirSync(new URL(dir, root))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) out.push(...typescriptUnder(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** What the JSR file list lacks; empty when it is complete. */
export function checkJsrList(output: string): string[] {
  const listed = new Set(jsrFiles(output));
  const problems: string[] = [];
  if (!output.includes(`${denoJson.name}@${denoJson.version}`)) {
    problems.push(`no "Simulating publish of ${denoJson.name}@${denoJson.version}"`);
  }
  const wanted = [
    ...Object.values(denoJson.exports as Record<string, string>).map((f) => f.replace(/^\.\//, "")),
    ...typescriptUnder("src"),
    ...ASSETS,
    "README.md",
    "LICENSE",
    "deno.json",
  ];
  for (const file of wanted) if (!listed.has(file)) problems.push(`${file} not in the JSR list`);
  return problems;
}

if (import.meta.main) {
  const [kind, arg] = Deno.args;
  let problems: string[];
  if (kind === "npm" && arg) problems = await checkNpmTarball(arg);
  else if (kind === "jsr" && arg) problems = checkJsrList(Deno.readTextFileSync(arg));
  else throw new Error("usage: release_check.ts npm <package.tgz> | jsr <dry-run output file>");
  if (problems.length) {
    console.error(`${kind}: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    Deno.exit(1);
  }
  console.log(`${kind}: ${SUBPATHS.join(", ")} exports, types, ${ARGON2_WASM_FILE}: all there`);
}
