// A webhook target for MinIO's bucket notifications: keeps every event POSTed
// to it and hands them back on GET /events. Prints its port on stdout.
import { createServer } from "node:http";

const events = [];
const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/events") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(events));
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.method === "POST" && body) {
      try {
        events.push(JSON.parse(body));
      } catch {
        events.push({ raw: body });
      }
    }
    res.writeHead(200);
    res.end();
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
