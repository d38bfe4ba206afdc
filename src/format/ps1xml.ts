// *.ps1xml files (types and formats) as Update-TypeData and Update-FormatData walk them: the
// element tree with each element's text; attributes are ignored, as PowerShell ignores them on
// these files. Parsed by the one XML parser (src/protocol/xml-dom.ts).

import { XmlException, parseXml as parseDocument, type XmlNode, type XmlNodeKind } from '../protocol/xml-dom.js';

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

/** The root element, or .NET's message for text that is not XML (the one XML parser: xml-dom.ts). */
export function parseXml(text: string): XmlElement | string {
  try {
    const root = parseDocument(text).documentElement;
    return root ? toElement(root) : 'Root element is missing.';
  } catch (e) {
    if (e instanceof XmlException) return e.message;
    throw e;
  }
}

/** An element as these files are walked: its child elements and its text (CDATA included). */
function toElement(n: XmlNode): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  for (const c of n.children) {
    if (c.kind === 'Element') children.push(toElement(c));
    else if (TEXT_KINDS.has(c.kind)) text += c.value ?? '';
  }
  return { name: n.qname, children, text };
}

const TEXT_KINDS = new Set<XmlNodeKind>(['Text', 'CDATA', 'Whitespace', 'SignificantWhitespace']);

/** The first child element of a name (case-sensitive, as XML is). */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** The trimmed text of a child element, if there is one. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c ? c.text.trim() : undefined;
}
