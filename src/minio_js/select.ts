/**
 * minio-js's `selectObjectContent`: its `selectOpts` (S3's element names:
 * `inputSerialization: { CSV: { FileHeaderInfo } }`, ...) read into this
 * SDK's `SelectRequest`, and the answer as minio-js's `SelectResults`, read
 * whole before the promise settles as minio-js reads it. Loaded on first
 * use: it brings the S3 Select request, serializations and event-stream
 * reader.
 *
 * @module
 */

import type { MinioCore } from "../core/core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
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
import { only } from "./base_client.ts";
import { type SelectOptions, SelectResults } from "./select_results.ts";

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
