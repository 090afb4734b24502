/**
 * Every public export of the entries (mod.ts, admin.ts) has JSDoc with an
 * example. `deno doc --lint` checks that each has JSDoc at all and that none
 * references a private type; this checks the `@example` of each declaration
 * (classes, functions, interfaces, type aliases, constants), and lists those
 * without one.
 *
 *   deno run -A scripts/check_docs.ts
 *
 * @module
 */

interface DocTag {
  kind: string;
}
interface DocDeclaration {
  kind: string;
  location: { filename: string; line: number };
  jsDoc?: { tags?: DocTag[] };
}
interface DocSymbol {
  name: string;
  declarations?: DocDeclaration[];
}
interface DocJson {
  nodes: Record<string, { symbols?: DocSymbol[] }>;
}

const root = new URL("../", import.meta.url);
/** The package's entries, as deno.json exports them. */
const ENTRIES: string[] = Object.values(
  JSON.parse(Deno.readTextFileSync(new URL("deno.json", root))).exports,
);
const out = new Deno.Command(Deno.execPath(), {
  args: ["doc", "--json", ...ENTRIES],
  cwd: root,
  stdout: "piped",
  stderr: "inherit",
}).outputSync();
if (!out.success) throw new Error(`deno doc --json ${ENTRIES.join(" ")} failed`);
const doc = JSON.parse(new TextDecoder().decode(out.stdout)) as DocJson;

const missing: string[] = [];
let count = 0;
for (const symbol of Object.values(doc.nodes).flatMap((n) => n.symbols ?? [])) {
  for (const d of symbol.declarations ?? []) {
    // An entry's re-export of what another entry exports (minio-js.ts's S3Error):
    // the declaration it points at is checked where it is.
    if (d.kind === "reference") continue;
    count++;
    if (d.jsDoc?.tags?.some((t) => t.kind === "example")) continue;
    const file = d.location.filename.replace(root.href, "");
    missing.push(`${file}:${d.location.line} ${d.kind} ${symbol.name}`);
  }
}
for (const m of missing.sort()) console.log(`no @example: ${m}`);
console.log(`${count - missing.length} of ${count} public declarations have an @example`);
if (missing.length) Deno.exit(1);
