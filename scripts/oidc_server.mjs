// A small OpenID provider for the test bed (scripts/testbed_oidc.sh), on
// 127.0.0.1: oidc-provider with its own RSA signing key (new per start) and
// one confidential client that may use the client-credentials grant. Its
// access tokens are JWTs whose audience is the client ID (what MinIO checks)
// and which carry a `policy` claim, MinIO's default claim for policies.
// The client secret comes from the environment (OIDC_CLIENT_SECRET), not
// from argv, so no process list shows it.
//   OIDC_CLIENT_SECRET=... node scripts/oidc_server.mjs PORT CLIENT_ID POLICY
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";

const [port, clientId, policy] = process.argv.slice(2);
const clientSecret = process.env.OIDC_CLIENT_SECRET;
if (!port || !clientId || !clientSecret || !policy) {
  console.error("usage: OIDC_CLIENT_SECRET=... node scripts/oidc_server.mjs PORT CLIENT_ID POLICY");
  process.exit(2);
}
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = {
  ...privateKey.export({ format: "jwk" }),
  kid: "minio-edge-test",
  alg: "RS256",
  use: "sig",
};
const resource = "urn:minio-edge:test";

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    grant_types: ["client_credentials"],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: "client_secret_post",
  }],
  jwks: { keys: [jwk] },
  scopes: ["openid"],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "openid",
        audience: clientId,
        accessTokenFormat: "jwt",
        accessTokenTTL: 3600,
        jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
  extraTokenClaims: () => ({ policy }),
});
provider.listen(Number(port), "127.0.0.1");
console.log(`oidc: http://127.0.0.1:${port}`);
