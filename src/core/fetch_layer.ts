/**
 * One attempt through a core's fetch layer (see fetch_layers.ts): the
 * application's User-Agent put in place of the SDK's, and the attempt and
 * its answer handed to the trace sink.
 *
 * @module
 */

import { USER_AGENT } from "../base/version.ts";
import { type TraceEntry, traceEntry, type TraceSink, traceText } from "./trace_format.ts";

/** What one core's layer adds. */
export interface Layers {
  /** The User-Agent in place of the SDK's own. */
  userAgent?: string;
  /** Where each attempt is traced. */
  sink?: TraceSink;
}

/** Sends `init` to `url` through `next` with what `layers` adds. */
export async function layered(
  { userAgent, sink }: Layers,
  next: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> {
  const headers = init.headers as Record<string, string>;
  // Only in place of the SDK's own: a caller's User-Agent wins, and a page sends none.
  if (userAgent && headers["user-agent"] === USER_AGENT) {
    init = { ...init, headers: { ...headers, "user-agent": userAgent } };
  }
  if (!sink) return next(url, init);
  let res: Response;
  try {
    res = await next(url, init);
  } catch (e) {
    deliver(sink, traceEntry(url, init, undefined, e));
    throw e;
  }
  deliver(sink, traceEntry(url, init, res));
  return res;
}

function deliver(sink: TraceSink, entry: TraceEntry): void {
  try {
    if (typeof sink === "function") sink(entry);
    else sink.write(traceText(entry));
  } catch (e) {
    // As an event listener's: reported as an uncaught error, the request unharmed.
    queueMicrotask(() => {
      throw e;
    });
  }
}
