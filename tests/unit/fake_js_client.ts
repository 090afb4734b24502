// A minio-js entry Client on a fake endpoint: its fetch records each request
// and answers from a queue (a Reply, or a function of the request).
import { Client } from "../../minio-js.ts";
import {
  FAKE_ENDPOINT,
  recordingFetch,
  type Reply,
  replyResponse,
  type Sent,
} from "./fake_fetch.ts";

/** A minio-js Client whose requests are recorded in `sent` and answered by `replies`. */
export function fakeJsClient(
  replies: (Reply | ((s: Sent) => Response))[] = [],
  options: Record<string, unknown> = {},
) {
  const { sent, fetch } = recordingFetch((s) => {
    const r = replies.shift() ?? {};
    return typeof r === "function" ? r(s) : replyResponse(r, s.method);
  });
  const client = new Client({
    ...FAKE_ENDPOINT,
    fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, sent };
}
