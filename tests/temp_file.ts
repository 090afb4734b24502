/** A temporary file for a test on Deno, Bun and Node, removed after. */
import * as fs from "node:fs/promises";
import * as os from "node:os";

/** Runs `fn` with the path of a new file holding `text`, then removes it. */
export async function withTempFile(
  text: string,
  fn: (path: string) => Promise<void>,
): Promise<void> {
  const dir = await fs.mkdtemp(`${os.tmpdir()}/minio-edge-`);
  try {
    const path = `${dir}/file`;
    await fs.writeFile(path, text);
    await fn(path);
  } finally {
    await fs.rm(dir, { recursive: true });
  }
}
