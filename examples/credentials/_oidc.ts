/**
 * What the OpenID examples share: a token from the identity provider's
 * client-credentials grant, and the MinIO that trusts the provider (its root
 * keys make and remove a bucket its policy lets the token's holder use).
 */
import { type Jwt, Minio } from "@minio-edge/minio";

/** The MinIO that trusts the identity provider (also its STS endpoint). */
export const endPoint = process.env.MINIO_ENDPOINT ?? "https://127.0.0.1:9000";

/** A root client of that MinIO. */
export const owner = new Minio({
  endPoint,
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

/** A fresh access token (a JWT) for this service, from the OAuth client-credentials grant. */
export async function clientToken(): Promise<Jwt> {
  const issuer = process.env.MINIO_OIDC_ISSUER ?? "http://127.0.0.1:8080";
  const res = await fetch(`${issuer}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: process.env.MINIO_OIDC_CLIENT_ID ?? "minio",
      client_secret: process.env.MINIO_OIDC_CLIENT_SECRET ?? "",
      scope: "openid",
    }),
  });
  if (!res.ok) throw new Error(`the identity provider answered HTTP ${res.status}`);
  const { access_token, expires_in } = await res.json();
  return { token: access_token, expiresIn: expires_in };
}

/** A bucket the token's policy (`oidc-allowed-*`) allows, with one object; `done()` removes it. */
export async function allowedBucket(): Promise<{ bucket: string; done(): Promise<void> }> {
  const bucket = `oidc-allowed-${crypto.randomUUID().slice(0, 8)}`;
  await owner.makeBucket(bucket);
  await owner.putObject(bucket, "hello.txt", "hello");
  return {
    bucket,
    async done() {
      for await (const o of owner.listObjects(bucket)) await owner.removeObject(bucket, o.name);
      await owner.removeBucket(bucket);
    },
  };
}
