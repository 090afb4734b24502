/**
 * Bucket and object tags (minio-py's `Tags`): a Map that checks S3's limits
 * as tags are added.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkTag, checkTagCount } from "./tag_rules.ts";
import { childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";

/**
 * Tags of a bucket (at most 50) or an object (at most 10); keys up to 128
 * characters, values up to 256, neither containing `&`.
 *
 * @example
 * ```ts
 * import { Tags } from "@minio-edge/minio";
 * const tags = Tags.newObjectTags();
 * tags.set("project", "edge").set("owner", "me");
 * console.log(tags.toXml());
 * ```
 */
export class Tags extends Map<string, string> {
  /** Whether these are object tags (limit 10) rather than bucket tags (50). */
  readonly forObject: boolean;

  /** Empty tags; `forObject` picks the object limit. */
  constructor(forObject = false) {
    super();
    this.forObject = forObject;
  }

  /** Empty bucket tags. */
  static newBucketTags(): Tags {
    return new Tags(false);
  }

  /** Empty object tags. */
  static newObjectTags(): Tags {
    return new Tags(true);
  }

  /** Tags from a plain object, checked; object tags unless `forObject` is false. */
  static from(record: Record<string, string>, forObject = true): Tags {
    if (record === null || typeof record !== "object") {
      throw new InvalidArgumentError("tags must be an object of string values");
    }
    const tags = new Tags(forObject);
    for (const [k, v] of Object.entries(record)) tags.set(k, v);
    return tags;
  }

  /** Adds or replaces a tag after checking it and the count. */
  override set(key: string, value: string): this {
    if (!this.has(key)) checkTagCount(this.size + 1, this.forObject);
    checkTag(key, value);
    return super.set(key, value);
  }

  /** The `x-amz-tagging` header form: `k1=v1&k2=v2`, URL-encoded. */
  toQueryString(): string {
    return [...this].map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v))
      .join("&");
  }

  /** The `<Tag>` elements, as `<TagSet>` and CreateBucket's `<Tags>` hold them. */
  tagElements(): string {
    let tags = "";
    for (const [k, v] of this) {
      tags += element("Tag", textElement("Key", k) + textElement("Value", v));
    }
    return tags;
  }

  /** The `<Tagging>` document. */
  toXml(): string {
    return element("Tagging", element("TagSet", this.tagElements()), S3_NAMESPACE);
  }

  /** Reads a `<Tagging>` document (or its element). */
  static fromXml(xml: string | XmlElement, forObject = false): Tags {
    const root = typeof xml === "string" ? parseXml(xml, "Tagging") : xml;
    const set = childrenNamed(root, "TagSet")[0] ?? root;
    const tags = new Tags(forObject);
    for (const t of childrenNamed(set, "Tag")) {
      Map.prototype.set.call(tags, childText(t, "Key") ?? "", childText(t, "Value") ?? "");
    }
    return tags;
  }
}

/**
 * `tags` as {@link Tags} checked against the bucket (50) or object (10)
 * limit: a plain object is converted, a `Tags` is checked as it is.
 *
 * @example
 * ```ts
 * import { asTags } from "@minio-edge/minio";
 * const tags = asTags({ project: "edge" }, true);
 * console.log(tags.toQueryString()); // "project=edge"
 * ```
 */
export function asTags(tags: Tags | Record<string, string>, forObject: boolean): Tags {
  if (!(tags instanceof Tags)) return Tags.from(tags, forObject);
  checkTagCount(tags.size, forObject);
  return tags;
}
