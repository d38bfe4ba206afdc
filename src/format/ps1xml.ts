// A small reader for *.ps1xml files (types and formats): elements, their text, comments and
// CDATA; attributes are read but PowerShell ignores them on these files. Enough for
// Update-TypeData and Update-FormatData, which only walk the element tree.

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** The root element, or an error message naming the line where the text stops being XML. */
export function parseXml(text: string): XmlElement | string {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const top = stack[stack.length - 1]!;
    if (m[7]) return `Unexpected '<' at line ${lineAt(m.index)}.`;
    if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[1] !== undefined) top.text += m[1];
    else if (m[2]) {
      if (stack.length < 2 || top.name !== m[2]) return `The '${m[2]}' end tag at line ${lineAt(m.index)} does not match the start tag '${top.name}'.`;
      stack.pop();
    } else if (m[3]) {
      const el: XmlElement = { name: m[3], children: [], text: '' };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  if (stack.length > 1) return `Unexpected end of file: '${stack[stack.length - 1]!.name}' is not closed.`;
  const elements = root.children;
  if (elements.length !== 1) return 'Root element is missing.';
  return elements[0]!;
}

/** The first child element of a name (case-sensitive, as XML is). */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** The trimmed text of a child element, if there is one. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c ? c.text.trim() : undefined;
}
