/**
 * How S3 Select reads an object ({@link CSVInputSerialization},
 * {@link JSONInputSerialization}, {@link ParquetInputSerialization}) and
 * writes the records ({@link CSVOutputSerialization},
 * {@link JSONOutputSerialization}), with minio-py's class names.
 * Constructors check their options and throw {@link InvalidArgumentError}.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { element, textElement } from "../../xml/write.ts";

/**
 * Whole-object compression of CSV or JSON input.
 *
 * @example
 * ```ts
 * import { type CompressionType, CSVInputSerialization } from "@minio-edge/minio";
 * const compressionType: CompressionType = "GZIP";
 * const input = new CSVInputSerialization({ compressionType, fileHeaderInfo: "USE" });
 * ```
 */
export type CompressionType = "NONE" | "GZIP" | "BZIP2";
/**
 * What the first CSV line is: column names to use, to skip, or data.
 *
 * @example
 * ```ts
 * import { CSVInputSerialization, type FileHeaderInfo } from "@minio-edge/minio";
 * // Skip the header line and refer to columns by position (_1, _2, ...).
 * const fileHeaderInfo: FileHeaderInfo = "IGNORE";
 * const input = new CSVInputSerialization({ fileHeaderInfo });
 * ```
 */
export type FileHeaderInfo = "USE" | "IGNORE" | "NONE";
/**
 * One JSON document, or one JSON value per line.
 *
 * @example
 * ```ts
 * import { JSONInputSerialization, type JsonType } from "@minio-edge/minio";
 * const jsonType: JsonType = "LINES";
 * const input = new JSONInputSerialization({ jsonType });
 * ```
 */
export type JsonType = "DOCUMENT" | "LINES";
/**
 * Quote every CSV output field, or only those that need it.
 *
 * @example
 * ```ts
 * import { CSVOutputSerialization, type QuoteFields } from "@minio-edge/minio";
 * const quoteFields: QuoteFields = "ALWAYS";
 * const output = new CSVOutputSerialization({ quoteFields });
 * ```
 */
export type QuoteFields = "ALWAYS" | "ASNEEDED";

function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): void {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw new InvalidArgumentError(
      `${what} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, not ${
        JSON.stringify(value)
      }`,
    );
  }
}

// Lengths in characters (code points), as the server counts runes.
function checkChars(value: unknown, min: number, max: number, what: string): void {
  if (value === undefined) return;
  const n = typeof value === "string" ? [...value].length : -1;
  if (n < min || n > max) {
    const size = min === max ? `${min}` : `${min} to ${max}`;
    throw new InvalidArgumentError(`${what} must be a string of ${size} characters`);
  }
}

/** Refuses options that are not an object. */
export function checkOptions(options: unknown, what: string): void {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new InvalidArgumentError(`${what} options must be an object`);
  }
}

/** `<name>value</name>`, or nothing when the value is unset. */
export function optional(name: string, value: string | boolean | number | undefined): string {
  return value === undefined ? "" : textElement(name, value);
}

const COMPRESSION: readonly CompressionType[] = ["NONE", "GZIP", "BZIP2"];

/**
 * Options of {@link CSVInputSerialization}.
 *
 * @example
 * ```ts
 * import { type CSVInputOptions, CSVInputSerialization } from "@minio-edge/minio";
 * const options: CSVInputOptions = {
 *   fileHeaderInfo: "USE",
 *   fieldDelimiter: "\t",
 *   recordDelimiter: "\r\n",
 *   comments: "#",
 * };
 * const input = new CSVInputSerialization(options);
 * ```
 */
export interface CSVInputOptions {
  /** Compression of the whole object (default NONE). */
  compressionType?: CompressionType;
  /** Whether a quoted field may contain the record delimiter. */
  allowQuotedRecordDelimiter?: boolean;
  /** Lines starting with this character are skipped. */
  comments?: string;
  /** Separates fields (server default `,`). */
  fieldDelimiter?: string;
  /** What the first line is (server default NONE: data). */
  fileHeaderInfo?: FileHeaderInfo;
  /** Quotes fields (server default `"`; empty: no quoting). */
  quoteCharacter?: string;
  /** Escapes the quote character inside a quoted field. */
  quoteEscapeCharacter?: string;
  /** Separates records: one or two characters (server default `\n`). */
  recordDelimiter?: string;
}

/**
 * Reads the object as CSV.
 *
 * @example
 * ```ts
 * import { CSVInputSerialization } from "@minio-edge/minio";
 * const input = new CSVInputSerialization({ fileHeaderInfo: "USE", compressionType: "GZIP" });
 * ```
 */
export class CSVInputSerialization {
  /** The options as given. */
  readonly options: Readonly<CSVInputOptions>;

  /** Checks the options. */
  constructor(options: CSVInputOptions = {}) {
    checkOptions(options, "CSVInputSerialization");
    checkEnum(options.compressionType, COMPRESSION, "compressionType");
    checkEnum(options.fileHeaderInfo, ["USE", "IGNORE", "NONE"], "fileHeaderInfo");
    const q = options.allowQuotedRecordDelimiter;
    if (q !== undefined && typeof q !== "boolean") {
      throw new InvalidArgumentError("allowQuotedRecordDelimiter must be a boolean");
    }
    checkChars(options.comments, 1, 1, "comments");
    checkChars(options.fieldDelimiter, 1, Infinity, "fieldDelimiter");
    checkChars(options.quoteCharacter, 0, 1, "quoteCharacter");
    checkChars(options.quoteEscapeCharacter, 0, 1, "quoteEscapeCharacter");
    checkChars(options.recordDelimiter, 1, 2, "recordDelimiter");
    this.options = { ...options };
  }

  /** The `<InputSerialization>` element. */
  toXml(): string {
    const o = this.options;
    return element(
      "InputSerialization",
      optional("CompressionType", o.compressionType) +
        element(
          "CSV",
          optional("AllowQuotedRecordDelimiter", o.allowQuotedRecordDelimiter) +
            optional("Comments", o.comments) +
            optional("FieldDelimiter", o.fieldDelimiter) +
            optional("FileHeaderInfo", o.fileHeaderInfo) +
            optional("QuoteCharacter", o.quoteCharacter) +
            optional("QuoteEscapeCharacter", o.quoteEscapeCharacter) +
            optional("RecordDelimiter", o.recordDelimiter),
        ),
    );
  }
}

/**
 * Options of {@link JSONInputSerialization}.
 *
 * @example
 * ```ts
 * import { type JSONInputOptions, JSONInputSerialization } from "@minio-edge/minio";
 * const options: JSONInputOptions = { compressionType: "GZIP", jsonType: "LINES" };
 * const input = new JSONInputSerialization(options);
 * ```
 */
export interface JSONInputOptions {
  /** Compression of the whole object (default NONE). */
  compressionType?: CompressionType;
  /** One document or one value per line (default DOCUMENT). */
  jsonType?: JsonType;
}

/**
 * Reads the object as JSON.
 *
 * @example
 * ```ts
 * import { JSONInputSerialization } from "@minio-edge/minio";
 * const input = new JSONInputSerialization({ jsonType: "LINES" });
 * ```
 */
export class JSONInputSerialization {
  /** The options as given. */
  readonly options: Readonly<JSONInputOptions>;

  /** Checks the options. */
  constructor(options: JSONInputOptions = {}) {
    checkOptions(options, "JSONInputSerialization");
    checkEnum(options.compressionType, COMPRESSION, "compressionType");
    checkEnum(options.jsonType, ["DOCUMENT", "LINES"], "jsonType");
    this.options = { ...options };
  }

  /** The JSON type sent: the given one, else DOCUMENT. */
  get jsonType(): JsonType {
    return this.options.jsonType ?? "DOCUMENT";
  }

  /** The `<InputSerialization>` element. */
  toXml(): string {
    // Type is always sent: S3 defaults to DOCUMENT, but MinIO refuses a
    // <JSON> element without it (InvalidJsonType).
    return element(
      "InputSerialization",
      optional("CompressionType", this.options.compressionType) +
        element("JSON", textElement("Type", this.jsonType)),
    );
  }
}

/**
 * Options of {@link ParquetInputSerialization}.
 *
 * @example
 * ```ts
 * import { type ParquetInputOptions, ParquetInputSerialization } from "@minio-edge/minio";
 * const options: ParquetInputOptions = { compressionType: "NONE" };
 * const input = new ParquetInputSerialization(options);
 * ```
 */
export interface ParquetInputOptions {
  /** Only NONE: Parquet compresses columns, never the whole object. */
  compressionType?: "NONE";
}

/**
 * Reads the object as Apache Parquet. MinIO answers Parquet requests only
 * when the server runs with `MINIO_API_SELECT_PARQUET=on`.
 *
 * @example
 * ```ts
 * import { ParquetInputSerialization } from "@minio-edge/minio";
 * const input = new ParquetInputSerialization();
 * ```
 */
export class ParquetInputSerialization {
  /** The options as given. */
  readonly options: Readonly<ParquetInputOptions>;

  /** Checks the options. */
  constructor(options: ParquetInputOptions = {}) {
    checkOptions(options, "ParquetInputSerialization");
    checkEnum(options.compressionType, ["NONE"], "compressionType of Parquet input");
    this.options = { ...options };
  }

  /** The `<InputSerialization>` element. */
  toXml(): string {
    return element(
      "InputSerialization",
      optional("CompressionType", this.options.compressionType) + element("Parquet", ""),
    );
  }
}

/**
 * Options of {@link CSVOutputSerialization}.
 *
 * @example
 * ```ts
 * import { type CSVOutputOptions, CSVOutputSerialization } from "@minio-edge/minio";
 * const options: CSVOutputOptions = { fieldDelimiter: "|", quoteFields: "ASNEEDED" };
 * const output = new CSVOutputSerialization(options);
 * ```
 */
export interface CSVOutputOptions {
  /** Separates fields: one character (server default `,`). */
  fieldDelimiter?: string;
  /** Quotes fields (server default `"`; empty: none). */
  quoteCharacter?: string;
  /** Escapes the quote character inside a quoted field. */
  quoteEscapeCharacter?: string;
  /** Quote every field, or only as needed (server default ASNEEDED). */
  quoteFields?: QuoteFields;
  /** Ends each record: one or two characters (server default `\n`). */
  recordDelimiter?: string;
}

/**
 * Writes the records as CSV.
 *
 * @example
 * ```ts
 * import { CSVOutputSerialization } from "@minio-edge/minio";
 * const output = new CSVOutputSerialization({ fieldDelimiter: ";", quoteFields: "ALWAYS" });
 * ```
 */
export class CSVOutputSerialization {
  /** The options as given. */
  readonly options: Readonly<CSVOutputOptions>;

  /** Checks the options. */
  constructor(options: CSVOutputOptions = {}) {
    checkOptions(options, "CSVOutputSerialization");
    // MinIO writes only the first character of a longer delimiter.
    checkChars(options.fieldDelimiter, 1, 1, "fieldDelimiter");
    checkChars(options.quoteCharacter, 0, 1, "quoteCharacter");
    checkChars(options.quoteEscapeCharacter, 0, 1, "quoteEscapeCharacter");
    checkEnum(options.quoteFields, ["ALWAYS", "ASNEEDED"], "quoteFields");
    checkChars(options.recordDelimiter, 1, 2, "recordDelimiter");
    this.options = { ...options };
  }

  /** The `<OutputSerialization>` element. */
  toXml(): string {
    const o = this.options;
    return element(
      "OutputSerialization",
      element(
        "CSV",
        optional("FieldDelimiter", o.fieldDelimiter) +
          optional("QuoteCharacter", o.quoteCharacter) +
          optional("QuoteEscapeCharacter", o.quoteEscapeCharacter) +
          optional("QuoteFields", o.quoteFields) +
          optional("RecordDelimiter", o.recordDelimiter),
      ),
    );
  }
}

/**
 * Options of {@link JSONOutputSerialization}.
 *
 * @example
 * ```ts
 * import { type JSONOutputOptions, JSONOutputSerialization } from "@minio-edge/minio";
 * const options: JSONOutputOptions = { recordDelimiter: "\r\n" };
 * const output = new JSONOutputSerialization(options);
 * ```
 */
export interface JSONOutputOptions {
  /** Ends each record: one or two characters (server default `\n`). */
  recordDelimiter?: string;
}

/**
 * Writes each record as a JSON object.
 *
 * @example
 * ```ts
 * import { JSONOutputSerialization } from "@minio-edge/minio";
 * const output = new JSONOutputSerialization({ recordDelimiter: "\r\n" });
 * ```
 */
export class JSONOutputSerialization {
  /** The options as given. */
  readonly options: Readonly<JSONOutputOptions>;

  /** Checks the options. */
  constructor(options: JSONOutputOptions = {}) {
    checkOptions(options, "JSONOutputSerialization");
    checkChars(options.recordDelimiter, 1, 2, "recordDelimiter");
    this.options = { ...options };
  }

  /** The `<OutputSerialization>` element. */
  toXml(): string {
    return element(
      "OutputSerialization",
      element("JSON", optional("RecordDelimiter", this.options.recordDelimiter)),
    );
  }
}

/**
 * How the object is read.
 *
 * @example
 * ```ts
 * import {
 *   CSVInputSerialization, type InputSerialization, JSONInputSerialization,
 * } from "@minio-edge/minio";
 * function inputFor(name: string): InputSerialization {
 *   return name.endsWith(".jsonl")
 *     ? new JSONInputSerialization({ jsonType: "LINES" })
 *     : new CSVInputSerialization({ fileHeaderInfo: "USE" });
 * }
 * ```
 */
export type InputSerialization =
  | CSVInputSerialization
  | JSONInputSerialization
  | ParquetInputSerialization;

/**
 * How the records are written.
 *
 * @example
 * ```ts
 * import {
 *   CSVOutputSerialization, JSONOutputSerialization, type OutputSerialization,
 * } from "@minio-edge/minio";
 * function outputFor(format: "csv" | "json"): OutputSerialization {
 *   return format === "json" ? new JSONOutputSerialization() : new CSVOutputSerialization();
 * }
 * ```
 */
export type OutputSerialization = CSVOutputSerialization | JSONOutputSerialization;
