/**
 * The test page's script (bundled by tests/browser/browser_test.mjs): the
 * browser helper as an app would import it, and the flows the test drives
 * through `page.evaluate`, exposed as `window.browserTest`. Everything here
 * runs in Chromium; node does the server side.
 *
 * @module
 */

import { uploadWithPresignedUrls } from "../../mod.ts";
import { patternBytes } from "./pattern.mjs";

const files = new Map();

/** The test File of `size` bytes from `seed`, made once per page. */
function fileOf(size, seed) {
  const key = `${size}/${seed}`;
  if (!files.has(key)) files.set(key, new File([patternBytes(size, seed)], "test.bin"));
  return files.get(key);
}

async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** What a progress trace says, small enough to send back to node. */
function summarize(events, total) {
  let monotone = true;
  for (let i = 1; i < events.length; i++) if (events[i] < events[i - 1]) monotone = false;
  return {
    count: events.length,
    distinct: new Set(events).size,
    values: events,
    first: events[0],
    last: events.at(-1),
    monotone,
    withinTotal: events.every((v) => v >= 0 && v <= total),
  };
}

function describe(e) {
  return { name: e?.name, message: e?.message ?? String(e) };
}

globalThis.browserTest = {
  /** PUT a text to a presigned URL with plain fetch. */
  async presignedPut(url, text) {
    const res = await fetch(url, { method: "PUT", body: text });
    return { status: res.status, etag: res.headers.get("etag") };
  },

  /** POST a form: the policy's fields, then the file, as a browser form would. */
  async presignedPost(url, fields, text, type) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", new File([text], "note.txt", { type }));
    const res = await fetch(url, { method: "POST", body: form });
    return { status: res.status, body: await res.text() };
  },

  /** The SHA-256 of the test File, to check node made the same bytes. */
  fileHash(size, seed) {
    return sha256Hex(fileOf(size, seed));
  },

  /**
   * Uploads the test File with the helper. With `abortAfterParts`, aborts
   * once that many parts are stored. Returns the parts, the parts this call
   * sent, a summary of the progress events and the error, if any.
   */
  async upload({ plan, size, seed, concurrency, uploadedParts, abortAfterParts }) {
    const controller = new AbortController();
    const sent = [];
    const progress = [];
    try {
      const parts = await uploadWithPresignedUrls(fileOf(size, seed), plan, {
        concurrency,
        uploadedParts,
        signal: controller.signal,
        retryDelayMs: 50,
        onProgress: ({ loaded, total }) => {
          if (total !== size) throw new Error(`total ${total}, not ${size}`);
          progress.push(loaded);
        },
        onPartUploaded: (p) => {
          sent.push(p.partNumber);
          if (sent.length === abortAfterParts) controller.abort(new Error("user aborted"));
        },
      });
      return { parts, sent, progress: summarize(progress, size) };
    } catch (e) {
      return { error: describe(e), sent, progress: summarize(progress, size) };
    }
  },
};
