/**
 * The actions of a lifecycle rule (minio-py's `minio.lifecycleconfig`
 * `Expiration`, `Transition`, `NoncurrentVersionExpiration`,
 * `NoncurrentVersionTransition` and `AbortIncompleteMultipartUpload`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions as checkKeys } from "../base/shape.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, textElement } from "../xml/write.ts";
import { checkString, childInt } from "./_checks.ts";

/**
 * Options of {@link Expiration}: exactly one is given.
 *
 * @example
 * ```ts
 * import { Expiration, type ExpirationOptions } from "@minio-edge/minio";
 * const options: ExpirationOptions = { date: new Date("2030-01-01T00:00:00Z") };
 * const expiration = new Expiration(options);
 * ```
 */
export interface ExpirationOptions {
  /** Expire on this day; must be midnight UTC, as S3 requires. */
  date?: Date;
  /** Expire this many days after creation (at least 1). */
  days?: number;
  /** Remove delete markers that no longer have versions behind them. */
  expiredObjectDeleteMarker?: boolean;
}

/**
 * When current object versions expire (minio-py's `Expiration`).
 *
 * @example
 * ```ts
 * import { Expiration } from "@minio-edge/minio";
 * const afterAMonth = new Expiration({ days: 30 });
 * const onNewYear = new Expiration({ date: new Date("2030-01-01T00:00:00Z") });
 * const cleanMarkers = new Expiration({ expiredObjectDeleteMarker: true });
 * ```
 */
export class Expiration {
  /** Expiry day, midnight UTC. */
  readonly date?: Date;
  /** Days after creation. */
  readonly days?: number;
  /** Whether lone delete markers are removed. */
  readonly expiredObjectDeleteMarker?: boolean;

  /** Checks that exactly one of date, days or expiredObjectDeleteMarker is given. */
  constructor(options: ExpirationOptions) {
    const { date, days, expiredObjectDeleteMarker } = checkOptions(
      options,
      "Expiration",
      "date:d days:n expiredObjectDeleteMarker:b",
    );
    const given = [date, days, expiredObjectDeleteMarker].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw new InvalidArgumentError(
        "Expiration needs exactly one of date, days or expiredObjectDeleteMarker",
      );
    }
    checkMidnight(date, "Expiration date");
    checkOptionalInteger(days, "Expiration days", 1);
    if (expiredObjectDeleteMarker !== undefined && typeof expiredObjectDeleteMarker !== "boolean") {
      throw new InvalidArgumentError("expiredObjectDeleteMarker must be a boolean");
    }
    this.date = date;
    this.days = days;
    this.expiredObjectDeleteMarker = expiredObjectDeleteMarker;
  }

  /** The `<Expiration>` element. */
  toXml(): string {
    return element(
      "Expiration",
      dateDaysXml(this.date, this.days) +
        (this.expiredObjectDeleteMarker === undefined
          ? ""
          : textElement("ExpiredObjectDeleteMarker", this.expiredObjectDeleteMarker)),
    );
  }

  /** Reads an `<Expiration>` element. */
  static fromXml(xml: string | XmlElement): Expiration {
    const el = typeof xml === "string" ? parseXml(xml, "Expiration") : xml;
    const marker = childText(el, "ExpiredObjectDeleteMarker")?.trim().toLowerCase();
    if (marker !== undefined && marker !== "true" && marker !== "false") {
      throw new InvalidArgumentError("ExpiredObjectDeleteMarker must be true or false");
    }
    return new Expiration({
      date: childDate(el),
      days: childInt(el, "Days"),
      expiredObjectDeleteMarker: marker === undefined ? undefined : marker === "true",
    });
  }
}

/**
 * Options of {@link Transition}: `storageClass` and one of date or days.
 *
 * @example
 * ```ts
 * import { Transition, type TransitionOptions } from "@minio-edge/minio";
 * const options: TransitionOptions = { days: 90, storageClass: "COLD-TIER" };
 * const transition = new Transition(options);
 * ```
 */
export interface TransitionOptions {
  /** Move on this day; must be midnight UTC. */
  date?: Date;
  /** Move this many days after creation (0: right away). */
  days?: number;
  /** Storage class (on MinIO, a tier name) to move the objects to. */
  storageClass: string;
}

/**
 * When current object versions move to another storage class or MinIO tier
 * (minio-py's `Transition`).
 *
 * @example
 * ```ts
 * import { Transition } from "@minio-edge/minio";
 * const toWarm = new Transition({ days: 30, storageClass: "WARM-TIER" });
 * ```
 */
export class Transition {
  /** Transition day, midnight UTC. */
  readonly date?: Date;
  /** Days after creation. */
  readonly days?: number;
  /** Target storage class or tier. */
  readonly storageClass: string;

  /** Checks that the storage class and exactly one of date or days are given. */
  constructor(options: TransitionOptions) {
    const { date, days, storageClass } = checkOptions(
      options,
      "Transition",
      "date:d days:n storageClass:s",
    );
    if ((date === undefined) === (days === undefined)) {
      throw new InvalidArgumentError("Transition needs exactly one of date or days");
    }
    checkMidnight(date, "Transition date");
    checkOptionalInteger(days, "Transition days", 0);
    checkStorageClass(storageClass, "Transition");
    this.date = date;
    this.days = days;
    this.storageClass = storageClass;
  }

  /** The `<Transition>` element. */
  toXml(): string {
    return element(
      "Transition",
      dateDaysXml(this.date, this.days) + textElement("StorageClass", this.storageClass),
    );
  }

  /** Reads a `<Transition>` element. */
  static fromXml(xml: string | XmlElement): Transition {
    const el = typeof xml === "string" ? parseXml(xml, "Transition") : xml;
    return new Transition({
      date: childDate(el),
      days: childInt(el, "Days"),
      storageClass: childText(el, "StorageClass") as string,
    });
  }
}

/**
 * Options of {@link NoncurrentVersionExpiration}: at least one is given.
 *
 * @example
 * ```ts
 * import {
 *   NoncurrentVersionExpiration, type NoncurrentVersionExpirationOptions,
 * } from "@minio-edge/minio";
 * const options: NoncurrentVersionExpirationOptions = { noncurrentDays: 30 };
 * const expiration = new NoncurrentVersionExpiration(options);
 * ```
 */
export interface NoncurrentVersionExpirationOptions {
  /** Days after a version became noncurrent (at least 1). */
  noncurrentDays?: number;
  /** How many newer noncurrent versions to keep (at least 1). */
  newerNoncurrentVersions?: number;
}

/**
 * When noncurrent versions expire (minio-py's `NoncurrentVersionExpiration`).
 *
 * @example
 * ```ts
 * import { NoncurrentVersionExpiration } from "@minio-edge/minio";
 * // Delete versions 7 days after they are replaced, but keep the 3 newest.
 * const trim = new NoncurrentVersionExpiration({ noncurrentDays: 7, newerNoncurrentVersions: 3 });
 * ```
 */
export class NoncurrentVersionExpiration {
  /** Days after a version became noncurrent. */
  readonly noncurrentDays?: number;
  /** Newer noncurrent versions kept. */
  readonly newerNoncurrentVersions?: number;

  /** Checks that at least one of the two counts is given, each positive. */
  constructor(options: NoncurrentVersionExpirationOptions) {
    const { noncurrentDays, newerNoncurrentVersions } = checkOptions(
      options,
      "NoncurrentVersionExpiration",
      "noncurrentDays:n newerNoncurrentVersions:n",
    );
    if (noncurrentDays === undefined && newerNoncurrentVersions === undefined) {
      throw new InvalidArgumentError(
        "NoncurrentVersionExpiration needs noncurrentDays or newerNoncurrentVersions",
      );
    }
    checkOptionalInteger(noncurrentDays, "noncurrentDays", 1);
    checkOptionalInteger(newerNoncurrentVersions, "newerNoncurrentVersions", 1);
    this.noncurrentDays = noncurrentDays;
    this.newerNoncurrentVersions = newerNoncurrentVersions;
  }

  /** The `<NoncurrentVersionExpiration>` element. */
  toXml(): string {
    return element(
      "NoncurrentVersionExpiration",
      noncurrentXml(this.noncurrentDays, this.newerNoncurrentVersions),
    );
  }

  /** Reads a `<NoncurrentVersionExpiration>` element. */
  static fromXml(xml: string | XmlElement): NoncurrentVersionExpiration {
    const el = typeof xml === "string" ? parseXml(xml, "NoncurrentVersionExpiration") : xml;
    return new NoncurrentVersionExpiration({
      noncurrentDays: childInt(el, "NoncurrentDays"),
      newerNoncurrentVersions: childInt(el, "NewerNoncurrentVersions"),
    });
  }
}

/**
 * Options of {@link NoncurrentVersionTransition}.
 *
 * @example
 * ```ts
 * import {
 *   NoncurrentVersionTransition, type NoncurrentVersionTransitionOptions,
 * } from "@minio-edge/minio";
 * // Move noncurrent versions after 7 days, except the 2 newest.
 * const options: NoncurrentVersionTransitionOptions = {
 *   noncurrentDays: 7,
 *   storageClass: "WARM-TIER",
 *   newerNoncurrentVersions: 2,
 * };
 * const transition = new NoncurrentVersionTransition(options);
 * ```
 */
export interface NoncurrentVersionTransitionOptions {
  /** Days after a version became noncurrent (0: right away). */
  noncurrentDays?: number;
  /** Storage class (on MinIO, a tier name) to move the versions to. */
  storageClass: string;
  /** How many newer noncurrent versions to leave in place (at least 1). */
  newerNoncurrentVersions?: number;
}

/**
 * When noncurrent versions move to another storage class or MinIO tier
 * (minio-py's `NoncurrentVersionTransition`).
 *
 * @example
 * ```ts
 * import { NoncurrentVersionTransition } from "@minio-edge/minio";
 * const old = new NoncurrentVersionTransition({ noncurrentDays: 14, storageClass: "COLD-TIER" });
 * ```
 */
export class NoncurrentVersionTransition {
  /** Days after a version became noncurrent. */
  readonly noncurrentDays?: number;
  /** Target storage class or tier. */
  readonly storageClass: string;
  /** Newer noncurrent versions left in place. */
  readonly newerNoncurrentVersions?: number;

  /** Checks the storage class and the counts. */
  constructor(options: NoncurrentVersionTransitionOptions) {
    const { noncurrentDays, storageClass, newerNoncurrentVersions } = checkOptions(
      options,
      "NoncurrentVersionTransition",
      "noncurrentDays:n storageClass:s newerNoncurrentVersions:n",
    );
    checkOptionalInteger(noncurrentDays, "noncurrentDays", 0);
    checkOptionalInteger(newerNoncurrentVersions, "newerNoncurrentVersions", 1);
    checkStorageClass(storageClass, "NoncurrentVersionTransition");
    this.noncurrentDays = noncurrentDays;
    this.storageClass = storageClass;
    this.newerNoncurrentVersions = newerNoncurrentVersions;
  }

  /** The `<NoncurrentVersionTransition>` element. */
  toXml(): string {
    return element(
      "NoncurrentVersionTransition",
      noncurrentXml(this.noncurrentDays, this.newerNoncurrentVersions) +
        textElement("StorageClass", this.storageClass),
    );
  }

  /** Reads a `<NoncurrentVersionTransition>` element. */
  static fromXml(xml: string | XmlElement): NoncurrentVersionTransition {
    const el = typeof xml === "string" ? parseXml(xml, "NoncurrentVersionTransition") : xml;
    return new NoncurrentVersionTransition({
      noncurrentDays: childInt(el, "NoncurrentDays"),
      storageClass: childText(el, "StorageClass") as string,
      newerNoncurrentVersions: childInt(el, "NewerNoncurrentVersions"),
    });
  }
}

/**
 * When unfinished multipart uploads are aborted (minio-py's
 * `AbortIncompleteMultipartUpload`).
 *
 * @example
 * ```ts
 * import { AbortIncompleteMultipartUpload } from "@minio-edge/minio";
 * const abortAfterAWeek = new AbortIncompleteMultipartUpload(7);
 * ```
 */
export class AbortIncompleteMultipartUpload {
  /** Days after the upload started. */
  readonly daysAfterInitiation: number;

  /** Checks that the days are a positive integer. */
  constructor(daysAfterInitiation: number) {
    if (daysAfterInitiation === undefined) {
      throw new InvalidArgumentError("daysAfterInitiation must be a positive integer");
    }
    checkOptionalInteger(daysAfterInitiation, "daysAfterInitiation", 1);
    this.daysAfterInitiation = daysAfterInitiation;
  }

  /** The `<AbortIncompleteMultipartUpload>` element. */
  toXml(): string {
    return element(
      "AbortIncompleteMultipartUpload",
      textElement("DaysAfterInitiation", this.daysAfterInitiation),
    );
  }

  /** Reads an `<AbortIncompleteMultipartUpload>` element. */
  static fromXml(xml: string | XmlElement): AbortIncompleteMultipartUpload {
    const el = typeof xml === "string" ? parseXml(xml, "AbortIncompleteMultipartUpload") : xml;
    return new AbortIncompleteMultipartUpload(childInt(el, "DaysAfterInitiation") as number);
  }
}

function checkOptions<T>(options: T, what: string, keys: string): T {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${what} options must be an object`);
  }
  checkKeys(`${what}: options`, options, keys);
  return options;
}

function checkMidnight(date: Date | undefined, what: string): void {
  if (date === undefined) return;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(`${what} must be a valid Date`);
  }
  // S3 and MinIO refuse any other time of day.
  if (date.getTime() % 86_400_000 !== 0) {
    throw new InvalidArgumentError(
      `${what} must be midnight UTC, such as new Date("2030-01-01T00:00:00Z")`,
    );
  }
}

function checkStorageClass(storageClass: unknown, what: string): void {
  checkString(storageClass, `${what} storageClass`);
  if (storageClass === undefined) {
    throw new InvalidArgumentError(`${what} needs a storageClass`);
  }
}

function childDate(el: XmlElement): Date | undefined {
  const text = childText(el, "Date")?.trim();
  return text ? new Date(text) : undefined;
}

function dateDaysXml(date: Date | undefined, days: number | undefined): string {
  // Midnight UTC in ISO 8601, the form S3 documents: 2030-01-01T00:00:00.000Z.
  return (date ? textElement("Date", date.toISOString()) : "") +
    (days === undefined ? "" : textElement("Days", days));
}

function noncurrentXml(days: number | undefined, newer: number | undefined): string {
  return (days === undefined ? "" : textElement("NoncurrentDays", days)) +
    (newer === undefined ? "" : textElement("NewerNoncurrentVersions", newer));
}
