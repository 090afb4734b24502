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
