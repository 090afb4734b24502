/**
 * The request of SelectObjectContent (S3 Select), minio-py's
 * `SelectRequest`: the SQL expression, the input and output serializations,
 * progress events and a scan range.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { checkOptionalInteger } from "../../base/validate.ts";
import { element, S3_NAMESPACE, textElement } from "../../xml/write.ts";
import {
  checkOptions,
  type CSVInputOptions,
  CSVInputSerialization,
  CSVOutputSerialization,
  type InputSerialization,
  type JSONInputOptions,
  JSONInputSerialization,
  JSONOutputSerialization,
  optional,
  type OutputSerialization,
  ParquetInputSerialization,
} from "./serialization.ts";

/** The largest SQL expression S3 accepts: 256 KiB. */
export const MAX_EXPRESSION_SIZE = 256 * 1024;

/**
 * Options of {@link SelectRequest}.
 *
 * @example
 * ```ts
 * import {
 *   CSVInputSerialization, CSVOutputSerialization, SelectRequest, type SelectRequestOptions,
 * } from "@minio-edge/minio";
 * // Scan only the first MiB of the object, with Progress events.
 * const options: SelectRequestOptions = {
 *   requestProgress: true,
 *   scanStartRange: 0,
 *   scanEndRange: 1024 * 1024 - 1,
 * };
 * const request = new SelectRequest(
 *   "SELECT * FROM S3Object",
 *   new CSVInputSerialization(),
 *   new CSVOutputSerialization(),
 *   options,
 * );
 * ```
 */
export interface SelectRequestOptions {
  /** Ask for Progress events while the query runs (default false). */
  requestProgress?: boolean;
  /**
   * First byte of the object to scan. S3 returns the records that start
   * inside the range; MinIO cuts the input at the range's ends, so align
   * them with record boundaries there.
   */
  scanStartRange?: number;
  /** Last byte to scan; without a start, the number of bytes from the end. */
  scanEndRange?: number;
}

function checkScanRange(input: InputSerialization, start?: number, end?: number): void {
  checkOptionalInteger(start, "scanStartRange");
  checkOptionalInteger(end, "scanEndRange");
  if (start === undefined && end === undefined) return;
  if (start !== undefined && end !== undefined && start > end) {
    throw new InvalidArgumentError("scanStartRange must not be after scanEndRange");
  }
  // S3 scans byte ranges only where a record boundary can be found from any
  // offset: uncompressed CSV without quoted record delimiters, JSON LINES.
  const o = input.options as CSVInputOptions & JSONInputOptions;
  if (o.compressionType === "GZIP" || o.compressionType === "BZIP2") {
    throw new InvalidArgumentError("a scan range needs uncompressed input");
  }
  if (input instanceof JSONInputSerialization && input.jsonType !== "LINES") {
    throw new InvalidArgumentError('a scan range needs JSON input of jsonType "LINES"');
  }
  if (o.allowQuotedRecordDelimiter) {
    throw new InvalidArgumentError("a scan range cannot be used with allowQuotedRecordDelimiter");
  }
}

/**
 * A SelectObjectContent request: an SQL expression over `S3Object`, the
 * input and output formats, and optionally progress events and a scan range.
 *
 * @example
 * ```ts
 * import { CSVInputSerialization, CSVOutputSerialization, SelectRequest } from "@minio-edge/minio";
 * const request = new SelectRequest(
 *   "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 30",
 *   new CSVInputSerialization({ fileHeaderInfo: "USE" }),
 *   new CSVOutputSerialization(),
 *   { requestProgress: true },
 * );
 * console.log(request.toXml());
 * ```
 */
export class SelectRequest {
  /** The SQL expression. */
  readonly expression: string;
  /** How the object is read. */
  readonly inputSerialization: InputSerialization;
  /** How the records are written. */
  readonly outputSerialization: OutputSerialization;
  /** Whether Progress events are asked for. */
  readonly requestProgress: boolean;
  /** First byte to scan. */
  readonly scanStartRange?: number;
  /** Last byte to scan (or suffix length without a start). */
  readonly scanEndRange?: number;

  /** Checks the arguments; throws {@link InvalidArgumentError}. */
  constructor(
    expression: string,
    inputSerialization: InputSerialization,
    outputSerialization: OutputSerialization,
    options: SelectRequestOptions = {},
  ) {
    if (typeof expression !== "string" || expression.trim() === "") {
      throw new InvalidArgumentError("expression must be a non-empty SQL string");
    }
    if (new TextEncoder().encode(expression).length > MAX_EXPRESSION_SIZE) {
      throw new InvalidArgumentError("expression must be at most 256 KiB");
    }
    if (
      !(inputSerialization instanceof CSVInputSerialization ||
        inputSerialization instanceof JSONInputSerialization ||
        inputSerialization instanceof ParquetInputSerialization)
    ) {
      throw new InvalidArgumentError(
        "inputSerialization must be a CSVInputSerialization, JSONInputSerialization or ParquetInputSerialization",
      );
    }
    if (
      !(outputSerialization instanceof CSVOutputSerialization ||
        outputSerialization instanceof JSONOutputSerialization)
    ) {
      throw new InvalidArgumentError(
        "outputSerialization must be a CSVOutputSerialization or JSONOutputSerialization",
      );
    }
    checkOptions(options, "SelectRequest");
    const { requestProgress = false, scanStartRange, scanEndRange } = options;
    if (typeof requestProgress !== "boolean") {
      throw new InvalidArgumentError("requestProgress must be a boolean");
    }
    checkScanRange(inputSerialization, scanStartRange, scanEndRange);
    this.expression = expression;
    this.inputSerialization = inputSerialization;
    this.outputSerialization = outputSerialization;
    this.requestProgress = requestProgress;
    this.scanStartRange = scanStartRange;
    this.scanEndRange = scanEndRange;
  }

  /** The request body: a `<SelectObjectContentRequest>` document. */
  toXml(): string {
    const { scanStartRange: start, scanEndRange: end } = this;
    const range = start === undefined && end === undefined
      ? ""
      : element("ScanRange", optional("Start", start) + optional("End", end));
    return element(
      "SelectObjectContentRequest",
      textElement("Expression", this.expression) +
        textElement("ExpressionType", "SQL") +
        this.inputSerialization.toXml() +
        this.outputSerialization.toXml() +
        (this.requestProgress ? element("RequestProgress", textElement("Enabled", true)) : "") +
        range,
      S3_NAMESPACE,
    );
  }
}
