/**
 * ListenBucketNotification, a MinIO extension: one long-lived GET whose body
 * is a line of JSON per event, read as an async iterable of event records.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { linkedController } from "../../base/abort.ts";
import { checkBucketName, checkInteger } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";

/**
 * minio-py's default: every created, removed and accessed event.
 *
 * @example
 * ```ts
 * import { DEFAULT_LISTEN_EVENTS, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * // Everything but the accesses:
 * const events = DEFAULT_LISTEN_EVENTS.filter((e) => e !== "s3:ObjectAccessed:*");
 * const stream = client.listenBucketNotification("photos", "", "", events);
 * for await (const r of stream) console.log(r.eventName, r.s3.object.key);
 * ```
 */
export const DEFAULT_LISTEN_EVENTS: readonly string[] = Object.freeze([
  "s3:ObjectCreated:*",
  "s3:ObjectRemoved:*",
  "s3:ObjectAccessed:*",
]);

// minio-go's choice; without `ping` MinIO writes a space every 500 ms instead.
const DEFAULT_PING_SECONDS = 10;
/** Longest line of the stream: one event record is a few KiB. */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Options of {@link listenBucketNotification}.
 *
 * @example
 * ```ts
 * import { type ListenBucketNotificationOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: ListenBucketNotificationOptions = {
 *   ping: 30, signal: AbortSignal.timeout(3_600_000),
 * };
 * const stream = client.listenBucketNotification("photos", "uploads/", "", undefined, options);
 * for await (const r of stream) console.log(r.eventName, r.s3.object.key);
 * ```
 */
export interface ListenBucketNotificationOptions extends RequestOptions {
  /**
   * Seconds between the server's keep-alive lines (`{"Records":null}`), at
   * least 1 (default 10). They keep proxies from closing an idle connection
   * and are never yielded.
   */
  ping?: number;
  /**
   * Off (0) unless given here, whatever the client's: the stream may be
   * quiet for long, and MinIO may hold back its first line and its
   * keep-alives until a few KiB have accumulated.
   */
  headersTimeoutMs?: number;
  /** Off (0) unless given here, for the same reason as `headersTimeoutMs`. */
  bodyTimeoutMs?: number;
}

/**
 * One S3 event record, as MinIO sends it.
 *
 * @example
 * ```ts
 * import { Minio, type NotificationRecord } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * function onEvent(r: NotificationRecord): void {
 *   console.log(r.eventTime, r.eventName, r.s3.bucket.name, r.s3.object.key, r.s3.object.size);
 * }
 * for await (const record of client.listenBucketNotification("photos")) onEvent(record);
 * ```
 */
export interface NotificationRecord {
  /** Such as `2.0`. */
  eventVersion: string;
  /** `minio:s3` (MinIO) or `aws:s3`. */
  eventSource: string;
  /** Region of the bucket. */
  awsRegion: string;
  /** ISO 8601 time of the event. */
  eventTime: string;
  /** Such as `s3:ObjectCreated:Put`. */
  eventName: string;
  /** Who caused the event. */
  userIdentity: { principalId: string };
  /** Parameters of the request that caused it. */
  requestParameters: Record<string, string>;
  /** Response headers of that request. */
  responseElements: Record<string, string>;
  /**
   * The bucket and object. In this stream `object.key` is the plain name;
   * notification targets (webhook, queues) get it URL-encoded.
   */
  s3: {
    s3SchemaVersion: string;
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: {
      key: string;
      size?: number;
      eTag?: string;
      contentType?: string;
      userMetadata?: Record<string, string>;
      versionId?: string;
      sequencer: string;
    };
  };
  /** Where the request came from (MinIO). */
  source?: { host: string; port: string; userAgent: string };
  /** Fields this type does not name. */
  [field: string]: unknown;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The events of one ListenBucketNotification connection. Iterate it with
 * `for await`; leaving the loop (`break`, `return()`), calling `close()` or
 * aborting the `signal` closes the connection and ends the iteration without
 * an error. The iteration also ends when the server closes the connection.
 * The request is sent on the first `next()` or `ready()`.
 *
 * @example
 * ```ts
 * const events = client.listenBucketNotification("photos", "", ".jpg", ["s3:ObjectCreated:*"]);
 * await events.ready(); // events from now on are seen
 * for await (const record of events) {
 *   console.log(record.eventName, record.s3.object.key);
 *   if (record.eventName === "s3:ObjectCreated:Put") break; // closes the connection
 * }
 * ```
 */
export class NotificationStream implements AsyncIterableIterator<NotificationRecord> {
  readonly #open: (signal: AbortSignal) => Promise<Response>;
  readonly #controller: AbortController & { dispose(): void };
  readonly #decoder = new TextDecoder();
  readonly #records: NotificationRecord[] = [];
  #connection?: Promise<ReadableStreamDefaultReader<Uint8Array> | undefined>;
  #reader?: ReadableStreamDefaultReader<Uint8Array>;
  #buffer = "";
  #ended = false; // the server closed: hand out what is queued, then done
  #closed = false; // the caller closed: done at once
  #failure?: Error; // a bad line: thrown once the records before it are handed out
  #queue: Promise<unknown> = Promise.resolve();

  /** `open` sends the request; `signal` closes the stream when aborted. */
  constructor(open: (signal: AbortSignal) => Promise<Response>, signal?: AbortSignal) {
    this.#open = open;
    this.#controller = linkedController(signal);
    this.#controller.signal.addEventListener("abort", () => this.#close(), { once: true });
  }

  /**
   * Sends the request if not yet sent and resolves once the server answered,
   * that is once it delivers events. MinIO answers with its first line: an
   * event or the first keep-alive, `ping` seconds later. (MinIO builds with
   * the regression of minio/minio#21651 hold the stream back until a few KiB
   * of events have accumulated; against those it resolves that late. See
   * docs/troubleshooting.md.)
   */
  async ready(): Promise<void> {
    try {
      await this.#connect();
    } catch (e) {
      if (!this.#closed) throw e;
    }
  }

  /** The next event record. */
  next(): Promise<IteratorResult<NotificationRecord, undefined>> {
    // Calls are served in order, so overlapping next() calls never share a read.
    const result = this.#queue.then(() => this.#read());
    this.#queue = result.catch(() => {});
    return result;
  }

  /** Closes the connection and ends the iteration (what `break` calls). */
  return(): Promise<IteratorResult<NotificationRecord, undefined>> {
    this.#close();
    return Promise.resolve(DONE);
  }

  /** Closes the connection; the iteration ends. */
  close(): Promise<void> {
    this.#close();
    return Promise.resolve();
  }

  /** This stream. */
  [Symbol.asyncIterator](): this {
    return this;
  }

  #connect(): Promise<ReadableStreamDefaultReader<Uint8Array> | undefined> {
    if (!this.#connection) {
      this.#connection = this.#open(this.#controller.signal).then((res) => {
        this.#reader = res.body?.getReader();
        if (this.#closed) this.#cancelReader();
        return this.#reader;
      });
      // Nobody may be waiting (close() before any next()); the error is not lost for those who are.
      this.#connection.catch(() => {});
    }
    return this.#connection;
  }

  async #read(): Promise<IteratorResult<NotificationRecord, undefined>> {
    for (;;) {
      if (this.#closed) return DONE;
      if (this.#records.length) return { done: false, value: this.#records.shift()! };
      if (this.#failure) {
        this.#close();
        throw this.#failure;
      }
      if (this.#ended) return DONE;
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        const reader = await this.#connect();
        chunk = reader ? await reader.read() : { done: true, value: undefined };
      } catch (e) {
        if (this.#closed) return DONE;
        this.#close();
        throw e;
      }
      if (this.#closed) return DONE;
      if (chunk.done) {
        this.#ended = true;
        this.#controller.dispose();
        this.#buffer += this.#decoder.decode();
        this.#buffer += "\n";
      } else {
        this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      }
      this.#takeLines();
      // In UTF-16 code units, never more than the UTF-8 bytes received.
      if (!this.#failure && this.#buffer.length > MAX_LINE_BYTES) {
        this.#buffer = "";
        this.#failure = new InvalidResponseError(
          `notification line longer than ${MAX_LINE_BYTES} bytes`,
          200,
          "application/json",
        );
      }
    }
  }

  /** Parses every complete line of the buffer into queued records. */
  #takeLines(): void {
    let nl: number;
    while ((nl = this.#buffer.indexOf("\n")) >= 0) {
      // Keep-alive spaces (without `ping`) run into the next line; trimming drops them.
      const line = this.#buffer.slice(0, nl).trim();
      this.#buffer = this.#buffer.slice(nl + 1);
      if (!line) continue;
      let event: { Records?: unknown };
      try {
        event = JSON.parse(line);
      } catch {
        this.#failure = new InvalidResponseError(
          `notification line is not JSON: ${line.slice(0, 100)}`,
          200,
          "application/json",
        );
        return;
      }
      // `{"Records":null}` is the keep-alive sent every `ping` seconds.
      if (Array.isArray(event?.Records)) this.#records.push(...event.Records);
    }
  }

  #cancelReader(): void {
    this.#reader?.cancel().catch(() => {});
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#records.length = 0;
    this.#cancelReader();
    // Also stops a request still waiting for its answer.
    this.#controller.abort();
    this.#controller.dispose();
  }
}

function checkFilter(value: unknown, what: string): void {
  if (typeof value !== "string" || value.length > 1024) {
    throw new InvalidArgumentError(`${what} must be a string of at most 1024 characters`);
  }
}

/**
 * Listens for events of objects in a bucket whose names have `prefix` and
 * `suffix` (MinIO only). Checks the arguments at once; the request is sent
 * when the stream is first read or `ready()` is awaited.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * const events = client.listenBucketNotification("photos", "uploads/", ".jpg", [
 *   "s3:ObjectCreated:*",
 * ], { signal: ac.signal });
 * for await (const record of events) {
 *   console.log(record.eventName, record.s3.object.key);
 * }
 * ```
 */
export function listenBucketNotification(
  core: MinioCore,
  bucket: string,
  prefix = "",
  suffix = "",
  events: readonly string[] = DEFAULT_LISTEN_EVENTS,
  options: ListenBucketNotificationOptions = {},
): NotificationStream {
  checkBucketName(bucket);
  checkFilter(prefix, "prefix");
  checkFilter(suffix, "suffix");
  if (
    !Array.isArray(events) || events.length === 0 ||
    events.some((e) => typeof e !== "string" || e === "")
  ) {
    throw new InvalidArgumentError("events must be a non-empty array of event names");
  }
  const ping = options.ping ?? DEFAULT_PING_SECONDS;
  checkInteger(ping, "ping", 1, undefined, "(seconds)");
  if (/(^|\.)amazonaws\.com(\.cn)?$/i.test(core.endpoint.hostname)) {
    throw new InvalidArgumentError(
      "listenBucketNotification is a MinIO extension: Amazon S3 has no such API",
    );
  }
  const query: QueryParam[] = [["prefix", prefix], ["suffix", suffix], ["ping", String(ping)]];
  for (const e of events) query.push(["events", e]);
  return new NotificationStream(
    (signal) =>
      core.request({
        method: "GET",
        bucket,
        query,
        options: {
          ...options,
          signal,
          headersTimeoutMs: options.headersTimeoutMs ?? 0,
          bodyTimeoutMs: options.bodyTimeoutMs ?? 0,
        },
      }),
    options.signal,
  );
}
