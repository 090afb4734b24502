/**
 * The text progress bar of the examples' long transfers: pass `progressBar()`
 * as `onProgress`; it redraws `[#####     ]  50%` in place as the bytes go.
 *
 * @example
 * ```ts
 * await client.putObject("videos", "big.bin", file.stream(), file.size, {
 *   onProgress: progressBar(),
 * });
 * ```
 *
 * @module
 */
import type { Progress } from "@minio-edge/minio";

/** A fresh bar, drawn on stdout. */
export function progressBar(): (progress: Progress) => void {
  let shown = -1;
  return ({ loaded, total }) => {
    const percent = total ? Math.floor((loaded / total) * 100) : 0;
    if (percent === shown) return;
    shown = percent;
    const bar = "#".repeat(Math.round(percent * 0.3)).padEnd(30);
    process.stdout.write(
      `\r[${bar}] ${String(percent).padStart(3)}%${percent === 100 ? "\n" : ""}`,
    );
  };
}
