// examples/demo.ts, the tour scripts/demo.sh runs, against the real MinIO:
// what it prints, its progress bars and the download it checks.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import { consoleOutput, demo, progressBar } from "../../examples/demo.ts";
import { targets, uniqueBucket } from "./testbed.ts";

const MiB = 1024 * 1024;

test("demo progressBar: width, percent and MiB", () => {
  equal(progressBar(0, 24 * MiB), `[${"-".repeat(30)}]   0%  0.0/24.0 MiB`);
  equal(
    progressBar(12 * MiB, 24 * MiB),
    `[${"#".repeat(15)}${"-".repeat(15)}]  50%  12.0/24.0 MiB`,
  );
  equal(progressBar(24 * MiB, 24 * MiB), `[${"#".repeat(30)}] 100%  24.0/24.0 MiB`);
});

test("demo consoleOutput: one line per quarter off a terminal, redrawn in place on one", () => {
  let plain = "";
  const file = consoleOutput((t) => plain += t, false);
  for (let loaded = 0; loaded <= 8; loaded++) file.progress("↑ up", loaded, 8);
  deepEqual(plain.trimEnd().split("\n").map((l) => l.match(/(\d+)%/)?.[1]), [
    "0",
    "25",
    "50",
    "75",
    "100",
  ]);
  let tty = "";
  const terminal = consoleOutput((t) => tty += t, true);
  terminal.progress("↑ up", 4, 8);
  terminal.progress("↑ up", 8, 8);
  terminal.line("✓ done");
  ok(!tty.slice(0, tty.indexOf("✓")).includes("\n"), "bars share one line");
  equal(
    tty,
    `\r  ↑ up ${progressBar(4, 8)}\r  ↑ up ${progressBar(8, 8)}\x1b[2K\r  ✓ done\n`,
  );
});

for (const t of targets) {
  test(`[${t.name}] examples/demo.ts: bucket, upload with progress, listing, download checked`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("demo");
    const lines: string[] = [];
    const progress = new Map<string, number[]>();
    try {
      const result = await demo(c, bucket, {
        line: (text) => lines.push(text),
        progress: (label, loaded) => progress.set(label, [...progress.get(label) ?? [], loaded]),
      });
      deepEqual(result, {
        bucket,
        listed: ["hello.txt", "random.bin"],
        uploadedBytes: 24 * MiB,
        downloadMatches: true,
      });
      equal(lines[0], `✓ bucket ${bucket} created`);
      match(lines.join("\n"), /✓ uploaded random\.bin: 24\.0 MiB in [\d.]+ s, in 5 MiB parts/);
      match(lines.join("\n"), /random\.bin {7}24\.0 MiB/);
      equal(lines.at(-1), "✓ downloaded random.bin: 24.0 MiB, SHA-256 matches the upload");
      for (const [label, values] of progress) {
        ok(values.length >= 2, `${label}: ${values}`);
        deepEqual(values, [...values].sort((a, b) => a - b), `${label} never goes down`);
        equal(values.at(-1), 24 * MiB, `${label} ends at the size`);
      }
      deepEqual([...progress.keys()], ["↑ uploading random.bin  ", "↓ downloading random.bin"]);
    } finally {
      for await (const o of c.listObjects(bucket, { recursive: true })) {
        await c.removeObject(bucket, o.name);
      }
      if (await c.bucketExists(bucket)) await c.removeBucket(bucket);
    }
  });
}
