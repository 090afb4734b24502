/**
 * A bucket's default server-side encryption (minio-py's `minio.sseconfig`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { child, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";

/**
 * SSE-S3: keys managed by the server.
 *
 * @example
 * ```ts
 * import { AES256, SSEConfig, SSERule } from "@minio-edge/minio";
 * const config = new SSEConfig(new SSERule(AES256));
 * ```
 */
export const AES256 = "AES256";
/**
 * SSE-KMS: keys from the KMS.
 *
 * @example
 * ```ts
 * import { AWS_KMS, SSEConfig, SSERule } from "@minio-edge/minio";
 * const config = new SSEConfig(new SSERule(AWS_KMS, "my-minio-key"));
 * ```
 */
export const AWS_KMS = "aws:kms";

/**
 * An algorithm of a default encryption rule.
 *
 * @example
 * ```ts
 * import { AWS_KMS, type SseAlgorithm, SSERule } from "@minio-edge/minio";
 * const algorithm: SseAlgorithm = AWS_KMS;
 * const rule = new SSERule(algorithm, "my-minio-key");
 * ```
 */
export type SseAlgorithm = typeof AES256 | typeof AWS_KMS;

/**
 * The encryption new objects get when a write asks for none (minio-py's
 * `sseconfig.Rule`).
 *
 * @example
 * ```ts
 * import { SSERule } from "@minio-edge/minio";
 * const s3 = SSERule.newSseS3Rule();
 * const kms = SSERule.newSseKmsRule("my-minio-key");
 * console.log(s3.sseAlgorithm, kms.kmsMasterKeyId); // "AES256" "my-minio-key"
 * ```
 */
export class SSERule {
  /** `AES256` (SSE-S3) or `aws:kms` (SSE-KMS). */
  readonly sseAlgorithm: SseAlgorithm;
  /** The KMS key of an SSE-KMS rule; the server's default key when absent. */
  readonly kmsMasterKeyId?: string;

  /** Checks the algorithm and key; throws {@link InvalidArgumentError}. */
  constructor(sseAlgorithm: SseAlgorithm, kmsMasterKeyId?: string) {
    if (sseAlgorithm !== AES256 && sseAlgorithm !== AWS_KMS) {
      throw new InvalidArgumentError(`SSE algorithm must be ${AES256} or ${AWS_KMS}`);
    }
    if (kmsMasterKeyId !== undefined) {
      if (typeof kmsMasterKeyId !== "string" || kmsMasterKeyId === "") {
        throw new InvalidArgumentError("kmsMasterKeyId must be a non-empty string");
      }
      if (sseAlgorithm !== AWS_KMS) {
        throw new InvalidArgumentError(`kmsMasterKeyId needs algorithm ${AWS_KMS}`);
      }
    }
    this.sseAlgorithm = sseAlgorithm;
    this.kmsMasterKeyId = kmsMasterKeyId;
  }

  /** An SSE-S3 rule. */
  static newSseS3Rule(): SSERule {
    return new SSERule(AES256);
  }

  /** An SSE-KMS rule with `kmsMasterKeyId`, or the server's default key. */
  static newSseKmsRule(kmsMasterKeyId?: string): SSERule {
    return new SSERule(AWS_KMS, kmsMasterKeyId);
  }

  /** The `<Rule>` element. */
  toXml(): string {
    let inner = textElement("SSEAlgorithm", this.sseAlgorithm);
    if (this.kmsMasterKeyId !== undefined) {
      inner += textElement("KMSMasterKeyID", this.kmsMasterKeyId);
    }
    return element("Rule", element("ApplyServerSideEncryptionByDefault", inner));
  }

  /** Reads a `<Rule>` element. */
  static fromXml(xml: string | XmlElement): SSERule {
    const root = typeof xml === "string" ? parseXml(xml, "Rule") : xml;
    const byDefault = child(root, "ApplyServerSideEncryptionByDefault");
    if (!byDefault) {
      throw new InvalidArgumentError("<Rule> has no <ApplyServerSideEncryptionByDefault>");
    }
    return new SSERule(
      childText(byDefault, "SSEAlgorithm")?.trim() as SseAlgorithm,
      childText(byDefault, "KMSMasterKeyID")?.trim() || undefined,
    );
  }
}

/**
 * The default encryption configuration of a bucket: one {@link SSERule}.
 *
 * @example
 * ```ts
 * import { SSEConfig, SSERule } from "@minio-edge/minio";
 * const config = new SSEConfig(SSERule.newSseS3Rule());
 * console.log(config.toXml());
 * ```
 */
export class SSEConfig {
  /** The rule. */
  readonly rule: SSERule;

  /** Checks the rule; throws {@link InvalidArgumentError}. */
  constructor(rule: SSERule) {
    if (!(rule instanceof SSERule)) throw new InvalidArgumentError("rule must be an SSERule");
    this.rule = rule;
  }

  /** The `<ServerSideEncryptionConfiguration>` document. */
  toXml(): string {
    return element("ServerSideEncryptionConfiguration", this.rule.toXml(), S3_NAMESPACE);
  }

  /** Reads a `<ServerSideEncryptionConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): SSEConfig {
    const root = typeof xml === "string" ? parseXml(xml, "ServerSideEncryptionConfiguration") : xml;
    const rule = child(root, "Rule");
    if (!rule) throw new InvalidArgumentError("<ServerSideEncryptionConfiguration> has no <Rule>");
    return new SSEConfig(SSERule.fromXml(rule));
  }
}
