// XML reading and writing.
import { deepEqual, equal, test, throws } from "../harness.ts";
import { child, childrenNamed, childText, parseXml } from "../../src/xml/parse.ts";
import { element, textElement, xmlEscape } from "../../src/xml/write.ts";
import { InvalidResponseError } from "../../mod.ts";

test("parseXml: entities decoded, whitespace in text kept, namespace prefixes dropped", () => {
  const root = parseXml(
    `<?xml version="1.0"?><a:Root xmlns:a="x"><Key> a&amp;b&#xD;&#10;&lt;c </Key><Empty/><Item>1</Item><Item>2</Item></a:Root>`,
  );
  equal(root.name, "Root");
  equal(childText(root, "Key"), " a&b\r\n<c ");
  equal(childText(root, "Empty"), "");
  equal(childText(root, "Missing"), undefined);
  deepEqual(childrenNamed(root, "Item").map((i) => i.text), ["1", "2"]);
  equal(child(root, "Item")?.text, "1");
});

test("parseXml: a tag named like an HTML void element still has children", () => {
  const root = parseXml(`<R><Link><Href>x</Href></Link></R>`);
  equal(childText(child(root, "Link")!, "Href"), "x");
});

test("parseXml: wrong or missing root is an InvalidResponseError", () => {
  throws(() => parseXml("<Other/>", "Error"), InvalidResponseError);
  throws(() => parseXml("just text"), InvalidResponseError);
});

test("xml writing escapes text and round-trips through the parser", () => {
  const nasty = `a<b>&"c'\r\n`;
  equal(xmlEscape(nasty), "a&lt;b&gt;&amp;&quot;c&apos;&#xD;\n");
  const doc = element("Root", textElement("Key", nasty) + textElement("N", 5), 'xmlns="x"');
  equal(childText(parseXml(doc), "Key"), nasty);
  equal(childText(parseXml(doc), "N"), "5");
});

test("parseXml: a cut or badly nested answer is an InvalidResponseError, never a partial tree", () => {
  const cut = `<ListBucketResult><Contents><Key>a</Key></Contents><Contents><Key>b`;
  throws(() => parseXml(cut, "ListBucketResult"), InvalidResponseError);
  throws(() => parseXml(`<R><A></B></R>`), InvalidResponseError);
  throws(() => parseXml(`<R><A x="1></A></R>`), InvalidResponseError);
  throws(() => parseXml(`<R><!-- never closed </R>`), InvalidResponseError);
  throws(() => parseXml(`<R><![CDATA[ never closed </R>`), InvalidResponseError);
  throws(() => parseXml(`<R></R`), InvalidResponseError);
  throws(() => parseXml(`<R>< A/></R>`), InvalidResponseError);
});

test("parseXml: CDATA is kept as written, comments, declarations and a DOCTYPE are skipped", () => {
  const root = parseXml(
    `<?xml version="1.0"?>\n<!DOCTYPE R [<!ENTITY e "x">]><!-- c --><R><!-- in -->` +
      `<T><![CDATA[a&amp;<b>]]>&amp;c</T><?pi x?></R> trailing`,
  );
  equal(root.name, "R");
  equal(childText(root, "T"), "a&amp;<b>&c");
  equal(root.children.length, 1);
});

test("parseXml: attributes decoded, valueless ones null; a self-closed root; unknown entities kept", () => {
  const root = parseXml(
    `<R a="1 &amp; 2" b='&lt;q&gt;' flag c = "x"><E/>&bogus; &#x110000; &#65;</R>`,
  );
  deepEqual(root.attributes, { a: "1 & 2", b: "<q>", flag: null, c: "x" });
  equal(root.text, "&bogus; &#x110000; A");
  deepEqual(child(root, "E")?.children, []);
  equal(parseXml(`<Empty xmlns="x"/>`).name, "Empty");
});

test("parseXml: an attribute named __proto__ is an attribute of its own, with or without a value", () => {
  for (const [tag, value] of [[`<a __proto__="x" b="1"/>`, "x"], [`<a __proto__ b="1"/>`, null]]) {
    const { attributes } = parseXml(tag as string);
    equal(Object.hasOwn(attributes, "__proto__"), true, tag as string);
    equal(attributes["__proto__"], value);
    equal(attributes.b, "1");
    equal(Object.getPrototypeOf(attributes), Object.prototype, "the prototype is untouched");
  }
});
