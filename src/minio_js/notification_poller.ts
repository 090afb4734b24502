/**
 * minio-js's `NotificationPoller`: what `listenBucketNotification` returns,
 * an event emitter of `notification` (one event record) and `error`, with
 * `stop()`. It reads this SDK's listen stream, and opens it again when the
 * server closes it, until stopped. The emitter is a small one of its own, so
 * Workers and browsers need no `node:events`.
 *
 * @module
 */

import type {
  NotificationRecord,
  NotificationStream,
} from "../s3/bucket/listen_bucket_notification.ts";

/**
 * A listener of a {@link TinyEmitter} event.
 *
 * @example
 * ```ts
 * import type { Listener } from "@minio-edge/minio/minio-js";
 * const log: Listener = (record) => console.log(record);
 * ```
 */
// deno-lint-ignore no-explicit-any
export type Listener = (...args: any[]) => void;

/**
 * The part of Node's `EventEmitter` minio-js's poller is used through:
 * `on` / `addListener`, `once`, `off` / `removeListener`,
 * `removeAllListeners`, `emit` and `listenerCount`. An `error` emitted with
 * no listener is thrown, as Node's emitter does.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const poller = client.listenBucketNotification("photos", "", "", ["s3:ObjectCreated:*"]);
 * const log = (r: unknown) => console.log(r);
 * poller.on("notification", log);
 * poller.off("notification", log);
 * poller.stop();
 * ```
 */
export class TinyEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  /** Calls `listener` on each `event`. */
  on(event: string, listener: Listener): this {
    if (typeof listener !== "function") throw new TypeError("listener must be a function");
    this.#listeners.set(event, [...this.#listeners.get(event) ?? [], listener]);
    return this;
  }

  /** Same as {@link on}. */
  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  /** Calls `listener` on the next `event` only. */
  once(event: string, listener: Listener): this {
    const once = (...args: unknown[]) => {
      this.off(event, once);
      listener(...args);
    };
    return this.on(event, once);
  }

  /** Removes one listener of `event`. */
  off(event: string, listener: Listener): this {
    const list = this.#listeners.get(event) ?? [];
    const i = list.lastIndexOf(listener);
    if (i >= 0) this.#listeners.set(event, [...list.slice(0, i), ...list.slice(i + 1)]);
    return this;
  }

  /** Same as {@link off}. */
  removeListener(event: string, listener: Listener): this {
    return this.off(event, listener);
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: string): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }

  /** How many listeners `event` has. */
  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** Calls the listeners of `event` with `args`; whether it had any. */
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list?.length) {
      if (event === "error") throw args[0];
      return false;
    }
    for (const l of list) l(...args);
    return true;
  }
}

/**
 * Emits `notification` with each event record of the bucket (minio-js's
 * `NotificationPoller`), until {@link stop}; a failed request emits `error`
 * and ends it. Made by `listenBucketNotification`, already listening.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const poller = client.listenBucketNotification("photos", "", ".jpg", ["s3:ObjectCreated:*"]);
 * poller.on("notification", (record) => {
 *   console.log("%s event occurred (%s)", record.eventName, record.eventTime);
 *   poller.stop();
 * });
 * poller.on("error", (e) => console.error(e));
 * ```
 */
export class NotificationPoller extends TinyEmitter {
  readonly #open: () => NotificationStream;
  #next?: NotificationStream;
  #stream?: NotificationStream;
  #running = false;
  #ending = false;

  /**
   * A poller reading `first`, then the streams `open` makes each time the
   * server closes one (see `listenBucketNotification`).
   */
  constructor(first: NotificationStream, open: () => NotificationStream) {
    super();
    this.#next = first;
    this.#open = open;
  }

  /** Starts listening (again, after {@link stop}). */
  start(): void {
    this.#ending = false;
    if (this.#running) return;
    this.#running = true;
    // On a later turn, as minio-js's: listeners added right after the call see every event.
    queueMicrotask(() => this.#poll());
  }

  /** Stops listening: closes the connection; no event is emitted after this. */
  stop(): void {
    this.#ending = true;
    void this.#stream?.close();
  }

  async #poll(): Promise<void> {
    try {
      while (!this.#ending) {
        const stream = this.#stream = this.#next ?? this.#open();
        this.#next = undefined;
        for await (const record of stream) {
          if (this.#ending) break;
          this.emit("notification", record as NotificationRecord);
        }
      }
    } catch (e) {
      if (!this.#ending) this.emit("error", e);
    } finally {
      this.#stream = undefined;
      this.#running = false;
    }
  }
}
