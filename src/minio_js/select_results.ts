/**
 * What minio-js's `selectObjectContent` takes and answers: its `selectOpts`
 * type and its `SelectResults`, whose records and stats were read whole
 * (select.ts, loaded on first use, runs the query).
 *
 * @module
 */

import type { SelectStats } from "../s3/select/reader.ts";
import { element, textElement } from "../xml/write.ts";
import { byteStream, type NodeReadable } from "./streams.ts";

/**
 * minio-js's `SelectOptions`: the SQL expression and S3's serialization
 * elements as objects.
 *
 * @example
 * ```ts
 * import { Client, type SelectOptions } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const selectOpts: SelectOptions = {
 *   expression: "SELECT * FROM s3object s where s.\"Name\" = 'Jane'",
 *   expressionType: "SQL",
 *   inputSerialization: { CSV: { FileHeaderInfo: "Use", RecordDelimiter: "\n", FieldDelimiter: "," }, CompressionType: "NONE" },
 *   outputSerialization: { CSV: { RecordDelimiter: "\n", FieldDelimiter: "," } },
 *   requestProgress: { Enabled: true },
 * };
 * const res = await client.selectObjectContent("data", "people.csv", selectOpts);
 * ```
 */
export interface SelectOptions {
  /** The SQL expression. */
  expression: string;
  /** Only `SQL`. */
  expressionType?: string;
  /** `{ CompressionType, CSV: {...} | JSON: { Type } | Parquet: {} }`. */
  inputSerialization: Record<string, unknown>;
  /** `{ CSV: {...} | JSON: { RecordDelimiter } }`. */
  outputSerialization: Record<string, unknown>;
  /** `{ Enabled: true }` asks for Progress events. */
  requestProgress?: { Enabled: boolean };
  /** `{ Start, End }`: the bytes of the object to scan. */
  scanRange?: { Start?: number; End?: number };
}

/**
 * The answer of minio-js's `selectObjectContent`: the records (a Node
 * `Readable` on Node, Bun and Deno, a web `ReadableStream` elsewhere), and
 * the Stats and last Progress events as the XML minio-js gives.
 *
 * @example
 * ```ts
 * import { Client, type SelectResults } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const res: SelectResults = await client.selectObjectContent("data", "people.csv", {
 *   expression: "SELECT * FROM S3Object",
 *   inputSerialization: { CSV: { FileHeaderInfo: "USE" } },
 *   outputSerialization: { JSON: {} },
 * });
 * console.log(res.getStats());
 * res.getRecords().on("data", (chunk: Uint8Array) => console.log(new TextDecoder().decode(chunk)));
 * ```
 */
export class SelectResults {
  readonly #records: Uint8Array;
  readonly #headers: Headers;
  readonly #stats?: string;
  readonly #progress?: string;

  /** The results of one query (made by `selectObjectContent`). */
  constructor(records: Uint8Array, headers: Headers, stats?: SelectStats, progress?: SelectStats) {
    this.#records = records;
    this.#headers = headers;
    this.#stats = stats && statsXml("Stats", stats);
    this.#progress = progress && statsXml("Progress", progress);
  }

  /** The records, as a new stream on each call. */
  getRecords(): NodeReadable | ReadableStream<Uint8Array> {
    return byteStream(new Response(this.#records.slice()).body!);
  }

  /** The Stats event: `<Stats><BytesScanned>…</BytesScanned>…</Stats>`. */
  getStats(): string | undefined {
    return this.#stats;
  }

  /** The last Progress event (with `requestProgress`), as XML like {@link getStats}. */
  getProgress(): string | undefined {
    return this.#progress;
  }

  /** The response headers (minio-js: the raw event stream, which this adapter does not keep). */
  getResponse(): Headers {
    return this.#headers;
  }
}

function statsXml(name: string, s: SelectStats): string {
  return element(
    name,
    textElement("BytesScanned", s.bytesScanned) +
      textElement("BytesProcessed", s.bytesProcessed) +
      textElement("BytesReturned", s.bytesReturned),
  );
}
