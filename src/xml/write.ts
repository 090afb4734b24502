/**
 * Building XML request bodies: escaping and element helpers. Callers compose
 * strings; nothing here allocates a DOM.
 *
 * @module
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#xD;",
};
const SPECIAL = /[&<>"'\r]/g;

/** Escapes text for an element's content or an attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c]);
}

/** `<name>escaped text</name>`. */
export function textElement(name: string, text: string | number | boolean): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`;
}

/** `<name attrs>inner</name>`; `inner` is XML already built. */
export function element(name: string, inner: string, attrs = ""): string {
  return `<${name}${attrs ? " " + attrs : ""}>${inner}</${name}>`;
}

/** The S3 namespace attribute for a request body's root element. */
export const S3_NAMESPACE = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
