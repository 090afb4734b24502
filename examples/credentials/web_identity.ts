/**
 * `WebIdentityProvider`: a JWT from an OpenID provider exchanged at MinIO's
 * STS (`AssumeRoleWithWebIdentity`) for temporary credentials, whose policy
 * comes from a claim of the token. The token comes from a function, called
 * again whenever the credentials need renewing: on Workers and in browsers
 * too.
 *
 *   deno run -A examples/credentials/web_identity.ts
 */
import { Minio, WebIdentityProvider } from "@minio-edge/minio";
import { allowedBucket, clientToken, endPoint } from "./_oidc.ts";

const { bucket, done } = await allowedBucket();

const credentials = new WebIdentityProvider(endPoint, clientToken);
const client = new Minio({ endPoint, credentials });
for await (const o of client.listObjects(bucket)) console.log(o.name);

await done();
