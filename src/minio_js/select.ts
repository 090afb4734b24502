/**
 * minio-js's `selectObjectContent`: its `selectOpts` (S3's element names:
 * `inputSerialization: { CSV: { FileHeaderInfo } }`, ...) read into this
 * SDK's `SelectRequest`, and the answer as minio-js's `SelectResults`, read
 * whole before the promise settles as minio-js reads it.
 *
 * @module
 */

import type { MinioCore } from "../core/core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { element, textElement } from "../xml/write.ts";
import { SelectRequest } from "../s3/select/request.ts";
import {
  CSVInputSerialization,
  CSVOutputSerialization,
  type InputSerialization,
  JSONInputSerialization,
  JSONOutputSerialization,
  type OutputSerialization,
  ParquetInputSerialization,
} from "../s3/select/serialization.ts";
import { selectObjectContent } from "../s3/select/select_object.ts";
import type { SelectStats } from "../s3/select/reader.ts";
import { only } from "./base_client.ts";
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

/** S3's element names of a serialization, as our options' camelCase keys. */
function camelOptions(
  value: unknown,
  keys: readonly string[],
  what: string,
  upper: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(only(value as object, keys, what))) {
    if (v === undefined) continue;
    const name = k === "Type" ? "jsonType" : k[0].toLowerCase() + k.slice(1);
    // S3 reads these case-insensitively; minio-js's own example writes "Use".
    out[name] = upper.includes(k) && typeof v === "string" ? v.toUpperCase() : v;
  }
  return out;
}

/** The single format key of a serialization object (`CSV`, `JSON`, `Parquet`). */
function format(s: Record<string, unknown>, formats: readonly string[], what: string): string {
  const given = formats.filter((f) => s[f] !== undefined);
  if (given.length !== 1) {
    throw new InvalidArgumentError(`${what} needs exactly one of ${formats.join(", ")}`);
  }
  return given[0];
}

const CSV_IN = [
  "AllowQuotedRecordDelimiter",
  "Comments",
  "FieldDelimiter",
  "FileHeaderInfo",
  "QuoteCharacter",
  "QuoteEscapeCharacter",
  "RecordDelimiter",
];
const CSV_OUT = [
  "FieldDelimiter",
  "QuoteCharacter",
  "QuoteEscapeCharacter",
  "QuoteFields",
  "RecordDelimiter",
];

function input(given: Record<string, unknown>): InputSerialization {
  const what = "selectOpts.inputSerialization";
  const s = only(given, ["CompressionType", "CSV", "JSON", "Parquet"], what);
  const common = camelOptions({ CompressionType: s.CompressionType }, ["CompressionType"], what, [
    "CompressionType",
  ]);
  switch (format(s, ["CSV", "JSON", "Parquet"], what)) {
    case "CSV":
      return new CSVInputSerialization({
        ...common,
        ...camelOptions(s.CSV, CSV_IN, `${what}.CSV`, ["FileHeaderInfo"]),
      });
    case "JSON":
      return new JSONInputSerialization({
        ...common,
        ...camelOptions(s.JSON, ["Type"], `${what}.JSON`, ["Type"]),
      });
    default:
      camelOptions(s.Parquet, [], `${what}.Parquet`);
      return new ParquetInputSerialization(common);
  }
}

function output(given: Record<string, unknown>): OutputSerialization {
  const what = "selectOpts.outputSerialization";
  const s = only(given, ["CSV", "JSON"], what);
  return format(s, ["CSV", "JSON"], what) === "CSV"
    ? new CSVOutputSerialization(camelOptions(s.CSV, CSV_OUT, `${what}.CSV`, ["QuoteFields"]))
    : new JSONOutputSerialization(camelOptions(s.JSON, ["RecordDelimiter"], `${what}.JSON`));
}

/** minio-js's `selectOpts` as a {@link SelectRequest}. */
export function selectRequest(selectOpts: SelectOptions): SelectRequest {
  const o = only(selectOpts, [
    "expression",
    "expressionType",
    "inputSerialization",
    "outputSerialization",
    "requestProgress",
    "scanRange",
  ], "selectOpts");
  if (o.expressionType !== undefined && o.expressionType !== "SQL") {
    throw new InvalidArgumentError(`selectOpts.expressionType must be "SQL"`);
  }
  const progress = only(o.requestProgress, ["Enabled"], "selectOpts.requestProgress");
  const range = only(o.scanRange, ["Start", "End"], "selectOpts.scanRange");
  if (o.inputSerialization === undefined || o.outputSerialization === undefined) {
    throw new InvalidArgumentError("selectOpts needs inputSerialization and outputSerialization");
  }
  return new SelectRequest(
    o.expression,
    input(o.inputSerialization),
    output(o.outputSerialization),
    {
      requestProgress: progress.Enabled,
      scanStartRange: range.Start,
      scanEndRange: range.End,
    },
  );
}

/** Runs the query and reads its answer whole into a {@link SelectResults}. */
export async function selectResults(
  core: MinioCore,
  bucket: string,
  name: string,
  selectOpts: SelectOptions,
): Promise<SelectResults> {
  const reader = await selectObjectContent(core, bucket, name, selectRequest(selectOpts));
  const records = await reader.bytes();
  return new SelectResults(records, reader.headers, reader.stats(), reader.progress());
}
