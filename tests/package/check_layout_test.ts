/**
 * scripts/check_layout.ts on small made-up trees: each rule it enforces is
 * broken once, to see it fail, and imports that only look like imports (in
 * comments, strings, templates, regular expressions) are not counted.
 *
 *   deno test tests/package/check_layout_test.ts
 *   node --import tsx --test tests/package/check_layout_test.ts
 *
 * @module
 */

import { checkLayout, scan } from "../../scripts/check_layout.ts";
import { deepEqual, equal, match, ok, test } from "../harness.ts";

const tree = (files: Record<string, string>) => new Map(Object.entries(files));
const ALLOWED = { "src/crypto/native.ts": "for the test" };

test("layout: a clean tree has no problem, and its imports are counted", () => {
  const { problems, counts } = checkLayout(
    tree({
      "mod.ts": 'export { Minio } from "./src/s3/client.ts";\n',
      "admin.ts": 'export { MinioAdmin } from "./src/admin/client.ts";\n',
      "src/s3/client.ts": 'import { a } from "../core/core.ts";\nexport class Minio {}\n',
      "src/admin/client.ts":
        'import type { A } from "../core/core.ts";\nexport class MinioAdmin {}\n',
      "src/core/core.ts": "export const a = 1;\nexport type A = number;\n",
    }),
    ALLOWED,
  );
  deepEqual(problems, []);
  deepEqual(counts, { files: 5, imports: 4, folders: 4 });
});

test("layout: a file cycle, through a type-only import and through import()", () => {
  const { problems } = checkLayout(
    tree({
      "src/s3/a.ts": 'import type { B } from "./b.ts";\nexport const a = 1;\n',
      "src/s3/b.ts": 'export type B = 1;\nexport const lazy = () => import("./a.ts");\n',
    }),
    ALLOWED,
  );
  equal(problems.length, 1);
  match(problems[0], /^file cycle among src\/s3\/a\.ts, src\/s3\/b\.ts: /);
  match(problems[0], /src\/s3\/a\.ts -> src\/s3\/b\.ts -> src\/s3\/a\.ts$/);
});

test("layout: a folder cycle between a folder and its subfolder, with the imports behind it", () => {
  const { problems } = checkLayout(
    tree({
      "src/admin/client.ts": 'import { users } from "./ops/users.ts";\n',
      "src/admin/ops/users.ts": 'import { check } from "../check.ts";\n',
      "src/admin/check.ts": "export const check = 1;\n",
    }),
    ALLOWED,
  );
  equal(problems.length, 1);
  equal(
    problems[0],
    "folder cycle among src/admin, src/admin/ops: src/admin -> src/admin/ops -> src/admin\n" +
      "    src/admin/client.ts:1 imports src/admin/ops/users.ts\n" +
      "    src/admin/ops/users.ts:1 imports src/admin/check.ts",
  );
});

test("layout: npm/ files are in the cycle check", () => {
  const { problems } = checkLayout(
    tree({
      "npm/build.ts": 'import { writeManifest } from "./manifest.ts";\n',
      "npm/manifest.ts": 'import type { BundleSpec } from "./build.ts";\n',
    }),
    ALLOWED,
  );
  deepEqual(problems, [
    "file cycle among npm/build.ts, npm/manifest.ts: npm/build.ts -> npm/manifest.ts -> npm/build.ts",
  ]);
});

test("layout: node: and getBuiltinModule only in allow-listed SDK files", () => {
  const native = 'const fs = process.getBuiltinModule?.("node:fs/promises");\n';
  const { problems } = checkLayout(
    tree({
      "src/crypto/native.ts": native,
      "src/s3/file.ts": `export const x = 1;\n${native}`,
      "mod.ts": 'import { readFile } from "node:fs/promises";\n',
      // Build tools run on Node: not the SDK's business.
      "npm/build.ts": 'import { readFile } from "node:fs/promises";\n',
    }),
    ALLOWED,
  );
  deepEqual(problems, [
    'native outside the allow-list: mod.ts:1 "node:fs/promises"',
    'native outside the allow-list: src/s3/file.ts:2 "node:fs/promises"',
    "native outside the allow-list: src/s3/file.ts:2 getBuiltinModule",
  ]);
});

test("layout: nothing outside src/admin imports it or wasm/", () => {
  const { problems } = checkLayout(
    tree({
      "mod.ts": 'export { MinioAdmin } from "./src/admin/client.ts";\n',
      "src/s3/bucket.ts": 'import type { BucketTarget } from "../admin/target.ts";\n',
      "src/s3/wasm.ts": 'export const w = () => import("../../wasm/argon2id.wasm");\n',
      "src/admin/client.ts": 'import { t } from "./target.ts";\nexport class MinioAdmin {}\n',
      "src/admin/target.ts": 'export const t = () => import("../../wasm/argon2id.wasm");\n',
      "admin.ts": 'export { MinioAdmin } from "./src/admin/client.ts";\n',
    }),
    ALLOWED,
  );
  deepEqual(problems, [
    "S3 code imports the admin code: mod.ts:1 imports src/admin/client.ts",
    "S3 code imports the admin code: src/s3/bucket.ts:1 imports src/admin/target.ts",
    "S3 code imports the admin code: src/s3/wasm.ts:1 imports wasm/argon2id.wasm",
  ]);
});

test("layout: imports in comments, strings, templates and regular expressions do not count", () => {
  const source = [
    "/**",
    " * @example",
    " * ```ts",
    ' * import { x } from "./commented.ts";',
    " * ```",
    " */",
    '// export * from "./line_comment.ts";',
    'const s = "import { y } from \\"./in_string.ts\\"";',
    'const t = `import z from "./in_template.ts";\\n${\'node:x\'.length} ${`import("./nested.ts")`}`;',
    'const r = /import\\("\\.\\/in_regex\\.ts"\\)/g;',
    "const half = 1 / 2; const other = 3 / 4;",
    'import { real } from "./real.ts";',
    'export { again } from "./again.ts";',
    'import "./side_effect.ts";',
    'const lazy = () => import("./lazy.ts");',
  ].join("\n");
  const { imports, native } = scan(source);
  deepEqual(imports.map((i) => i.specifier), [
    "./real.ts",
    "./again.ts",
    "./side_effect.ts",
    "./lazy.ts",
  ]);
  deepEqual(imports.map((i) => i.line), [12, 13, 14, 15]);
  // A string in a template's expression is still a string.
  deepEqual(native, [{ line: 9, what: '"node:x"' }]);
  ok(scan("const node: string = 'x';").native.length === 0, "a variable named node");
});
