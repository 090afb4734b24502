/**
 * The first-run tour that `bash scripts/demo.sh` runs: makes a bucket,
 * uploads a text and a 24 MiB file (with a progress bar), lists the bucket
 * and downloads the file again, checking its SHA-256. Reads the server from
 * MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY.
 *
 *   deno run -A examples/demo.ts
 */
import { Minio } from "../mod.ts";

const MiB = 1024 * 1024;
const BAR_WIDTH = 30;

/** Where the tour writes: a line, or a progress line redrawn in place. */
export interface DemoOutput {
  line(text: string): void;
  progress(label: string, loaded: number, total: number): void;
}

/** What the tour did, for a caller to check. */
export interface DemoResult {
  bucket: string;
  listed: string[];
  uploadedBytes: number;
  downloadMatches: boolean;
}

const size = (n: number) => n < 1024 ? `${n} B` : `${(n / MiB).toFixed(1)} MiB`;

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A progress bar such as `[###########-------------------]  37%  8.9/24.0 MiB`. */
export function progressBar(loaded: number, total: number): string {
  const share = total > 0 ? Math.min(1, loaded / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const percent = `${Math.round(share * 100)}%`.padStart(4);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent}  ${
    (loaded / MiB).toFixed(1)
  }/${(total / MiB).toFixed(1)} MiB`;
}

/** Runs the tour against `client` in a new bucket named `bucket`. */
export async function demo(client: Minio, bucket: string, out: DemoOutput): Promise<DemoResult> {
  await client.makeBucket(bucket);
  out.line(`✓ bucket ${bucket} created`);

  await client.putObject(bucket, "hello.txt", "Hello from minio-edge!\n", undefined, {
    contentType: "text/plain",
  });
  out.line(`✓ uploaded hello.txt`);

  const data = new Uint8Array(24 * MiB);
  for (let i = 0; i < data.length; i += 65536) {
    crypto.getRandomValues(data.subarray(i, i + 65536));
  }
  const started = performance.now();
  const { etag } = await client.putObject(bucket, "random.bin", data, undefined, {
    partSize: 5 * MiB,
    onProgress: ({ loaded }) => out.progress("↑ uploading random.bin  ", loaded, data.length),
  });
  const seconds = (performance.now() - started) / 1000;
  out.line(
    `✓ uploaded random.bin: ${size(data.length)} in ${seconds.toFixed(1)} s, in 5 MiB parts ` +
      `(etag ${etag})`,
  );

  const listed: string[] = [];
  out.line(`✓ listed ${bucket}:`);
  for await (const item of client.listObjects(bucket, { recursive: true })) {
    listed.push(item.name);
    out.line(`    ${item.name.padEnd(14)} ${size(item.size).padStart(10)}`);
  }

  const object = await client.getObject(bucket, "random.bin", {
    onProgress: ({ loaded }) => out.progress("↓ downloading random.bin", loaded, data.length),
  });
  const back = await object.bytes();
  const downloadMatches = back.length === data.length &&
    await sha256(back) === await sha256(data);
  out.line(
    downloadMatches
      ? `✓ downloaded random.bin: ${size(back.length)}, SHA-256 matches the upload`
      : `✗ downloaded random.bin: ${size(back.length)}, NOT what was uploaded`,
  );
  return { bucket, listed, uploadedBytes: data.length, downloadMatches };
}

/** Output for a terminal: progress redrawn on one line; elsewhere every 25 %. */
export function consoleOutput(
  write: (text: string) => void,
  isTerminal: boolean,
): DemoOutput {
  let shown = -1;
  return {
    line: (text) => write(`  ${text}\n`),
    progress(label, loaded, total) {
      const step = Math.floor((loaded / total) * 4);
      if (isTerminal) write(`\r  ${label} ${progressBar(loaded, total)}`);
      else if (step !== shown) write(`  ${label} ${progressBar(loaded, total)}\n`);
      if (isTerminal && loaded >= total) write("\x1b[2K\r"); // the ✓ line replaces the bar
      shown = loaded >= total ? -1 : step;
    },
  };
}

if (import.meta.main) {
  const env = (k: string) => Deno.env.get(k);
  const endPoint = env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000";
  const client = new Minio({
    endPoint,
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  const encoder = new TextEncoder();
  const out = consoleOutput(
    (t) => Deno.stdout.writeSync(encoder.encode(t)),
    Deno.stdout.isTerminal(),
  );
  console.log(`minio-edge demo against ${endPoint}`);
  const result = await demo(client, `demo-${Date.now().toString(36)}`, out);
  if (!result.downloadMatches) Deno.exit(1);
}
