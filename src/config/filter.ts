/**
 * Rule filters shared by lifecycle and replication rules (minio-py's
 * `minio.commonconfig.Filter`, `AndOperator` and `Tag`), with the object
 * size conditions S3 and MinIO accept in lifecycle filters.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { child, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, textElement } from "../xml/write.ts";
import { checkInstance, checkString, childInt } from "./_checks.ts";
import { Tags } from "./tags.ts";

/**
 * One tag a rule matches (minio-py's `Tag`).
 *
 * @example
 * ```ts
 * import { Filter, Tag } from "@minio-edge/minio";
 * const filter = new Filter({ tag: new Tag("class", "temporary") });
 * ```
 */
export class Tag {
  /** Tag key. */
  readonly key: string;
  /** Tag value (may be empty). */
  readonly value: string;

  /** Checks that the key is a non-empty string and the value a string. */
  constructor(key: string, value: string) {
    if (typeof key !== "string" || !key) {
      throw new InvalidArgumentError("tag key must be a non-empty string");
    }
    if (typeof value !== "string") throw new InvalidArgumentError("tag value must be a string");
    this.key = key;
    this.value = value;
  }

  /** The `<Tag>` element. */
  toXml(): string {
    return element("Tag", textElement("Key", this.key) + textElement("Value", this.value));
  }

  /** Reads a `<Tag>` element. */
  static fromXml(xml: string | XmlElement): Tag {
    const el = typeof xml === "string" ? parseXml(xml, "Tag") : xml;
    return new Tag(childText(el, "Key") ?? "", childText(el, "Value") ?? "");
  }
}

/**
 * Conditions of an {@link AndOperator}; at least one is needed.
 *
 * @example
 * ```ts
 * import { AndOperator, type AndOperatorOptions, Filter } from "@minio-edge/minio";
 * const options: AndOperatorOptions = {
 *   prefix: "logs/",
 *   tags: { env: "dev" },
 *   objectSizeGreaterThan: 1024,
 * };
 * const filter = new Filter({ andOperator: new AndOperator(options) });
 * ```
 */
export interface AndOperatorOptions {
  /** Key prefix the objects must have. */
  prefix?: string;
  /** Tags the objects must all have. */
  tags?: Tags | Record<string, string>;
  /** Objects must be larger than this many bytes (lifecycle only). */
  objectSizeGreaterThan?: number;
  /** Objects must be smaller than this many bytes (lifecycle only). */
  objectSizeLessThan?: number;
}

/**
 * All of several conditions (minio-py's `AndOperator`): a prefix, any number
 * of tags and, in lifecycle rules, object size bounds.
 *
 * @example
 * ```ts
 * import { AndOperator, Filter } from "@minio-edge/minio";
 * const filter = new Filter({
 *   andOperator: new AndOperator({ prefix: "logs/", tags: { env: "dev" } }),
 * });
 * ```
 */
export class AndOperator {
  /** Key prefix the objects must have. */
  readonly prefix?: string;
  /** Tags the objects must all have; never empty when set. */
  readonly tags?: Tags;
  /** Lower size bound in bytes, exclusive. */
  readonly objectSizeGreaterThan?: number;
  /** Upper size bound in bytes, exclusive. */
  readonly objectSizeLessThan?: number;

  /** Checks the conditions; at least one is required. */
  constructor(options: AndOperatorOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("AndOperator options must be an object");
    }
    checkOptions(
      "AndOperator: options",
      options,
      "prefix:s tags:o objectSizeGreaterThan:n objectSizeLessThan:n",
    );
    const { prefix, tags, objectSizeGreaterThan, objectSizeLessThan } = options;
    checkString(prefix, "AndOperator prefix", true);
    this.prefix = prefix;
    // Copied into bucket-style Tags so S3's key/value limits are checked and
    // a configuration read back compares equal to the one written.
    const copy = new Tags(false);
    if (tags !== undefined) {
      if (tags === null || typeof tags !== "object") {
        throw new InvalidArgumentError("AndOperator tags must be Tags or an object of strings");
      }
      for (const [k, v] of tags instanceof Map ? tags : Object.entries(tags)) copy.set(k, v);
    }
    this.tags = copy.size ? copy : undefined;
    this.objectSizeGreaterThan = objectSizeGreaterThan;
    this.objectSizeLessThan = objectSizeLessThan;
    checkSizes(objectSizeGreaterThan, objectSizeLessThan);
    if (
      prefix === undefined && !this.tags && objectSizeGreaterThan === undefined &&
      objectSizeLessThan === undefined
    ) {
      throw new InvalidArgumentError("AndOperator needs a prefix, tags or a size condition");
    }
  }

  /** The `<And>` element. */
  toXml(): string {
    let inner = this.prefix === undefined ? "" : textElement("Prefix", this.prefix);
    for (const [k, v] of this.tags ?? []) inner += new Tag(k, v).toXml();
    inner += sizesXml(this.objectSizeGreaterThan, this.objectSizeLessThan);
    return element("And", inner);
  }

  /** Reads an `<And>` element. */
  static fromXml(xml: string | XmlElement): AndOperator {
    const el = typeof xml === "string" ? parseXml(xml, "And") : xml;
    const tags = Tags.fromXml(el);
    return new AndOperator({
      prefix: childText(el, "Prefix"),
      tags: tags.size ? tags : undefined,
      objectSizeGreaterThan: childInt(el, "ObjectSizeGreaterThan"),
      objectSizeLessThan: childInt(el, "ObjectSizeLessThan"),
    });
  }
}

/**
 * What a {@link Filter} matches on; exactly one is given.
 *
 * @example
 * ```ts
 * import { Filter, type FilterOptions, Tag } from "@minio-edge/minio";
 * const options: FilterOptions = { tag: new Tag("class", "temporary") };
 * const filter = new Filter(options);
 * ```
 */
export interface FilterOptions {
  /** All of several conditions. */
  andOperator?: AndOperator;
  /** Key prefix; `""` matches every object. */
  prefix?: string;
  /** One tag. */
  tag?: Tag;
  /** Objects larger than this many bytes (lifecycle only). */
  objectSizeGreaterThan?: number;
  /** Objects smaller than this many bytes (lifecycle only). */
  objectSizeLessThan?: number;
}

const FILTER_KEYS = [
  "andOperator",
  "prefix",
  "tag",
  "objectSizeGreaterThan",
  "objectSizeLessThan",
] as const;

/**
 * Which objects a lifecycle or replication rule applies to (minio-py's
 * `Filter`): exactly one of a prefix, a tag, an {@link AndOperator}, or (in
 * lifecycle rules) an object size bound.
 *
 * @example
 * ```ts
 * import { Filter } from "@minio-edge/minio";
 * const logs = new Filter({ prefix: "logs/" });
 * const big = new Filter({ objectSizeGreaterThan: 100 * 1024 * 1024 });
 * console.log(logs.toXml()); // <Filter><Prefix>logs/</Prefix></Filter>
 * ```
 */
export class Filter {
  /** All of several conditions. */
  readonly andOperator?: AndOperator;
  /** Key prefix. */
  readonly prefix?: string;
  /** One tag. */
  readonly tag?: Tag;
  /** Lower size bound in bytes, exclusive. */
  readonly objectSizeGreaterThan?: number;
  /** Upper size bound in bytes, exclusive. */
  readonly objectSizeLessThan?: number;

  /** Checks that exactly one condition is given, and that it is valid. */
  constructor(options: FilterOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("Filter options must be an object");
    }
    checkOptions(
      "Filter: options",
      options,
      "andOperator:o prefix:s tag:o objectSizeGreaterThan:n objectSizeLessThan:n",
    );
    const given = FILTER_KEYS.filter((k) => options[k] !== undefined);
    if (given.length !== 1) {
      throw new InvalidArgumentError(
        `a Filter needs exactly one of ${FILTER_KEYS.join(", ")}` +
          (given.length ? `; got ${given.join(", ")}` : ""),
      );
    }
    checkInstance(options.andOperator, AndOperator, "Filter andOperator");
    checkString(options.prefix, "Filter prefix", true);
    checkInstance(options.tag, Tag, "Filter tag");
    checkSizes(options.objectSizeGreaterThan, options.objectSizeLessThan);
    this.andOperator = options.andOperator;
    this.prefix = options.prefix;
    this.tag = options.tag;
    this.objectSizeGreaterThan = options.objectSizeGreaterThan;
    this.objectSizeLessThan = options.objectSizeLessThan;
  }

  /** The `<Filter>` element. */
  toXml(): string {
    const inner = this.andOperator?.toXml() ??
      this.tag?.toXml() ??
      (this.prefix !== undefined ? textElement("Prefix", this.prefix) : "") +
        sizesXml(this.objectSizeGreaterThan, this.objectSizeLessThan);
    return element("Filter", inner);
  }

  /** Reads a `<Filter>` element. */
  static fromXml(xml: string | XmlElement): Filter {
    const el = typeof xml === "string" ? parseXml(xml, "Filter") : xml;
    const and = child(el, "And");
    const tag = child(el, "Tag");
    const options: FilterOptions = {
      andOperator: and && AndOperator.fromXml(and),
      tag: tag && Tag.fromXml(tag),
      prefix: childText(el, "Prefix"),
      objectSizeGreaterThan: childInt(el, "ObjectSizeGreaterThan"),
      objectSizeLessThan: childInt(el, "ObjectSizeLessThan"),
    };
    const others = FILTER_KEYS.filter((k) => k !== "prefix" && options[k] !== undefined);
    // MinIO writes an empty <Prefix> beside a size condition, and an empty
    // <Filter/> means every object: both read as the filter they mean.
    if (options.prefix === "" && others.length) options.prefix = undefined;
    if (!others.length && options.prefix === undefined) options.prefix = "";
    return new Filter(options);
  }
}

function checkSizes(greaterThan?: number, lessThan?: number): void {
  // MinIO reads 0 as "no bound", so only positive bounds round-trip.
  checkOptionalInteger(greaterThan, "objectSizeGreaterThan", 1);
  checkOptionalInteger(lessThan, "objectSizeLessThan", 1);
  if (greaterThan !== undefined && lessThan !== undefined && greaterThan >= lessThan) {
    throw new InvalidArgumentError("objectSizeGreaterThan must be less than objectSizeLessThan");
  }
}

function sizesXml(greaterThan?: number, lessThan?: number): string {
  return (greaterThan === undefined ? "" : textElement("ObjectSizeGreaterThan", greaterThan)) +
    (lessThan === undefined ? "" : textElement("ObjectSizeLessThan", lessThan));
}
