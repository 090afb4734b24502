/**
 * XML reading: the document becomes a tree of {@link XmlElement}s with
 * decoded text, and a few lookups cover what S3 responses need. Namespace
 * prefixes are dropped from element names.
 *
 * The reader is this project's own, one pass of `indexOf` over the text: a
 * 1,000-key listing page is most of what a client parses, and entities are
 * decoded only in text that holds a `&`. It reads what S3 and MinIO send
 * (elements, attributes, text, entities, CDATA, comments, the declaration,
 * a DOCTYPE) and refuses a document whose tags do not nest or end (a cut
 * answer) with an {@link InvalidResponseError}: no partial tree is returned.
 *
 * @module
 */

import { InvalidResponseError } from "../base/errors.ts";
import { setOwnEntry } from "../base/own_entry.ts";

/** One element: its local name, child elements and own text. */
export interface XmlElement {
  /** Local name, without a namespace prefix. */
  readonly name: string;
  /** Attributes as given. */
  readonly attributes: Readonly<Record<string, string | null>>;
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** The element's own text (whitespace kept), entities decoded. */
  readonly text: string;
}

interface Building {
  name: string;
  attributes: Record<string, string | null>;
  children: Building[];
  text: string;
}

const NO_ATTRIBUTES: Readonly<Record<string, string | null>> = Object.freeze({});
/** The children of every element that has none: most of a listing's elements are leaves. */
const NO_CHILDREN = Object.freeze([]) as unknown as Building[];
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)));
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The index after the `;` of a reference shaped `&name;` (a name of at most
 * four letters, as the predefined ones are), `&#digits;` or `&#xhex;` at
 * `at`, or -1. It reads only the reference's own characters, so that
 * decoding stays linear however many `&`s a text holds.
 */
function referenceEnd(s: string, at: number): number {
  let i = at + 1;
  if (s.charCodeAt(i) === 35) {
    const c = s.charCodeAt(++i);
    const hex = c === 120 || c === 88;
    if (hex) i++;
    const digits = i;
    while (isDigit(s.charCodeAt(i), hex)) i++;
    if (i === digits) return -1;
  } else {
    const name = i;
    while (i - name < 4 && isLetter(s.charCodeAt(i))) i++;
    if (i === name) return -1;
  }
  return s.charCodeAt(i) === 59 ? i + 1 : -1;
}

/**
 * The text of the reference `s[at..end)` of that shape, or undefined when
 * this reader does not know it. A character reference's number is read in
 * place, without a slice or `parseInt`.
 */
function referenceText(s: string, at: number, end: number): string | undefined {
  if (s.charCodeAt(at + 1) !== 35) {
    const body = s.slice(at + 1, end - 1);
    return Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
  }
  const c = s.charCodeAt(at + 2);
  const hex = c === 120 || c === 88;
  let code = 0;
  for (let i = hex ? at + 3 : at + 2; i < end - 1; i++) {
    const d = s.charCodeAt(i);
    code = hex ? code * 16 + (d <= 57 ? d - 48 : (d | 32) - 87) : code * 10 + d - 48;
  }
  // An out-of-range reference stays as written, as a lenient reader keeps it.
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * `s` with its character and predefined entity references decoded; anything
 * else after a `&` stays as written. A loop, not a regular expression's
 * replace: every entry of a listing holds two references (MinIO writes an
 * ETag's quotes as `&#34;`), and the replace was about a fifth of a page's
 * parse.
 */
export function decode(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const end = referenceEnd(s, amp);
    const text = end < 0 ? undefined : referenceText(s, amp, end);
    if (text === undefined) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    out += s.slice(from, amp) + text;
    from = end;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

function malformed(why: string): InvalidResponseError {
  return new InvalidResponseError(`malformed XML: ${why}`, 0, "application/xml");
}

/** Whether `c` ends a tag or attribute name: space, tab, CR, LF, `/`, `=`, `>`. */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 61 || c === 62;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Reads the attributes from `at` (after the tag name); returns them and the index of `>` or `/>`. */
function readAttributes(
  xml: string,
  at: number,
): [Record<string, string | null>, number] {
  let attributes: Record<string, string | null> | undefined;
  let i = at;
  for (;;) {
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === 62 || (c === 47 && xml.charCodeAt(i + 1) === 62)) {
      return [attributes ?? NO_ATTRIBUTES, i];
    }
    if (i >= xml.length) throw malformed("a tag does not end");
    const start = i;
    while (i < xml.length && !endsName(xml.charCodeAt(i))) i++;
    if (i === start) throw malformed(`unexpected '${xml[i]}' in a tag`);
    const name = xml.slice(start, i);
    while (isSpace(xml.charCodeAt(i))) i++;
    let value: string | null = null;
    if (xml.charCodeAt(i) === 61) {
      i++;
      while (isSpace(xml.charCodeAt(i))) i++;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw malformed(`attribute ${name} has no quoted value`);
      const close = xml.indexOf(quote, i + 1);
      if (close < 0) throw malformed(`attribute ${name} does not end`);
      value = decode(xml.slice(i + 1, close));
      i = close + 1;
    }
    // An attribute named __proto__ would set the record's prototype.
    setOwnEntry(attributes ??= {}, name, value);
  }
}

/** Index after a `<!...>` declaration at `lt` (a DOCTYPE's `[...]` subset skipped whole). */
function skipDeclaration(xml: string, lt: number): number {
  let inSubset = false;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 91) inSubset = true;
    else if (c === 93) inSubset = false;
    else if (c === 62 && !inSubset) return i + 1;
  }
  throw malformed("a declaration does not end");
}

/** The first element of `xml` with everything in it, or undefined when there is none. */
function readRoot(xml: string): Building | undefined {
  const open: Building[] = [];
  const tags: string[] = [];
  let pos = 0;
  // Where the next `&` is (the length when none): text before it is taken as
  // it is, without a search of its own.
  let amp = -1;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    const top = open[open.length - 1];
    if (lt < 0) {
      if (top) throw malformed(`<${tags[tags.length - 1]}> does not end`);
      return undefined;
    }
    // Text outside the root element is not part of the answer.
    if (top && lt > pos) {
      if (amp < pos) {
        amp = xml.indexOf("&", pos);
        if (amp < 0) amp = xml.length;
      }
      const text = xml.slice(pos, lt);
      top.text += amp < lt ? decode(text) : text;
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) {
      // Compared in place: a slice per closing tag costs as much as the rest of it.
      const tag = tags[tags.length - 1];
      let gt = lt + 2 + (tag?.length ?? 0);
      while (isSpace(xml.charCodeAt(gt))) gt++;
      if (!top || !xml.startsWith(tag, lt + 2) || xml.charCodeAt(gt) !== 62) {
        const end = xml.indexOf(">", lt);
        throw malformed(
          `unexpected ${end < 0 ? "end" : xml.slice(lt, Math.min(end + 1, lt + 80))}`,
        );
      }
      open.pop();
      tags.pop();
      if (!open.length) return top;
      pos = gt + 1;
    } else if (next === 63) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw malformed("a processing instruction does not end");
      pos = end + 2;
    } else if (next === 33) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw malformed("a comment does not end");
        pos = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw malformed("a CDATA section does not end");
        if (top) top.text += xml.slice(lt + 9, end);
        pos = end + 3;
      } else {
        pos = skipDeclaration(xml, lt);
      }
    } else {
      let i = lt + 1;
      while (i < xml.length && !endsName(xml.charCodeAt(i))) i++;
      const tag = xml.slice(lt + 1, i);
      if (!tag) throw malformed("a tag has no name");
      // Most tags have no attributes: no call and no pair for those.
      let attributes = NO_ATTRIBUTES;
      let end = i;
      const c = xml.charCodeAt(i);
      if (c !== 62 && !(c === 47 && xml.charCodeAt(i + 1) === 62)) {
        [attributes, end] = readAttributes(xml, i);
      }
      const colon = tag.indexOf(":");
      const el: Building = {
        name: colon < 0 ? tag : tag.slice(colon + 1),
        attributes,
        children: NO_CHILDREN,
        text: "",
      };
      if (top) {
        if (top.children === NO_CHILDREN) top.children = [el];
        else top.children.push(el);
      }
      if (xml.charCodeAt(end) === 47) {
        if (!top) return el;
        pos = end + 2;
      } else {
        open.push(el);
        tags.push(tag);
        pos = end + 1;
      }
    }
  }
}

/**
 * Parses a document and returns its root element. Throws
 * {@link InvalidResponseError} when the document is malformed, has no
 * root element, or its root is not `expectedRoot` when one is given.
 */
export function parseXml(xml: string, expectedRoot?: string): XmlElement {
  const root = readRoot(xml);
  if (!root) throw new InvalidResponseError("response has no XML element", 0, "application/xml");
  if (expectedRoot && root.name !== expectedRoot) {
    throw new InvalidResponseError(
      `expected <${expectedRoot}> but the response has <${root.name}>`,
      0,
      "application/xml",
    );
  }
  return root;
}

/** The first child named `name`, if any. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** All children named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Text of the first child named `name`, or `undefined` when absent. */
export function childText(el: XmlElement, name: string): string | undefined {
  return child(el, name)?.text;
}
