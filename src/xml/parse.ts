/**
 * XML reading on top of txml: the document becomes a tree of
 * {@link XmlElement}s with decoded text, and a few lookups cover what S3
 * responses need. Namespace prefixes are dropped from element names.
 *
 * @module
 */

import { parse, type TNode } from "txml/txml";
import { InvalidResponseError } from "../base/errors.ts";

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

const OPTIONS = { decodeEntities: true, keepWhitespace: true, selfClosingTags: [] };

function convert(node: TNode): XmlElement {
  const children: XmlElement[] = [];
  let text = "";
  for (const c of node.children) {
    if (typeof c === "string") text += c;
    else children.push(convert(c));
  }
  const colon = node.tagName.indexOf(":");
  return {
    name: colon < 0 ? node.tagName : node.tagName.slice(colon + 1),
    attributes: node.attributes,
    children,
    text,
  };
}

/**
 * Parses a document and returns its root element. Throws
 * {@link InvalidResponseError} when there is no root element, or it is not
 * `expectedRoot` when one is given.
 */
export function parseXml(xml: string, expectedRoot?: string): XmlElement {
  let nodes: (TNode | string)[];
  try {
    nodes = parse(xml, OPTIONS) as (TNode | string)[];
  } catch (e) {
    throw new InvalidResponseError(`malformed XML: ${(e as Error).message}`, 0, "application/xml");
  }
  for (const n of nodes) {
    if (typeof n === "string" || n.tagName.startsWith("?") || n.tagName.startsWith("!")) continue;
    const root = convert(n);
    if (expectedRoot && root.name !== expectedRoot) {
      throw new InvalidResponseError(
        `expected <${expectedRoot}> but the response has <${root.name}>`,
        0,
        "application/xml",
      );
    }
    return root;
  }
  throw new InvalidResponseError("response has no XML element", 0, "application/xml");
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
