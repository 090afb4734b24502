/**
 * One attempt through a core's fetch layer (see fetch_layers.ts): the
 * application's name added to the SDK's User-Agent, and the attempt and its
 * answer handed to the trace sink.
 *
 * @module
 */

import { type TraceEntry, traceEntry, type TraceSink, traceText } from "./trace_format.ts";

/** What one core's layer adds. */
export interface Layers {
  /** `<appName>/<appVersion>`, added to the SDK's own User-Agent. */
  appInfo?: string;
  /** Where each attempt is traced. */
  sink?: TraceSink;
}

/** Sends `init` to `url` through `next` with what `layers` adds. */
export async function layered(
  { appInfo, sink }: Layers,
  next: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> {
  const headers = init.headers as Record<string, string>;
  const agent = headers["user-agent"];
  // Only after the SDK's own (`minio-edge/<version>`): a caller's User-Agent wins.
  if (appInfo && agent?.startsWith("minio-edge/")) {
    init = { ...init, headers: { ...headers, "user-agent": `${agent} ${appInfo}` } };
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
