/**
 * KES and the MinIO (over TLS) that uses it as its KMS, started by
 * scripts/testbed_kes.sh. Without them the KES tests fail loudly; they
 * never skip.
 */
import { Minio } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { env } from "./testbed.ts";

/** A KES test-bed variable (`MINIO_TEST_KES_<name>`); throws when that test bed is not running. */
export function kesEnv(name: string): string {
  try {
    return env(`MINIO_TEST_KES_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_KES_${name} is not set: the KES tests need KES and its MinIO ` +
        "(bash scripts/testbed_kes.sh start; source .testbed/kes.env)",
    );
  }
}

function kesOptions() {
  return {
    endPoint: kesEnv("HOST"),
    port: Number(kesEnv("PORT")),
    useSSL: true,
    accessKey: kesEnv("ACCESS_KEY"),
    secretKey: kesEnv("SECRET_KEY"),
  };
}

/** A client of the MinIO with KES, as its root user. */
export function kesClient(): Minio {
  return new Minio(kesOptions());
}

/** An admin client of the MinIO with KES, as its root user. */
export function kesAdmin(): MinioAdmin {
  return new MinioAdmin(kesOptions());
}
