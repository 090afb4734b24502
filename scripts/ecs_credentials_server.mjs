// The ECS/EKS container credentials endpoint for the test bed
// (scripts/testbed_imds.sh), on 127.0.0.1: GET PATH with the Authorization
// header TOKEN answers the role credentials as the ECS agent does (JSON with
// AccessKeyId, SecretAccessKey, Token, Expiration); anything else 401/404.
// The keys come from the environment (ECS_ACCESS_KEY, ECS_SECRET_KEY), not
// from argv, so no process list shows them.
//   node scripts/ecs_credentials_server.mjs PORT PATH TOKEN
import { createServer } from "node:http";

const [port, path, token] = process.argv.slice(2);
const { ECS_ACCESS_KEY: accessKey, ECS_SECRET_KEY: secretKey } = process.env;
if (!port || !path || !token || !accessKey || !secretKey) {
  console.error(
    "usage: ECS_ACCESS_KEY=.. ECS_SECRET_KEY=.. node scripts/ecs_credentials_server.mjs PORT PATH TOKEN",
  );
  process.exit(2);
}

createServer((req, res) => {
  if (req.method !== "GET" || req.url !== path) {
    res.writeHead(404).end();
  } else if (req.headers.authorization !== token) {
    res.writeHead(401, { "content-type": "application/json" })
      .end(JSON.stringify({ code: "Unauthorized" }));
  } else {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
      AccessKeyId: accessKey,
      SecretAccessKey: secretKey,
      Token: "",
      Expiration: new Date(Date.now() + 6 * 3600_000).toISOString(),
      RoleArn: "arn:aws:iam::000000000000:role/minio-edge-test",
    }));
  }
}).listen(Number(port), "127.0.0.1", () => console.log(`ecs: http://127.0.0.1:${port}${path}`));
