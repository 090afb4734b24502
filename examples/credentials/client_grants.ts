/**
 * `ClientGrantsProvider`: a service's OAuth client-credentials token
 * exchanged at MinIO's STS (`AssumeRoleWithClientGrants`).
 *
 *   deno run -A examples/credentials/client_grants.ts
 */
import { ClientGrantsProvider, Minio } from "@minio-edge/minio";
import { allowedBucket, clientToken, endPoint } from "./_oidc.ts";

const { bucket, done } = await allowedBucket();

const credentials = new ClientGrantsProvider(endPoint, clientToken, { durationSeconds: 900 });
const client = new Minio({ endPoint, credentials });
console.log(await (await client.getObject(bucket, "hello.txt")).text()); // "hello"

await done();
