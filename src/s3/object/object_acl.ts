/**
 * GetObjectAcl (GET ?acl on an object): who may do what with it. MinIO
 * keeps no ACLs; it answers one grant of FULL_CONTROL to an owner with an
 * empty ID, whatever the policies say.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../../xml/parse.ts";
import { type ConfigResource, getConfig, type VersionOptions } from "../common/config_request.ts";

/**
 * Whom a grant is for: a canonical user (`id`), a group (`uri`) or an
 * e-mail address, as S3 states it.
 *
 * @example
 * ```ts
 * import { type AclGrantee, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const { grants } = await client.getObjectAcl("photos", "cat.png");
 * const grantees: AclGrantee[] = grants.map((g) => g.grantee);
 * console.log(grantees.map((g) => g.type)); // ["CanonicalUser"]
 * ```
 */
export interface AclGrantee {
  /** `CanonicalUser`, `Group` or `AmazonCustomerByEmail`. */
  type: string;
  /** Canonical user ID. */
  id?: string;
  /** Display name. */
  displayName?: string;
  /** Group URI. */
  uri?: string;
  /** E-mail address. */
  emailAddress?: string;
}

/**
 * An object's access control list as GetObjectAcl answers it.
 *
 * @example
 * ```ts
 * import { type AccessControlPolicy, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const acl: AccessControlPolicy = await client.getObjectAcl("photos", "cat.png");
 * for (const g of acl.grants) console.log(g.grantee.type, g.permission); // CanonicalUser FULL_CONTROL
 * ```
 */
export interface AccessControlPolicy {
  /** The owner, as far as the server names one. */
  owner: { id?: string; displayName?: string };
  /** The grants: `FULL_CONTROL`, `READ`, `WRITE`, `READ_ACP` or `WRITE_ACP` to a grantee. */
  grants: { grantee: AclGrantee; permission: string }[];
}

/** The text of child `name`, `undefined` when absent or empty. */
function text(el: XmlElement | undefined, name: string): string | undefined {
  return (el && childText(el, name)?.trim()) || undefined;
}

function grantee(el: XmlElement | undefined): AclGrantee {
  // The type is an xsi:type attribute; MinIO also sends it as a <Type> element.
  const attr = Object.entries(el?.attributes ?? {}).find(([k]) => /(^|:)type$/.test(k))?.[1];
  return {
    type: attr ?? text(el, "Type") ?? "",
    id: text(el, "ID"),
    displayName: text(el, "DisplayName"),
    uri: text(el, "URI"),
    emailAddress: text(el, "EmailAddress"),
  };
}

// Read-only here: PutObjectAcl is not one of minio-py's calls, and MinIO ignores ACLs.
const OBJECT_ACL: Pick<ConfigResource<never, AccessControlPolicy>, "key" | "parse"> = {
  key: "acl",
  parse(xml) {
    const root = parseXml(xml, "AccessControlPolicy");
    const owner = child(root, "Owner");
    const list = child(root, "AccessControlList");
    return {
      owner: { id: text(owner, "ID"), displayName: text(owner, "DisplayName") },
      grants: (list ? childrenNamed(list, "Grant") : []).map((g) => ({
        grantee: grantee(child(g, "Grantee")),
        permission: text(g, "Permission") ?? "",
      })),
    };
  },
};

/**
 * Reads an object version's access control list (minio-py
 * `get_object_acl`). MinIO keeps no ACLs and always answers a single
 * `FULL_CONTROL` grant; access on MinIO is decided by policies.
 *
 * @example
 * ```ts
 * const acl = await client.getObjectAcl("photos", "cat.png");
 * console.log(acl.grants[0].permission); // FULL_CONTROL
 * ```
 */
export function getObjectAcl(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<AccessControlPolicy> {
  return getConfig(core, OBJECT_ACL, bucket, name, options);
}
