/**
 * A listing page's reader: the page's text straight to its entries, without
 * the element tree that the general XML reader builds. A 1,000-key page is
 * most of what a client parses, and building entries from the tree added
 * about 40% to the time of the tree itself, its garbage not counted.
 *
 * It reads only the plain shape that S3 and MinIO send: elements without
 * attributes (the root's excepted), no namespace prefix, comment, CDATA or
 * processing instruction inside the root, and closing tags written
 * `</Name>`. A page holding anything else, or one that is cut or malformed,
 * goes to the general reader and {@link pageEntries}, which give the same
 * entries or the error. Both build entries with {@link entryInfo}. The
 * listings import this module on their first page, so that a bundle that
 * does not list does not carry it.
 *
 * @module
 */

import { setOwnEntry } from "../../base/own_entry.ts";
import { decode, parseXml, type XmlElement } from "../../xml/parse.ts";
import { unquoteETag } from "../common/object_headers.ts";
import {
  type EntryFields,
  entryInfo,
  metadataKey,
  type ObjectInfo,
  pageEntries,
  prefixInfo,
} from "./list_entries.ts";

/** A page read: the root with its elements other than entries, and the entries in order. */
export interface ListingPage {
  /**
   * The root element, for the page's markers (`childText(root, "IsTruncated")`).
   * From the plain reader it holds only the page's elements other than its
   * entries, with no text and no attributes: read entries from `entries`.
   */
  root: XmlElement;
  /** The page's objects, versions, delete markers and common prefixes in document order. */
  entries: ObjectInfo[];
}

/** Thrown inside the reader when the page is not of the plain shape; never leaves this module. */
const NOT_PLAIN = new Error("not a plain listing page");

/** What may follow the root's name in its opening tag: nothing, or a namespace. */
const ROOT_REST = /^(?: xmlns="[^"<>&]*")?$/;

const NO_ATTRIBUTES: Readonly<Record<string, string | null>> = Object.freeze({});
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/**
 * Reads a page whose root is `rootName`, listed in `bucket`. Errors are the
 * general reader's.
 *
 * @example
 * ```ts
 * const { root, entries } = readListing(text, "ListBucketResult", "photos");
 * ```
 */
export function readListing(xml: string, rootName: string, bucket: string): ListingPage {
  const page = plainListing(xml, rootName, bucket);
  if (page) return page;
  const root = parseXml(xml, rootName);
  return { root, entries: [...pageEntries(root, bucket)] };
}

/**
 * The page read by the plain-shape reader, or undefined when it is not of
 * that shape (then {@link readListing} hands it to the general reader).
 * An error of the entries themselves, a name that is not valid
 * percent-encoding, is thrown as the general reader throws it.
 */
export function plainListing(
  xml: string,
  rootName: string,
  bucket: string,
): ListingPage | undefined {
  try {
    return new PlainReader(xml, bucket).page(rootName);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return undefined;
  }
}

/** An entry's fields as read, and its element; names are decoded once the page is read. */
interface Pending extends EntryFields {
  element: string;
}

/** Whether `c` may not be in a tag name of the plain shape: space, tab, CR, LF, `/`, `:`, `=`, `<`, `>`. */
function notInName(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 58 || c === 61 ||
    c === 60 || c === 62;
}

/**
 * Whether `xml` holds `name` then `>` at `at`: an opening tag tried against
 * a name it often is not, where an `indexOf` would search on past it. A loop
 * of `charCodeAt`: `startsWith` was slower on every runtime.
 */
function tagAt(xml: string, at: number, name: string): boolean {
  const n = name.length;
  for (let i = 0; i < n; i++) if (xml.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return xml.charCodeAt(at + n) === 62;
}

/** The length of the quote reference (`&#34;` or `&quot;`) at `at`, or 0. */
function quoteAt(xml: string, at: number): number {
  if (xml.startsWith("&#34;", at)) return 5;
  return xml.startsWith("&quot;", at) ? 6 : 0;
}

/** The length of the quote reference that ends just before `end`, or 0. */
function quoteBefore(xml: string, end: number): number {
  if (xml.startsWith("&#34;", end - 5)) return 5;
  return xml.startsWith("&quot;", end - 6) ? 6 : 0;
}

/** The two digits at `i` as a number, or NaN when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** The day (`YYYY-MM-DDT`) of the last `LastModified` read by {@link listedDate}, or "". */
let lastDay = "";
/** Its midnight, in ms since the epoch. */
let lastDayMs = 0;

/**
 * A listing's `LastModified`, always the `Date` that `new Date(text)`
 * gives. The form of every entry S3 and MinIO list, `2024-07-14T09:26:33.123Z`,
 * is read here, faster than the runtimes' date parsers: the time of day from
 * its digits, the day's midnight with `Date.UTC` or, when the day is the
 * previous date's (a page's objects are often written on one day), kept from
 * that one. Anything else, and any day past the 28th (where parsers differ
 * on days a month lacks), goes to `new Date`.
 */
export function listedDate(s: string): Date {
  if (
    s.length === 24 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46 && s.charCodeAt(23) === 90
  ) {
    const hour = twoDigits(s, 11);
    const minute = twoDigits(s, 14);
    const second = twoDigits(s, 17);
    const last = s.charCodeAt(22) - 48;
    const ms = last >= 0 && last <= 9 ? twoDigits(s, 20) * 10 + last : NaN;
    // NaN fails every comparison.
    if (hour <= 23 && minute <= 59 && second <= 59 && ms >= 0) {
      const time = hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
      if (lastDay !== "" && s.startsWith(lastDay)) return new Date(lastDayMs + time);
      const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
      const month = twoDigits(s, 5);
      const day = twoDigits(s, 8);
      // Date.UTC would read years below 100 as 19xx.
      if (
        s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 &&
        year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 28
      ) {
        lastDay = s.slice(0, 11);
        lastDayMs = Date.UTC(year, month - 1, day);
        return new Date(lastDayMs + time);
      }
    }
  }
  return new Date(s);
}

/**
 * The children that MinIO lists first in each `Contents`, in its order and
 * form: `Key`, `LastModified`, `ETag` quoted with `&#34;`, `Size`, `Owner`
 * (with `ID` and `DisplayName`) or none, and `StorageClass`, their texts
 * without `<` or `&`. One sticky match reads them where the reader stands,
 * in the runtime's compiled regular-expression code rather than the
 * reader's own loop of character reads (bench/list_parse.ts: the page in
 * about 0.6x the time). An entry of any other form, or one whose texts need
 * decoding, is read by the loop from its start; the children after these,
 * whichever they are, are read by the loop.
 */
const MINIO_HEAD = new RegExp(
  "<Key>([^<&]*)</Key><LastModified>([^<&]*)</LastModified>" +
    "<ETag>&#34;([^<&]*)&#34;</ETag><Size>([^<&]*)</Size>" +
    "(?:<Owner><ID>([^<&]*)</ID><DisplayName>([^<&]*)</DisplayName></Owner>)?" +
    "<StorageClass>([^<&]*)</StorageClass>",
  "y",
);

/** MinIO's `Internal` element of an entry, its erasure set's shape, which no entry keeps. */
const MINIO_INTERNAL = /<Internal><K>\d*<\/K><M>\d*<\/M><\/Internal>/y;

/** The closing tag of each entry element. */
const ENTRY_ENDS: Record<string, string> = {
  Contents: "</Contents>",
  Version: "</Version>",
  DeleteMarker: "</DeleteMarker>",
};

class PlainReader {
  /** Index of the next character to read. */
  private at = 0;
  /** The user-metadata names of the last entry read, as listed. */
  private readonly metadataNames: string[] = [];
  /** The keys they are given under. */
  private readonly metadataKeys: string[] = [];
  /** Their closing tags. */
  private readonly metadataEnds: string[] = [];

  constructor(private readonly xml: string, private readonly bucket: string) {}

  page(rootName: string): ListingPage {
    const xml = this.xml;
    this.skipSpace();
    if (xml.startsWith("<?", this.at)) {
      const end = xml.indexOf("?>", this.at + 2);
      if (end < 0) throw NOT_PLAIN;
      this.at = end + 2;
      this.skipSpace();
    }
    // The root, plain or with its namespace, which is not read.
    if (xml.charCodeAt(this.at) !== 60 || !xml.startsWith(rootName, this.at + 1)) throw NOT_PLAIN;
    const gt = xml.indexOf(">", this.at);
    if (gt < 0 || !ROOT_REST.test(xml.slice(this.at + 1 + rootName.length, gt))) throw NOT_PLAIN;
    this.at = gt + 1;

    const children: XmlElement[] = [];
    const pending: (Pending | string)[] = [];
    for (;;) {
      const name = this.open();
      if (name === undefined) break;
      if (name === "Contents" || name === "Version" || name === "DeleteMarker") {
        pending.push(this.entry(name));
      } else if (name === "CommonPrefixes") {
        pending.push(this.prefix());
      } else {
        children.push({
          name,
          attributes: NO_ATTRIBUTES,
          children: NO_CHILDREN,
          text: this.leaf(`</${name}>`),
        });
      }
    }
    this.close(`</${rootName}>`);
    // Nothing but space after the root.
    this.skipSpace();
    if (this.at !== xml.length) throw NOT_PLAIN;

    const root: XmlElement = { name: rootName, attributes: NO_ATTRIBUTES, children, text: "" };
    const encoded = children.find((c) => c.name === "EncodingType")?.text === "url";
    const bucket = this.bucket;
    const entries = pending.map((p) =>
      typeof p === "string"
        ? prefixInfo(bucket, p, encoded)
        : entryInfo(bucket, p.element, p, encoded)
    );
    return { root, entries };
  }

  private skipSpace(): void {
    const xml = this.xml;
    let c = xml.charCodeAt(this.at);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = xml.charCodeAt(++this.at);
  }

  /**
   * The index of the next `<` from where the reader stands: most often right
   * there (tags follow each other with nothing between), found then without
   * a call to `indexOf`.
   */
  private nextTag(): number {
    const at = this.at;
    return this.xml.charCodeAt(at) === 60 ? at : this.xml.indexOf("<", at);
  }

  /**
   * After any space, reads an opening tag and returns its name, or reads
   * `</` and returns undefined (the closing tag's name is left to check).
   * Text other than space between elements is not part of any entry.
   */
  private open(): string | undefined {
    const lt = this.nextTag();
    if (lt < 0) throw NOT_PLAIN;
    if (this.xml.charCodeAt(lt + 1) === 47) {
      this.at = lt + 2;
      return undefined;
    }
    const gt = this.nameEnd(lt);
    this.at = gt + 1;
    return this.xml.slice(lt + 1, gt);
  }

  /**
   * The index of the `>` that ends the opening tag at `lt`, a name without
   * attributes. A comment, CDATA section, declaration or processing
   * instruction is not of the plain shape.
   */
  private nameEnd(lt: number): number {
    const xml = this.xml;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 || c === 63) throw NOT_PLAIN;
    let i = lt + 1;
    while (i < xml.length && !notInName(xml.charCodeAt(i))) i++;
    if (i === lt + 1 || xml.charCodeAt(i) !== 62) throw NOT_PLAIN;
    return i;
  }

  /**
   * The text of a leaf element whose opening tag was read, and its closing
   * tag `end` (`</Name>`). The closing tag is found with `indexOf`, which
   * Node's V8 runs three times as fast as a loop comparing its characters;
   * a search that does not find it where the text ends is the reader's
   * last (the page is then not plain), so it runs at most once a page.
   */
  private leaf(end: string): string {
    const xml = this.xml;
    const from = this.at;
    const lt = xml.indexOf("<", from);
    if (lt < 0 || xml.indexOf(end, lt) !== lt) throw NOT_PLAIN;
    this.at = lt + end.length;
    return decode(xml.slice(from, lt));
  }

  /** Reads the closing tag `end` (`</Name>`) after a `</` that {@link open} read. */
  private close(end: string): void {
    const lt = this.at - 2;
    if (this.xml.indexOf(end, lt) !== lt) throw NOT_PLAIN;
    this.at = lt + end.length;
  }

  /**
   * Skips the rest of an element `name` whose opening tag was read, its
   * children with it. The children's names are compared in place, where
   * they stand in the text, not sliced; and they are kept on a stack of
   * this loop's own, not a recursion's, so that a page nested however deep
   * cannot end the reader with a stack overflow.
   */
  private skip(name: string): void {
    const xml = this.xml;
    const starts: number[] = [];
    for (;;) {
      const lt = this.nextTag();
      if (lt < 0) throw NOT_PLAIN;
      if (xml.charCodeAt(lt + 1) !== 47) {
        starts.push(lt + 1);
        this.at = this.nameEnd(lt) + 1;
        continue;
      }
      const start = starts.pop();
      if (start === undefined) {
        this.at = lt + 2;
        return this.close(`</${name}>`);
      }
      // The child's name runs from `start` to its `>`.
      let i = 0;
      while (xml.charCodeAt(start + i) !== 62) {
        if (xml.charCodeAt(lt + 2 + i) !== xml.charCodeAt(start + i)) throw NOT_PLAIN;
        i++;
      }
      if (xml.charCodeAt(lt + 2 + i) !== 62) throw NOT_PLAIN;
      this.at = lt + 3 + i;
    }
  }

  /** Whether the tag at `lt` is the opening tag `<name>`. */
  private isTag(lt: number, name: string): boolean {
    return tagAt(this.xml, lt + 1, name);
  }

  /** The text of the leaf element whose opening tag is at `lt` and whose closing tag is `end`. */
  private leafAt(lt: number, end: string): string {
    this.at = lt + end.length - 1;
    return this.leaf(end);
  }

  private entry(element: string): Pending {
    const end = ENTRY_ENDS[element];
    const xml = this.xml;
    const p: Pending = {
      element,
      key: undefined,
      size: undefined,
      etag: undefined,
      modified: undefined,
      storageClass: undefined,
      owner: undefined,
      metadata: undefined,
      versionId: undefined,
      isLatest: undefined,
    };
    let modified: string | undefined;
    if (element === "Contents") {
      MINIO_HEAD.lastIndex = this.at;
      const m = MINIO_HEAD.exec(xml);
      if (m) {
        p.key = m[1];
        modified = m[2];
        p.etag = m[3];
        p.size = m[4];
        if (m[5] !== undefined) p.owner = { id: m[5], displayName: m[6] };
        p.storageClass = m[7];
        this.at = MINIO_HEAD.lastIndex;
      }
    }
    // The first of each name counts, as in pageEntries. A known tag is told
    // by its first letter and compared in place: no slice for its name.
    for (;;) {
      const lt = this.nextTag();
      if (lt < 0) throw NOT_PLAIN;
      const c = xml.charCodeAt(lt + 1);
      let text: string;
      if (c === 47) {
        this.at = lt + 2;
        this.close(end);
        // An empty LastModified is no date, and still the first one.
        p.modified = modified ? listedDate(modified) : undefined;
        return p;
      } else if (c === 75 && this.isTag(lt, "Key")) {
        text = this.leafAt(lt, "</Key>");
        p.key ??= text;
      } else if (c === 76 && this.isTag(lt, "LastModified")) {
        text = this.leafAt(lt, "</LastModified>");
        modified ??= text;
      } else if (c === 69 && this.isTag(lt, "ETag")) {
        text = this.etag(lt);
        p.etag ??= text;
      } else if (c === 83 && this.isTag(lt, "Size")) {
        text = this.leafAt(lt, "</Size>");
        p.size ??= text;
      } else if (c === 83 && this.isTag(lt, "StorageClass")) {
        text = this.leafAt(lt, "</StorageClass>");
        p.storageClass ??= text;
      } else if (c === 86 && this.isTag(lt, "VersionId")) {
        text = this.leafAt(lt, "</VersionId>");
        p.versionId ??= text;
      } else if (c === 73 && this.isTag(lt, "IsLatest")) {
        text = this.leafAt(lt, "</IsLatest>");
        p.isLatest ??= text;
      } else if (c === 73 && this.minioInternal(lt)) {
        // Skipped as a whole, in one match.
      } else if (c === 79 && this.isTag(lt, "Owner")) {
        this.at = lt + 7;
        const owner = this.owner();
        p.owner ??= owner;
      } else if (c === 85 && this.isTag(lt, "UserMetadata")) {
        this.at = lt + 14;
        const metadata = this.metadata();
        p.metadata ??= metadata;
      } else {
        this.at = lt;
        this.skip(this.open()!);
      }
    }
  }

  /**
   * Skips MinIO's `Internal` element at `lt` in one match and returns true,
   * or returns false where there is another element or another form of it
   * (then the loop skips it as any other).
   */
  private minioInternal(lt: number): boolean {
    MINIO_INTERNAL.lastIndex = lt;
    if (!MINIO_INTERNAL.test(this.xml)) return false;
    this.at = MINIO_INTERNAL.lastIndex;
    return true;
  }

  /**
   * The ETag at `lt` without its quotes, as {@link unquoteETag} gives it
   * from the decoded text. MinIO writes the quotes as `&#34;` (S3 as
   * `&quot;`): an ETag with one at each end and no other `&` is cut out of
   * the text as it stands, with no decoding.
   */
  private etag(lt: number): string {
    const xml = this.xml;
    const from = lt + 6;
    const end = xml.indexOf("<", from);
    const open = quoteAt(xml, from);
    const close = end < 0 ? 0 : quoteBefore(xml, end);
    if (
      open && close && end - close >= from + open &&
      xml.indexOf("&", from + open) === end - close &&
      xml.indexOf("</ETag>", end) === end
    ) {
      this.at = end + 7;
      return xml.slice(from + open, end - close);
    }
    return unquoteETag(this.leafAt(lt, "</ETag>"));
  }

  private owner(): { id?: string; displayName?: string } {
    const xml = this.xml;
    let id, displayName;
    for (;;) {
      const lt = this.nextTag();
      if (lt < 0) throw NOT_PLAIN;
      const c = xml.charCodeAt(lt + 1);
      if (c === 47) {
        this.at = lt + 2;
        this.close("</Owner>");
        return { id, displayName };
      } else if (c === 73 && this.isTag(lt, "ID")) {
        const text = this.leafAt(lt, "</ID>");
        id ??= text;
      } else if (c === 68 && this.isTag(lt, "DisplayName")) {
        const text = this.leafAt(lt, "</DisplayName>");
        displayName ??= text;
      } else {
        this.at = lt;
        this.skip(this.open()!);
      }
    }
  }

  /**
   * An entry's user metadata. The names of the entry before are tried
   * first, in place and in their order: a page's entries mostly list the
   * same ones, and each is then neither sliced nor keyed again.
   */
  private metadata(): Record<string, string> {
    const xml = this.xml;
    const out: Record<string, string> = {};
    for (let n = 0;; n++) {
      const lt = this.nextTag();
      if (lt < 0) throw NOT_PLAIN;
      if (xml.charCodeAt(lt + 1) === 47) {
        this.at = lt + 2;
        this.close("</UserMetadata>");
        return out;
      }
      const name = this.metadataNames[n];
      if (name === undefined || !this.isTag(lt, name)) {
        this.at = lt;
        const listed = this.open()!;
        this.metadataNames[n] = listed;
        this.metadataKeys[n] = metadataKey(listed);
        this.metadataEnds[n] = `</${listed}>`;
      } else {
        this.at = lt + name.length + 2;
      }
      setOwnEntry(out, this.metadataKeys[n], this.leaf(this.metadataEnds[n]));
    }
  }

  /** A common prefix's `Prefix` text (its first). */
  private prefix(): string {
    let prefix: string | undefined;
    for (;;) {
      const name = this.open();
      if (name === undefined) {
        this.close("</CommonPrefixes>");
        return prefix ?? "";
      }
      if (name === "Prefix") {
        const text = this.leaf("</Prefix>");
        prefix ??= text;
      } else this.skip(name);
    }
  }
}
