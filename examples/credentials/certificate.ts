/**
 * `CertificateIdentityProvider`: a client certificate presented in the TLS
 * handshake (`AssumeRoleWithCertificate`, MinIO with
 * MINIO_IDENTITY_TLS_ENABLE=on); the policy named by the certificate's CN
 * applies. Deno, Bun and Node only: fetch on Workers and in browsers cannot
 * present a certificate.
 *
 *   deno run -A examples/credentials/certificate.ts
 */
import { readFile } from "node:fs/promises";
import { CertificateIdentityProvider, Minio } from "@minio-edge/minio";
import { allowedBucket, endPoint } from "./_oidc.ts";

const { bucket, done } = await allowedBucket();

const credentials = new CertificateIdentityProvider(endPoint, {
  certificate: await readFile(process.env.MINIO_CLIENT_CERT ?? "client.crt", "utf8"),
  privateKey: await readFile(process.env.MINIO_CLIENT_KEY ?? "client.key", "utf8"),
  caCertificates: process.env.MINIO_CA ? [await readFile(process.env.MINIO_CA, "utf8")] : [],
  durationSeconds: 3600,
});
const client = new Minio({ endPoint, credentials });
for await (const o of client.listObjects(bucket)) console.log(o.name);

await done();
