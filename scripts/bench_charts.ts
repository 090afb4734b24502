/**
 * Draws bench/README.md's result tables as SVG bar charts, the peers side by
 * side: each row of a table (a client, a bundle, a runtime) is a group of
 * bars, one per charted column, on a common scale. The tables are the results
 * the benches print (bench/*.ts end with these Markdown tables, pasted into
 * bench/README.md with the run they come from), so a chart always shows the
 * numbers of the table above it.
 *
 * A table is charted when a comment right before it names the chart, its
 * title and the columns to draw:
 *
 *     <!-- chart: transfer-http | 1 GiB over HTTP (MiB/s, higher is better) | upload MiB/s, download MiB/s -->
 *
 * The script writes bench/charts/<name>.svg and puts `![title](charts/<name>.svg)`
 * right after the table (replacing the one there). Cells that are not a
 * number (empty, `—`) draw no bar.
 *
 *   deno run -A scripts/bench_charts.ts           write the charts and the image links
 *   deno run -A scripts/bench_charts.ts --check   fail when a chart or link is stale (test.sh)
 *
 * @example
 * ```ts
 * import { barChart } from "./bench_charts.ts";
 * const svg = barChart("demo", "Demo", ["MiB/s"], [{ label: "ours", values: [250] }]);
 * console.log(svg.startsWith("<svg")); // true
 * ```
 *
 * @module
 */

import { isMain } from "./is_main.ts";

const ROOT = new URL("../", import.meta.url);
const README = new URL("bench/README.md", ROOT);
const CHARTS = new URL("bench/charts/", ROOT);
const MARKER = /^<!--\s*chart:\s*([\w-]+)\s*\|\s*([^|]+?)\s*\|\s*([^>]+?)\s*-->$/;

/** One row of a chart: its label and a value per column (`undefined`: no bar). */
export interface ChartRow {
  label: string;
  values: (number | undefined)[];
}

/** A table to chart, as found in the Markdown. */
export interface ChartSpec {
  name: string;
  title: string;
  columns: string[];
  rows: ChartRow[];
  /** Index of the table's last line in the file's lines. */
  tableEnd: number;
}

// One colour per column; "ours" rows are drawn solid, peers lighter.
const COLOURS = ["#2563eb", "#ea580c", "#16a34a", "#9333ea"];
const PEER_OPACITY = 0.55;

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cells = (line: string) =>
  line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
const plain = (s: string) => s.replace(/`/g, "").replace(/\*\*/g, "");

/** The number in a cell (`13.7`, `≤ 14.0`, `0.30x`, `1 234`), or `undefined`. */
export function cellNumber(cell: string): number | undefined {
  const m = cell.replace(/(\d) (\d)/g, "$1$2").match(/-?\d+(\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

/** The tables of `markdown` that a chart comment names. */
export function chartSpecs(markdown: string): ChartSpec[] {
  const lines = markdown.split("\n");
  const specs: ChartSpec[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].trim().match(MARKER);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === "") j++;
    if (!lines[j]?.trim().startsWith("|")) {
      throw new Error(`chart ${m[1]}: no table after line ${i + 1}`);
    }
    const header = cells(lines[j]);
    const columns = m[3].split(",").map((c) => c.trim());
    const indexes = columns.map((c) => {
      const k = header.indexOf(c);
      if (k < 0) throw new Error(`chart ${m[1]}: no column "${c}" in ${header.join(", ")}`);
      return k;
    });
    const rows: ChartRow[] = [];
    let k = j + 2; // past the header and its separator
    for (; k < lines.length && lines[k].trim().startsWith("|"); k++) {
      const row = cells(lines[k]);
      rows.push({ label: plain(row[0]), values: indexes.map((x) => cellNumber(row[x] ?? "")) });
    }
    specs.push({ name: m[1], title: m[2], columns, rows, tableEnd: k - 1 });
    i = k - 1;
  }
  return specs;
}

/** A horizontal grouped bar chart: a group per row, a bar per column, labels at the bar ends. */
export function barChart(
  name: string,
  title: string,
  columns: readonly string[],
  rows: readonly ChartRow[],
): string {
  const width = 760;
  // About 6.6 px per character of a 12 px sans-serif label.
  const labelWidth = Math.min(
    320,
    Math.ceil(Math.max(...rows.map((r) => r.label.length)) * 6.6) + 16,
  );
  const valueWidth = 56;
  const bar = 14;
  const gap = 10;
  const top = 52;
  const plotWidth = width - labelWidth - valueWidth - 16;
  const max = Math.max(...rows.flatMap((r) => r.values.filter((v) => v !== undefined)), 0) || 1;
  const groupHeight = (r: ChartRow) => Math.max(1, r.values.filter((v) => v !== undefined).length);
  const height = top + rows.reduce((h, r) => h + groupHeight(r) * bar + gap, 0) + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${name}-title">`,
    `<title id="${name}-title">${escape(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="#111827">`,
    `<text x="8" y="18" font-size="14" font-weight="600">${escape(title)}</text>`,
  ];
  let x = 8;
  columns.forEach((c, i) => {
    out.push(
      `<rect x="${x}" y="28" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`,
      `<text x="${x + 16}" y="38">${escape(c)}</text>`,
    );
    x += 16 + c.length * 7 + 18;
  });
  out.push(
    `<text x="${width - 8}" y="38" text-anchor="end" fill="#6b7280">solid: minio-edge</text>`,
  );
  let y = top;
  for (const row of rows) {
    const ours = /^(ours|minio-edge|\(a\)|\(b\)|\(c\))/i.test(row.label);
    const h = groupHeight(row) * bar;
    out.push(
      `<text x="${labelWidth - 8}" y="${(y + h / 2 + 4).toFixed(1)}" text-anchor="end"` +
        `${ours ? ' font-weight="600"' : ""}>${escape(row.label)}</text>`,
    );
    let by = y;
    row.values.forEach((v, i) => {
      if (v === undefined) return;
      const w = Math.max(1, (v / max) * plotWidth);
      out.push(
        `<rect x="${labelWidth}" y="${by + 1}" width="${w.toFixed(1)}" height="${bar - 2}" ` +
          `fill="${COLOURS[i % COLOURS.length]}"${ours ? "" : ` fill-opacity="${PEER_OPACITY}"`}/>`,
        `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${by + bar - 3}">${v}</text>`,
      );
      by += bar;
    });
    y += h + gap;
  }
  out.push(
    `<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${
      height - 8
    }" stroke="#9ca3af"/>`,
    "</g>",
    "</svg>",
  );
  return out.join("\n") + "\n";
}

/** The Markdown with `![title](charts/name.svg)` right after each charted table. */
export function withImageLinks(markdown: string, specs: readonly ChartSpec[]): string {
  const lines = markdown.split("\n");
  for (const spec of [...specs].reverse()) {
    const image = `![${spec.title}](charts/${spec.name}.svg)`;
    const k = spec.tableEnd + 1;
    // An image link there already (after one blank line) is replaced.
    if (
      lines[k] === "" && lines[k + 1]?.startsWith(`![`) &&
      lines[k + 1].includes(`charts/${spec.name}.svg`)
    ) {
      lines[k + 1] = image;
    } else {
      lines.splice(k, 0, "", image);
    }
  }
  return lines.join("\n");
}

async function main(check: boolean): Promise<number> {
  const markdown = await Deno.readTextFile(README);
  const specs = chartSpecs(markdown);
  const stale: string[] = [];
  await Deno.mkdir(CHARTS, { recursive: true });
  for (const spec of specs) {
    const svg = barChart(spec.name, spec.title, spec.columns, spec.rows);
    const file = new URL(`${spec.name}.svg`, CHARTS);
    const now = await Deno.readTextFile(file).catch(() => "");
    if (now === svg) continue;
    if (check) stale.push(`bench/charts/${spec.name}.svg`);
    else await Deno.writeTextFile(file, svg);
  }
  const linked = withImageLinks(markdown, specs);
  if (linked !== markdown) {
    if (check) stale.push("bench/README.md (image links)");
    else await Deno.writeTextFile(README, linked);
  }
  if (stale.length) {
    console.error(`stale: ${stale.join(", ")}; run deno run -A scripts/bench_charts.ts`);
    return 1;
  }
  console.log(`${specs.length} charts: ${specs.map((s) => s.name).join(", ")}`);
  return 0;
}

if (isMain(import.meta)) Deno.exit(await main(Deno.args.includes("--check")));
