/**
 * The OpenID provider and the MinIO that trusts it and client certificates,
 * started by scripts/testbed_oidc.sh. Without them the tests fail loudly;
 * they never skip.
 */
import { Minio } from "../../mod.ts";
import { env } from "./testbed.ts";

/** An OIDC test-bed variable (`MINIO_TEST_OIDC_<name>`); throws when that bed is not running. */
export function oidcEnv(name: string): string {
  try {
    return env(`MINIO_TEST_OIDC_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_OIDC_${name} is not set: these tests need oidc-provider and its MinIO ` +
        "(bash scripts/testbed_oidc.sh start; source .testbed/oidc.env)",
    );
  }
}

/** The MinIO's URL, also its STS endpoint. */
export function oidcMinioUrl(): string {
  return `https://${oidcEnv("HOST")}:${oidcEnv("PORT")}`;
}

/** Client options for that MinIO, without credentials. */
export function oidcEndpoint() {
  return { endPoint: oidcEnv("HOST"), port: Number(oidcEnv("PORT")), useSSL: true };
}

/** The root user's client of that MinIO. */
export function oidcRoot(): Minio {
  return new Minio({
    ...oidcEndpoint(),
    accessKey: oidcEnv("ACCESS_KEY"),
    secretKey: oidcEnv("SECRET_KEY"),
  });
}

/** A fresh access token (a JWT) from the provider's client-credentials grant. */
export async function clientCredentialsToken(): Promise<{ token: string; expiresIn: number }> {
  const res = await fetch(`${oidcEnv("ISSUER")}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: oidcEnv("CLIENT_ID"),
      client_secret: oidcEnv("CLIENT_SECRET"),
      scope: "openid",
    }),
  });
  const answer = await res.json() as { access_token: string; expires_in: number };
  if (!res.ok) throw new Error(`token endpoint answered HTTP ${res.status}`);
  return { token: answer.access_token, expiresIn: answer.expires_in };
}
