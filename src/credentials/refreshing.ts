/**
 * The refresh every temporary-credential provider shares: the credentials
 * are cached and fetched again a margin before they expire; concurrent
 * callers share one fetch; a caller's abort leaves its own wait at once and
 * cancels the fetch only when every caller waiting for it has aborted; a
 * failed refresh keeps the old credentials while they are still valid and
 * never hands out expired ones.
 *
 * @module
 */

import { abortable } from "../base/abort.ts";
import { checkInteger } from "../base/validate.ts";
import type { Credentials } from "./credentials.ts";

/** One fetch in flight, shared by the callers waiting for it. */
interface Refresh {
  promise: Promise<Credentials>;
  controller: AbortController;
  /** Callers still waiting; the last one to abort cancels the fetch. */
  waiting: number;
}

/** Default margin: refresh a minute before expiry, as minio-go and the AWS SDKs do. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 60;

/** Checks a `refreshMarginSeconds` option and returns it in milliseconds. */
export function refreshMarginMs(seconds: unknown): number {
  if (seconds === undefined) return DEFAULT_REFRESH_MARGIN_SECONDS * 1000;
  checkInteger(seconds, "refreshMarginSeconds", 0);
  return seconds * 1000;
}

/**
 * Caches what `fetchCredentials` gives and fetches again once the cached
 * credentials are within `marginMs` of their expiry (never, for ones
 * without an expiry).
 */
export class RefreshingCredentials {
  readonly #fetch: (signal: AbortSignal) => Promise<Credentials>;
  readonly #marginMs: number;
  #credentials?: Credentials;
  #refresh?: Refresh;

  constructor(fetchCredentials: (signal: AbortSignal) => Promise<Credentials>, marginMs: number) {
    this.#fetch = fetchCredentials;
    this.#marginMs = marginMs;
  }

  /** The cached credentials, or fresh ones; `signal` ends this caller's wait. */
  get(signal?: AbortSignal): Promise<Credentials> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const cached = this.#credentials;
    if (cached && !cached.isExpired(this.#marginMs)) return Promise.resolve(cached);
    this.#refresh ??= this.#start();
    const refresh = this.#refresh;
    refresh.waiting++;
    return abortable(refresh.promise, signal, () => {
      if (--refresh.waiting > 0) return;
      if (this.#refresh === refresh) this.#refresh = undefined;
      refresh.controller.abort(signal!.reason);
    });
  }

  #start(): Refresh {
    const controller = new AbortController();
    const done = () => {
      if (this.#refresh === refresh) this.#refresh = undefined;
    };
    const refresh: Refresh = {
      controller,
      waiting: 0,
      promise: this.#fetch(controller.signal).then(
        (c) => {
          done();
          this.#credentials = c;
          return c;
        },
        (e) => {
          done();
          // Within the margin the old credentials still work: use them, try again next call.
          const old = this.#credentials;
          if (old && !old.isExpired(0) && !controller.signal.aborted) return old;
          throw e;
        },
      ),
    };
    return refresh;
  }
}
