/**
 * A loopback HTTP proxy in front of a test-bed server that counts the
 * requests reaching it, for asserting how many STS calls a provider made.
 * Headers (Host included, which a signature covers) pass through untouched.
 */
import * as http from "node:http";

/** A running proxy: its URL, the requests it forwarded, and `close()`. */
export interface CountingProxy {
  url: string;
  count(): number;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (`http://host:port`) on 127.0.0.1. */
export function countingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    const up = http.request({
      host: to.hostname,
      port: Number(to.port),
      method: req.method,
      path: req.url,
      headers: req.headers,
    }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        count: () => count,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
