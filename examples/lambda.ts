/**
 * A "lambda" on bucket events: listen for new `.txt` files under
 * `incoming/` and, for each, run a handler that reads the file and writes
 * two derived objects: an uppercase copy and a JSON summary (size, lines,
 * words, SHA-256). Uses MinIO's listen API, so no notification target needs
 * to be configured. Runs against the MinIO that `bash scripts/demo.sh`
 * starts (or any server named by MINIO_ENDPOINT, MINIO_ACCESS_KEY and
 * MINIO_SECRET_KEY) until Ctrl-C.
 *
 *   deno run -A examples/lambda.ts
 *   bun examples/lambda.ts
 *   LAMBDA_MAIN=1 node --import tsx examples/lambda.ts
 */
import { Minio, type NotificationRecord } from "../mod.ts";

/** What the lambda writes for each text file. */
export interface TextSummary {
  source: string;
  eTag?: string;
  bytes: number;
  lines: number;
  words: number;
  sha256: string;
  event: string;
  eventTime: string;
}

const INCOMING = "incoming/";

/** The handler: derives `derived/<name>.upper.txt` and `derived/<name>.summary.json`. */
export async function textLambda(
  client: Minio,
  record: NotificationRecord,
): Promise<TextSummary> {
  const bucket = record.s3.bucket.name;
  const key = record.s3.object.key; // plain in the listen stream
  const name = key.slice(INCOMING.length);
  const bytes = await (await client.getObject(bucket, key)).bytes();
  const text = new TextDecoder().decode(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
  const summary: TextSummary = {
    source: key,
    eTag: record.s3.object.eTag,
    bytes: bytes.length,
    lines: text.split("\n").filter((l) => l !== "").length,
    words: text.split(/\s+/).filter((w) => w !== "").length,
    sha256: [...digest].map((b) => b.toString(16).padStart(2, "0")).join(""),
    event: record.eventName,
    eventTime: record.eventTime,
  };
  await client.putObject(bucket, `derived/${name}.upper.txt`, text.toUpperCase(), undefined, {
    contentType: "text/plain; charset=utf-8",
    metadata: { source: key },
  });
  await client.putObject(
    bucket,
    `derived/${name}.summary.json`,
    JSON.stringify(summary),
    undefined,
    {
      contentType: "application/json",
      metadata: { source: key },
    },
  );
  return summary;
}

/**
 * Runs {@link textLambda} for every new `incoming/*.txt` of `bucket` until
 * `signal` is aborted; returns how many files it handled. A failing file is
 * reported and skipped, so one bad upload does not stop the lambda.
 */
export async function runLambda(
  client: Minio,
  bucket: string,
  options: {
    signal?: AbortSignal;
    /** Called once the server listens: files uploaded from then on are handled. */
    onListening?: () => void;
    onHandled?: (summary: TextSummary) => void;
  } = {},
): Promise<number> {
  let handled = 0;
  const events = client.listenBucketNotification(bucket, INCOMING, ".txt", ["s3:ObjectCreated:*"], {
    signal: options.signal,
    // MinIO answers with its first line, an event or this keep-alive: with
    // 1 s, ready() tells within a second that the lambda is listening.
    ping: 1,
  });
  await events.ready();
  options.onListening?.();
  for await (const record of events) {
    try {
      const summary = await textLambda(client, record);
      handled++;
      console.log(`${record.eventName} ${summary.source}: ${summary.words} words -> derived/`);
      options.onHandled?.(summary);
    } catch (e) {
      console.error(`lambda failed on ${record.s3.object.key}:`, (e as Error).message);
    }
  }
  return handled;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("LAMBDA_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  const bucket = "lambda-example";
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);
  await runLambda(client, bucket, {
    onListening: () => console.log(`waiting for ${bucket}/incoming/*.txt (Ctrl-C to stop)`),
  });
}
