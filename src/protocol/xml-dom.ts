// System.Xml's DOM as PowerShell shows it: XmlDocument and its nodes, with PowerShell's XML
// adapter (attributes and child elements are properties: `$x.root.child`, `$node.'#text'`).
// The parser (parseXml) and the writers (outerXml, indentedXml) are here too; XPath lives in
// xml-xpath.ts. Files are read and written through the hook the session installs
// (useXmlFiles), so XmlDocument.Load/Save stay on the lab drive.

import { PSObject, PSTypeValue, type PSMethodInfo, type PSPropertyInfo, toDisplayText } from './values.js';
import { raise } from './errors.js';
import { methodException } from './members.js';
import { XPathException, selectNodes } from './xml-xpath.js';

export type XmlNodeKind =
  | 'Document'
  | 'Element'
  | 'Attribute'
  | 'Text'
  | 'CDATA'
  | 'Comment'
  | 'ProcessingInstruction'
  | 'XmlDeclaration'
  | 'DocumentType'
  | 'Whitespace'
  | 'SignificantWhitespace'
  | 'DocumentFragment';

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const XML_URI = 'http://www.w3.org/XML/1998/namespace';

/** .NET's XmlException: the message carries ` Line N, position M.` */
export class XmlException extends Error {
  constructor(
    readonly reason: string,
    readonly line = 0,
    readonly position = 0,
  ) {
    super(line > 0 ? `${reason} Line ${line}, position ${position}.` : reason);
  }
}

const TYPE_CHAINS: Record<XmlNodeKind, string[]> = {
  Document: ['System.Xml.XmlDocument'],
  Element: ['System.Xml.XmlElement', 'System.Xml.XmlLinkedNode'],
  Attribute: ['System.Xml.XmlAttribute'],
  Text: ['System.Xml.XmlText', 'System.Xml.XmlCharacterData', 'System.Xml.XmlLinkedNode'],
  CDATA: ['System.Xml.XmlCDataSection', 'System.Xml.XmlCharacterData', 'System.Xml.XmlLinkedNode'],
  Comment: ['System.Xml.XmlComment', 'System.Xml.XmlCharacterData', 'System.Xml.XmlLinkedNode'],
  ProcessingInstruction: ['System.Xml.XmlProcessingInstruction', 'System.Xml.XmlLinkedNode'],
  XmlDeclaration: ['System.Xml.XmlDeclaration', 'System.Xml.XmlLinkedNode'],
  DocumentType: ['System.Xml.XmlDocumentType', 'System.Xml.XmlLinkedNode'],
  Whitespace: ['System.Xml.XmlWhitespace', 'System.Xml.XmlCharacterData', 'System.Xml.XmlLinkedNode'],
  SignificantWhitespace: ['System.Xml.XmlSignificantWhitespace', 'System.Xml.XmlCharacterData', 'System.Xml.XmlLinkedNode'],
  DocumentFragment: ['System.Xml.XmlDocumentFragment'],
};

/** The `Name` .NET gives nodes that have no name of their own. */
const FIXED_NAMES: Partial<Record<XmlNodeKind, string>> = {
  Document: '#document',
  Text: '#text',
  CDATA: '#cdata-section',
  Comment: '#comment',
  Whitespace: '#whitespace',
  SignificantWhitespace: '#significant-whitespace',
  DocumentFragment: '#document-fragment',
};

/** What file access XmlDocument.Load/Save get: the session's lab drive. */
export interface XmlFileAccess {
  read(path: string): string;
  write(path: string, text: string): void;
}

let files: XmlFileAccess | undefined;

/** The session installs its lab drive here (as convert.ts takes the lab clock). */
export function useXmlFiles(access: XmlFileAccess): void {
  files = access;
}

/** Prefix → namespace URI for XPath (XmlNamespaceManager, Select-Xml -Namespace). */
export interface NamespaceResolver {
  lookup(prefix: string): string | undefined;
}

/** A .NET exception inside an XML method, as PowerShell wraps it (the inner type is the error id). */
function methodError(name: string, argc: number, message: string, exceptionType = 'XmlException'): never {
  throw methodException(name, argc, message, exceptionType);
}

export class XmlNode extends PSObject {
  parent: XmlNode | null = null;
  readonly children: XmlNode[] = [];
  /** Elements only. */
  readonly attrs: XmlNode[] = [];
  /** Text, attribute, comment, PI, declaration values. */
  value: string | null = null;

  constructor(
    readonly kind: XmlNodeKind,
    /** The qualified name (`b:item`), or the fixed `#text`-style name. */
    readonly qname: string,
    readonly namespaceURI: string,
    public owner: XmlDocument | null,
  ) {
    const chain = [...TYPE_CHAINS[kind], 'System.Xml.XmlNode', 'System.Object'];
    const local = qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;
    if (namespaceURI && (kind === 'Element' || kind === 'Attribute')) chain.unshift(`${chain[0]}#${namespaceURI}#${local}`);
    super(chain);
  }

  selfAndAncestors(): XmlNode[] {
    const out: XmlNode[] = [this];
    for (let p = this.parent; p; p = p.parent) out.push(p);
    return out;
  }

  get prefix(): string {
    const i = this.qname.indexOf(':');
    return i < 0 || this.qname.startsWith('#') ? '' : this.qname.slice(0, i);
  }

  get localName(): string {
    const i = this.qname.indexOf(':');
    return i < 0 ? this.qname : this.qname.slice(i + 1);
  }

  get document(): XmlDocument | null {
    return this.kind === 'Document' ? (this as unknown as XmlDocument) : this.owner;
  }

  // --- text views -------------------------------------------------------------------------

  get innerText(): string {
    if (this.kind === 'Attribute' || this.isCharacterData()) return this.value ?? '';
    if (this.kind === 'Comment' || this.kind === 'ProcessingInstruction' || this.kind === 'XmlDeclaration') return this.value ?? '';
    let out = '';
    const walk = (n: XmlNode) => {
      for (const c of n.children) {
        if (c.isCharacterData()) out += c.value ?? '';
        else if (c.kind === 'Element' || c.kind === 'DocumentFragment') walk(c);
      }
    };
    walk(this);
    return out;
  }

  set innerText(text: string) {
    if (this.kind === 'Attribute' || this.isCharacterData() || this.kind === 'Comment') {
      this.value = text;
      return;
    }
    for (const c of this.children) c.parent = null;
    this.children.length = 0;
    if (text !== '') this.appendChild(this.doc().createNode('Text', '#text', '', text));
  }

  get innerXml(): string {
    if (this.kind === 'Attribute') return escapeText(this.value ?? '', true);
    return this.children.map((c) => outerXml(c)).join('');
  }

  set innerXml(text: string) {
    if (this.kind === 'Attribute' || this.isCharacterData()) {
      this.value = text;
      return;
    }
    const nodes = parseFragment(text, this.doc(), this);
    for (const c of this.children) c.parent = null;
    this.children.length = 0;
    for (const n of nodes) this.appendChild(n);
  }

  isCharacterData(): boolean {
    return this.kind === 'Text' || this.kind === 'CDATA' || this.kind === 'Whitespace' || this.kind === 'SignificantWhitespace';
  }

  doc(): XmlDocument {
    const d = this.document;
    if (!d) raise('The node has no owner document.', 'InvalidOperation');
    return d;
  }

  // --- tree changes -----------------------------------------------------------------------

  checkChild(child: unknown, method: string, argc: number): XmlNode {
    if (!(child instanceof XmlNode)) methodError(method, argc, 'Value cannot be null.\r\nParameter name: newChild', 'ArgumentNullException');
    if (child.document !== this.document && !(this.kind === 'Document' && child.owner === (this as XmlNode))) {
      methodError(method, argc, 'The node to be inserted is from a different document context.');
    }
    if (this.kind !== 'Document' && this.kind !== 'Element' && this.kind !== 'DocumentFragment') {
      methodError(method, argc, `Cannot insert a node or any ancestor of that node as a child of itself.`);
    }
    if (child.kind === 'Attribute') methodError(method, argc, `The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.`);
    for (const p of this.selfAndAncestors()) if (p === child) methodError(method, argc, 'Cannot insert a node or any ancestor of that node as a child of itself.');
    if (this.kind === 'Document' && child.kind === 'Element' && this.children.some((c) => c.kind === 'Element' && c !== child)) {
      methodError(method, argc, 'This document already has a \'DocumentElement\' node.');
    }
    return child;
  }

  insertAt(child: XmlNode, index: number): XmlNode {
    if (child.kind === 'DocumentFragment') {
      const moved = [...child.children];
      child.children.length = 0;
      moved.forEach((m, i) => {
        m.parent = null;
        this.insertAt(m, index + i);
      });
      return child;
    }
    if (child.parent) child.parent.removeChild(child);
    child.parent = this;
    this.children.splice(index, 0, child);
    return child;
  }

  appendChild(child: XmlNode): XmlNode {
    return this.insertAt(child, this.children.length);
  }

  removeChild(child: XmlNode): XmlNode {
    const i = this.children.indexOf(child);
    if (i >= 0) {
      this.children.splice(i, 1);
      child.parent = null;
    }
    return child;
  }

  getAttribute(name: string): string {
    return this.attrs.find((a) => a.qname === name)?.value ?? '';
  }

  setAttribute(name: string, value: string, ns?: string): XmlNode {
    let a = this.attrs.find((x) => x.qname === name);
    if (!a) {
      a = this.doc().createNode('Attribute', name, ns ?? this.lookupNamespace(name.includes(':') ? name.slice(0, name.indexOf(':')) : null, true) ?? '', value);
      a.parent = this;
      this.attrs.push(a);
    } else a.value = value;
    return a;
  }

  /** The namespace a prefix means here (`xmlns`/`xmlns:p` attributes up the tree). */
  lookupNamespace(prefix: string | null, forAttribute = false): string | undefined {
    if (prefix === 'xml') return XML_URI;
    if (prefix === 'xmlns') return XMLNS_URI;
    if (forAttribute && !prefix) return '';
    for (const n of this.selfAndAncestors()) {
      if (n.kind !== 'Element') continue;
      for (const a of n.attrs) {
        if (prefix ? a.qname === `xmlns:${prefix}` : a.qname === 'xmlns') return a.value ?? '';
      }
    }
    return prefix ? undefined : '';
  }

  cloneNode(deep: boolean, owner: XmlDocument | null = this.owner): XmlNode {
    const copy = this.kind === 'Document' ? new XmlDocument() : new XmlNode(this.kind, this.qname, this.namespaceURI, owner);
    copy.value = this.value;
    for (const a of this.attrs) {
      const ac = a.cloneNode(true, copy.kind === 'Document' ? (copy as XmlDocument) : owner);
      ac.parent = copy;
      copy.attrs.push(ac);
    }
    if (deep || this.kind === 'Attribute') {
      for (const c of this.children) copy.appendChild(c.cloneNode(true, copy.kind === 'Document' ? (copy as XmlDocument) : owner));
    }
    return copy;
  }

  // --- XPath ------------------------------------------------------------------------------

  selectNodes(expr: string, ns?: NamespaceResolver): XmlNode[] {
    return selectNodes(this, expr, ns);
  }

  // --- PowerShell's adapter ---------------------------------------------------------------

  /** The adapter's properties: attributes then child nodes (not whitespace), grouped by local name. */
  private adapted(): Map<string, XmlNode[]> {
    const groups = new Map<string, XmlNode[]>();
    const add = (n: XmlNode) => {
      const key = n.localName.toLowerCase();
      const list = groups.get(key);
      if (list) list.push(n);
      else groups.set(key, [n]);
    };
    for (const a of this.attrs) add(a);
    for (const c of this.children) if (c.kind !== 'Whitespace') add(c);
    return groups;
  }

  private adaptedProperty(nodes: XmlNode[]): PSPropertyInfo {
    const first = nodes[0]!;
    const settable = nodes.length === 1 && isSettable(first);
    return {
      name: first.localName,
      memberType: 'Property',
      typeName: nodes.length === 1 ? nodeValueType(first) : 'System.Object[]',
      get: () => (nodes.length === 1 ? nodeObject(first) : nodes.map(nodeObject)),
      set: settable
        ? (v) => {
            first.innerText = toDisplayText(v);
          }
        : undefined,
    };
  }

  override property(name: string): PSPropertyInfo | undefined {
    const own = super.property(name);
    if (own) return own;
    const nodes = this.adapted().get(name.toLowerCase());
    if (nodes) return this.adaptedProperty(nodes);
    return dotnetProperty(this, name);
  }

  override properties(): PSPropertyInfo[] {
    return [...super.properties(), ...[...this.adapted().values()].map((nodes) => this.adaptedProperty(nodes))];
  }

  override get(name: string): unknown {
    return this.property(name)?.get() ?? null;
  }

  override has(name: string): boolean {
    return this.property(name) !== undefined;
  }

  override method(name: string): PSMethodInfo | undefined {
    if (name.toLowerCase() === 'gettype') {
      // The .NET type, not the adapter's `XmlElement#ns#name` first type name.
      const type = this.typeNames.find((t) => !t.includes('#')) ?? 'System.Xml.XmlNode';
      return { name: 'GetType', definition: 'type GetType()', invoke: () => new PSTypeValue(type) };
    }
    return super.method(name) ?? nodeMethod(this, name);
  }

  override methodList(): PSMethodInfo[] {
    const own = super.methodList();
    // get_Item is the indexer's accessor: callable, but Get-Member lists the indexer as Item.
    return [...own, ...methodNamesFor(this).filter((n) => n !== 'get_Item').map((n) => nodeMethod(this, n)!)];
  }

  override toString(): string {
    const custom = super.method('ToString');
    if (custom) return String(custom.invoke([]));
    // types.ps1xml's ToString for XmlNode: the local name (`$x` shows `bookstore` in its column).
    return FIXED_NAMES[this.kind] ?? this.localName;
  }
}

function isSettable(n: XmlNode): boolean {
  if (n.kind === 'Text' || n.kind === 'Attribute') return true;
  if (n.attrs.length) return false;
  return n.children.length === 0 || (n.children.length === 1 && n.children[0]!.kind === 'Text');
}

/** What a property holding this node gives (CoreAdapter's GetNodeObject). */
function nodeObject(n: XmlNode): unknown {
  if (n.kind === 'Text') return n.innerText;
  if (n.kind === 'Attribute') return n.value ?? '';
  if (n.attrs.length) return n;
  if (n.children.length === 0) return n.innerText;
  if (n.children.length === 1 && n.children[0]!.kind === 'Text') return n.innerText;
  return n;
}

function nodeValueType(n: XmlNode): string {
  const v = nodeObject(n);
  return typeof v === 'string' ? 'System.String' : (n.typeNames.find((t) => !t.includes('#')) ?? 'System.Xml.XmlNode');
}

export class XmlDocument extends XmlNode {
  preserveWhitespace = false;

  constructor() {
    super('Document', '#document', '', null);
  }

  createNode(kind: XmlNodeKind, name: string, ns: string, value: string | null = null): XmlNode {
    const n = new XmlNode(kind, name, ns, this);
    n.value = value;
    return n;
  }

  get documentElement(): XmlNode | null {
    return this.children.find((c) => c.kind === 'Element') ?? null;
  }

  loadXml(text: string): void {
    const parsed = parseXml(text, this.preserveWhitespace);
    this.children.length = 0;
    for (const c of parsed.children) {
      c.owner = this;
      this.appendChild(c);
    }
    const adopt = (n: XmlNode) => {
      n.owner = this;
      n.attrs.forEach(adopt);
      n.children.forEach(adopt);
    };
    this.children.forEach(adopt);
  }
}

/**
 * System.Xml.XmlNamespaceManager: prefixes the XPath methods resolve (AddNamespace,
 * LookupNamespace, HasNamespace, RemoveNamespace); `xml` and `xmlns` are always there.
 */
export class XmlNamespaceManager extends PSObject implements NamespaceResolver {
  private readonly map = new Map<string, string>([
    ['xml', XML_URI],
    ['xmlns', XMLNS_URI],
    ['', ''],
  ]);

  constructor() {
    super(['System.Xml.XmlNamespaceManager', 'System.Object']);
    this.addProperty({ name: 'DefaultNamespace', memberType: 'Property', typeName: 'System.String', get: () => this.map.get('') ?? '' });
    this.addMethod({
      name: 'AddNamespace',
      definition: 'void AddNamespace(string prefix, string uri)',
      invoke: (a) => {
        if (a[0] === null || a[0] === undefined || a[1] === null || a[1] === undefined) {
          methodError('AddNamespace', a.length, 'Value cannot be null.', 'ArgumentNullException');
        }
        this.map.set(argText(a[0]), argText(a[1]));
        return undefined;
      },
    });
    this.addMethod({ name: 'LookupNamespace', definition: 'string LookupNamespace(string prefix)', invoke: (a) => this.map.get(argText(a[0])) ?? null });
    this.addMethod({ name: 'HasNamespace', definition: 'bool HasNamespace(string prefix)', invoke: (a) => this.map.has(argText(a[0])) });
    this.addMethod({
      name: 'RemoveNamespace',
      definition: 'void RemoveNamespace(string prefix, string uri)',
      invoke: (a) => {
        if (this.map.get(argText(a[0])) === argText(a[1])) this.map.delete(argText(a[0]));
        return undefined;
      },
    });
  }

  lookup(prefix: string): string | undefined {
    return this.map.get(prefix);
  }
}

// ---------------------------------------------------------------------------------------------
// .NET members

function dotnetProperty(n: XmlNode, name: string): PSPropertyInfo | undefined {
  const ro = (typeName: string, get: () => unknown): PSPropertyInfo => ({ name: canonical(name), memberType: 'Property', typeName, get });
  switch (name.toLowerCase()) {
    case 'name':
      return ro('System.String', () => FIXED_NAMES[n.kind] ?? n.qname);
    case 'localname':
      return ro('System.String', () => FIXED_NAMES[n.kind] ?? n.localName);
    case 'namespaceuri':
      return ro('System.String', () => n.namespaceURI);
    case 'prefix':
      return ro('System.String', () => n.prefix);
    case 'nodetype':
      return ro('System.Xml.XmlNodeType', () => (n.kind === 'CDATA' ? 'CDATA' : n.kind));
    case 'parentnode':
      return ro('System.Xml.XmlNode', () => (n.kind === 'Attribute' ? null : n.parent));
    case 'ownerelement':
      return n.kind === 'Attribute' ? ro('System.Xml.XmlElement', () => n.parent) : undefined;
    case 'ownerdocument':
      return ro('System.Xml.XmlDocument', () => n.owner);
    case 'childnodes':
      return ro('System.Xml.XmlNodeList', () => [...n.children]);
    case 'attributes':
      return ro('System.Xml.XmlAttributeCollection', () => (n.kind === 'Element' ? [...n.attrs] : null));
    case 'firstchild':
      return ro('System.Xml.XmlNode', () => n.children[0] ?? null);
    case 'lastchild':
      return ro('System.Xml.XmlNode', () => n.children[n.children.length - 1] ?? null);
    case 'haschildnodes':
      return ro('System.Boolean', () => n.children.length > 0);
    case 'hasattributes':
      return n.kind === 'Element' ? ro('System.Boolean', () => n.attrs.length > 0) : undefined;
    case 'isempty':
      return n.kind === 'Element' ? ro('System.Boolean', () => n.children.length === 0) : undefined;
    case 'nextsibling':
      return ro('System.Xml.XmlNode', () => sibling(n, 1));
    case 'previoussibling':
      return ro('System.Xml.XmlNode', () => sibling(n, -1));
    case 'nametable':
      return n instanceof XmlDocument ? ro('System.Xml.NameTable', () => new PSObject(['System.Xml.NameTable', 'System.Xml.XmlNameTable', 'System.Object'])) : undefined;
    case 'documentelement':
      return n instanceof XmlDocument ? ro('System.Xml.XmlElement', () => n.documentElement) : undefined;
    case 'preservewhitespace':
      return n instanceof XmlDocument
        ? { name: 'PreserveWhitespace', memberType: 'Property', typeName: 'System.Boolean', get: () => n.preserveWhitespace, set: (v) => (n.preserveWhitespace = v === true) }
        : undefined;
    case 'value':
      return {
        name: 'Value',
        memberType: 'Property',
        typeName: 'System.String',
        get: () => n.value,
        set: n.value === null && n.kind !== 'Attribute' ? undefined : (v) => (n.value = toDisplayText(v)),
      };
    case 'innertext':
      return { name: 'InnerText', memberType: 'Property', typeName: 'System.String', get: () => n.innerText, set: (v) => (n.innerText = toDisplayText(v)) };
    case 'innerxml':
      return { name: 'InnerXml', memberType: 'Property', typeName: 'System.String', get: () => n.innerXml, set: (v) => (n.innerXml = toDisplayText(v)) };
    case 'outerxml':
      return ro('System.String', () => outerXml(n));
    case 'baseuri':
      return ro('System.String', () => '');
    case 'isreadonly':
      return ro('System.Boolean', () => false);
    case 'specified':
      return n.kind === 'Attribute' ? ro('System.Boolean', () => true) : undefined;
    case 'data':
      return n.isCharacterData() || n.kind === 'Comment' || n.kind === 'ProcessingInstruction' ? ro('System.String', () => n.value) : undefined;
    case 'length':
      return n.isCharacterData() || n.kind === 'Comment' ? ro('System.Int32', () => (n.value ?? '').length) : undefined;
    case 'version':
    case 'encoding':
    case 'standalone':
      return n.kind === 'XmlDeclaration' ? ro('System.String', () => declarationPart(n.value ?? '', name.toLowerCase())) : undefined;
  }
  return undefined;
}

const CANONICAL = [
  'Name', 'LocalName', 'NamespaceURI', 'Prefix', 'NodeType', 'ParentNode', 'OwnerElement', 'OwnerDocument', 'ChildNodes',
  'Attributes', 'FirstChild', 'LastChild', 'HasChildNodes', 'HasAttributes', 'IsEmpty', 'NextSibling', 'PreviousSibling',
  'DocumentElement', 'NameTable', 'BaseURI', 'IsReadOnly', 'Specified', 'Data', 'Length', 'Version', 'Encoding', 'Standalone',
];

function canonical(name: string): string {
  return CANONICAL.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
}

function declarationPart(text: string, key: string): string {
  const m = new RegExp(`${key}\\s*=\\s*(["'])(.*?)\\1`).exec(text);
  return m ? m[2]! : '';
}

function sibling(n: XmlNode, step: number): XmlNode | null {
  if (!n.parent || n.kind === 'Attribute') return null;
  const i = n.parent.children.indexOf(n);
  return n.parent.children[i + step] ?? null;
}

function argText(v: unknown): string {
  return v === null || v === undefined ? '' : toDisplayText(v);
}

const COMMON_METHODS = [
  'AppendChild', 'PrependChild', 'InsertBefore', 'InsertAfter', 'RemoveChild', 'ReplaceChild', 'RemoveAll', 'CloneNode', 'Clone',
  'SelectNodes', 'SelectSingleNode', 'GetElementsByTagName', 'WriteTo', 'Normalize', 'Item', 'get_Item',
];
const ELEMENT_METHODS = ['GetAttribute', 'SetAttribute', 'RemoveAttribute', 'HasAttribute', 'GetAttributeNode', 'SetAttributeNode'];
const DOCUMENT_METHODS = [
  'CreateElement', 'CreateAttribute', 'CreateTextNode', 'CreateComment', 'CreateCDataSection', 'CreateXmlDeclaration',
  'CreateProcessingInstruction', 'CreateDocumentFragment', 'CreateWhitespace', 'CreateNode', 'ImportNode', 'Load', 'LoadXml', 'Save',
];

function methodNamesFor(n: XmlNode): string[] {
  return [...COMMON_METHODS, ...(n.kind === 'Element' ? ELEMENT_METHODS : []), ...(n instanceof XmlDocument ? DOCUMENT_METHODS : [])];
}

/** A namespace resolver from an XmlNamespaceManager-like object or a hashtable-like lookup. */
function resolverOf(v: unknown): NamespaceResolver | undefined {
  if (v && typeof v === 'object' && 'lookup' in v && typeof (v as NamespaceResolver).lookup === 'function') return v as NamespaceResolver;
  return undefined;
}

function nodeArg(name: string, argc: number, v: unknown): XmlNode {
  if (v instanceof XmlNode) return v;
  methodError(name, argc, 'Value cannot be null.');
}

function nodeMethod(n: XmlNode, name: string): PSMethodInfo | undefined {
  const canonicalName = methodNamesFor(n).find((m) => m.toLowerCase() === name.toLowerCase());
  if (!canonicalName) return undefined;
  const m = (definition: string, invoke: (args: unknown[]) => unknown): PSMethodInfo => ({ name: canonicalName, definition, invoke });
  const doc = () => n.doc();
  const checked = (args: unknown[], i: number) => n.checkChild(args[i], canonicalName, args.length);
  switch (canonicalName) {
    case 'AppendChild':
      return m('System.Xml.XmlNode AppendChild(System.Xml.XmlNode newChild)', (a) => n.appendChild(checked(a, 0)));
    case 'PrependChild':
      return m('System.Xml.XmlNode PrependChild(System.Xml.XmlNode newChild)', (a) => n.insertAt(checked(a, 0), 0));
    case 'InsertBefore':
      return m('System.Xml.XmlNode InsertBefore(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)', (a) => {
        const c = checked(a, 0);
        const i = a[1] instanceof XmlNode ? n.children.indexOf(a[1]) : -1;
        return n.insertAt(c, i < 0 ? n.children.length : i);
      });
    case 'InsertAfter':
      return m('System.Xml.XmlNode InsertAfter(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)', (a) => {
        const c = checked(a, 0);
        const i = a[1] instanceof XmlNode ? n.children.indexOf(a[1]) : -1;
        return n.insertAt(c, i < 0 ? 0 : i + 1);
      });
    case 'RemoveChild':
      return m('System.Xml.XmlNode RemoveChild(System.Xml.XmlNode oldChild)', (a) => {
        const c = nodeArg(canonicalName, a.length, a[0]);
        if (c.parent !== n) methodError(canonicalName, a.length, 'The node to be removed is not a child of this node.', 'ArgumentException');
        return n.removeChild(c);
      });
    case 'ReplaceChild':
      return m('System.Xml.XmlNode ReplaceChild(System.Xml.XmlNode newChild, System.Xml.XmlNode oldChild)', (a) => {
        const c = checked(a, 0);
        const old = nodeArg(canonicalName, a.length, a[1]);
        const i = n.children.indexOf(old);
        if (i < 0) methodError(canonicalName, a.length, 'The node to be removed is not a child of this node.', 'ArgumentException');
        n.removeChild(old);
        n.insertAt(c, i);
        return old;
      });
    case 'RemoveAll':
      return m('void RemoveAll()', () => {
        n.children.length = 0;
        n.attrs.length = 0;
        return undefined;
      });
    case 'CloneNode':
      return m('System.Xml.XmlNode CloneNode(bool deep)', (a) => n.cloneNode(a[0] === true));
    case 'Clone':
      return m('System.Xml.XmlNode Clone()', () => n.cloneNode(true));
    case 'SelectNodes':
      return m('System.Xml.XmlNodeList SelectNodes(string xpath), System.Xml.XmlNodeList SelectNodes(string xpath, System.Xml.XmlNamespaceManager nsmgr)', (a) =>
        xpathCall(canonicalName, a, () => n.selectNodes(argText(a[0]), resolverOf(a[1]))),
      );
    case 'SelectSingleNode':
      return m('System.Xml.XmlNode SelectSingleNode(string xpath), System.Xml.XmlNode SelectSingleNode(string xpath, System.Xml.XmlNamespaceManager nsmgr)', (a) =>
        xpathCall(canonicalName, a, () => n.selectNodes(argText(a[0]), resolverOf(a[1])))[0] ?? null,
      );
    case 'GetElementsByTagName':
      return m('System.Xml.XmlNodeList GetElementsByTagName(string name)', (a) => {
        const want = argText(a[0]);
        const out: XmlNode[] = [];
        const walk = (x: XmlNode) => {
          for (const c of x.children) {
            if (c.kind !== 'Element') continue;
            if (want === '*' || c.qname === want) out.push(c);
            walk(c);
          }
        };
        walk(n);
        return out;
      });
    case 'Item':
    case 'get_Item':
      // The indexer `$node['child']`: the first child element of that name (and namespace).
      return m('System.Xml.XmlElement Item(string name), System.Xml.XmlElement Item(string localname, string ns)', (a) =>
        n.children.find((c) => c.kind === 'Element' && (a.length > 1 ? c.localName === argText(a[0]) && c.namespaceURI === argText(a[1]) : c.qname === argText(a[0]))) ?? null,
      );
    case 'WriteTo':
    case 'Normalize':
      return m(`void ${canonicalName}()`, () => undefined);
    case 'GetAttribute':
      return m('string GetAttribute(string name)', (a) => n.getAttribute(argText(a[0])));
    case 'SetAttribute':
      return m('void SetAttribute(string name, string value)', (a) => {
        if (a.length === 3) n.setAttribute(argText(a[0]), argText(a[2]), argText(a[1]));
        else n.setAttribute(argText(a[0]), argText(a[1]));
        return undefined;
      });
    case 'RemoveAttribute':
      return m('void RemoveAttribute(string name)', (a) => {
        const i = n.attrs.findIndex((x) => x.qname === argText(a[0]));
        if (i >= 0) n.attrs.splice(i, 1);
        return undefined;
      });
    case 'HasAttribute':
      return m('bool HasAttribute(string name)', (a) => n.attrs.some((x) => x.qname === argText(a[0])));
    case 'GetAttributeNode':
      return m('System.Xml.XmlAttribute GetAttributeNode(string name)', (a) => n.attrs.find((x) => x.qname === argText(a[0])) ?? null);
    case 'SetAttributeNode':
      return m('System.Xml.XmlAttribute SetAttributeNode(System.Xml.XmlAttribute newAttr)', (a) => {
        const attr = nodeArg(canonicalName, a.length, a[0]);
        const i = n.attrs.findIndex((x) => x.qname === attr.qname);
        const old = i >= 0 ? n.attrs[i]! : null;
        if (i >= 0) n.attrs.splice(i, 1, attr);
        else n.attrs.push(attr);
        attr.parent = n;
        return old;
      });
    case 'CreateElement':
      return m('System.Xml.XmlElement CreateElement(string name), System.Xml.XmlElement CreateElement(string qualifiedName, string namespaceURI)', (a) => {
        const qname = a.length === 3 ? `${argText(a[0])}:${argText(a[1])}` : argText(a[0]);
        if (!qname) methodError(canonicalName, a.length, 'The local name for elements or attributes cannot be null or an empty string.', 'ArgumentException');
        checkName(qname, canonicalName, a.length);
        return doc().createNode('Element', qname, argText(a.length === 3 ? a[2] : a[1]));
      });
    case 'CreateAttribute':
      return m('System.Xml.XmlAttribute CreateAttribute(string name)', (a) => {
        const qname = argText(a[0]);
        checkName(qname, canonicalName, a.length);
        return doc().createNode('Attribute', qname, argText(a[1]), '');
      });
    case 'CreateTextNode':
      return m('System.Xml.XmlText CreateTextNode(string text)', (a) => doc().createNode('Text', '#text', '', argText(a[0])));
    case 'CreateComment':
      return m('System.Xml.XmlComment CreateComment(string data)', (a) => doc().createNode('Comment', '#comment', '', argText(a[0])));
    case 'CreateCDataSection':
      return m('System.Xml.XmlCDataSection CreateCDataSection(string data)', (a) => doc().createNode('CDATA', '#cdata-section', '', argText(a[0])));
    case 'CreateWhitespace':
      return m('System.Xml.XmlWhitespace CreateWhitespace(string text)', (a) => doc().createNode('Whitespace', '#whitespace', '', argText(a[0])));
    case 'CreateDocumentFragment':
      return m('System.Xml.XmlDocumentFragment CreateDocumentFragment()', () => doc().createNode('DocumentFragment', '#document-fragment', ''));
    case 'CreateProcessingInstruction':
      return m('System.Xml.XmlProcessingInstruction CreateProcessingInstruction(string target, string data)', (a) =>
        doc().createNode('ProcessingInstruction', argText(a[0]), '', argText(a[1])),
      );
    case 'CreateXmlDeclaration':
      return m('System.Xml.XmlDeclaration CreateXmlDeclaration(string version, string encoding, string standalone)', (a) => {
        let text = `version="${argText(a[0])}"`;
        if (argText(a[1])) text += ` encoding="${argText(a[1])}"`;
        if (argText(a[2])) text += ` standalone="${argText(a[2])}"`;
        return doc().createNode('XmlDeclaration', 'xml', '', text);
      });
    case 'CreateNode':
      return m('System.Xml.XmlNode CreateNode(string nodeTypeString, string name, string namespaceURI)', (a) => {
        const kind = argText(a[0]).toLowerCase();
        const nm = argText(a[1]);
        if (kind === 'element') return doc().createNode('Element', nm, argText(a[2]));
        if (kind === 'attribute') return doc().createNode('Attribute', nm, argText(a[2]), '');
        if (kind === 'text') return doc().createNode('Text', '#text', '', '');
        if (kind === 'comment') return doc().createNode('Comment', '#comment', '', '');
        methodError(canonicalName, a.length, `'${argText(a[0])}' does not represent any 'XmlNodeType'.`, 'ArgumentException');
      });
    case 'ImportNode':
      return m('System.Xml.XmlNode ImportNode(System.Xml.XmlNode node, bool deep)', (a) => nodeArg(canonicalName, a.length, a[0]).cloneNode(a[1] === true, doc()));
    case 'LoadXml':
      return m('void LoadXml(string xml)', (a) => {
        try {
          (n as XmlDocument).loadXml(argText(a[0]));
        } catch (e) {
          if (e instanceof XmlException) methodError(canonicalName, a.length, e.message);
          throw e;
        }
        return undefined;
      });
    case 'Load':
      return m('void Load(string filename)', (a) => {
        if (!files) methodError(canonicalName, a.length, 'File access is not available.');
        const text = files.read(argText(a[0]));
        try {
          (n as XmlDocument).loadXml(text);
        } catch (e) {
          if (e instanceof XmlException) methodError(canonicalName, a.length, e.message);
          throw e;
        }
        return undefined;
      });
    case 'Save':
      return m('void Save(string filename)', (a) => {
        if (!files) methodError(canonicalName, a.length, 'File access is not available.');
        files.write(argText(a[0]), indentedXml(n, '\r\n'));
        return undefined;
      });
  }
  return undefined;
}

function xpathCall(name: string, args: unknown[], run: () => XmlNode[]): XmlNode[] {
  try {
    return run();
  } catch (e) {
    if (e instanceof XPathException) methodError(name, args.length, e.message, 'XPathException');
    throw e;
  }
}

function checkName(qname: string, method: string, argc: number): void {
  if (!NAME_RE.test(qname)) {
    const bad = qname.split('').find((ch, i) => !(i === 0 ? NAME_START_RE : NAME_CHAR_RE).test(ch)) ?? ' ';
    methodError(method, argc, `The '${bad}' character, hexadecimal value 0x${bad.charCodeAt(0).toString(16).toUpperCase()}, cannot be included in a name.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export function escapeText(text: string, attribute = false): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) out = out.replace(/"/g, '&quot;');
  return out;
}

/** `OuterXml`: the node as one line, as .NET writes it (`<a b="c" />`). */
export function outerXml(n: XmlNode): string {
  switch (n.kind) {
    case 'Document':
    case 'DocumentFragment':
      return n.children.map(outerXml).join('');
    case 'Element': {
      const attrs = n.attrs.map((a) => ` ${a.qname}="${escapeText(a.value ?? '', true)}"`).join('');
      if (n.children.length === 0) return `<${n.qname}${attrs} />`;
      return `<${n.qname}${attrs}>${n.children.map(outerXml).join('')}</${n.qname}>`;
    }
    case 'Attribute':
      return `${n.qname}="${escapeText(n.value ?? '', true)}"`;
    case 'Text':
      return escapeText(n.value ?? '');
    case 'Whitespace':
    case 'SignificantWhitespace':
      return n.value ?? '';
    case 'CDATA':
      return `<![CDATA[${n.value ?? ''}]]>`;
    case 'Comment':
      return `<!--${n.value ?? ''}-->`;
    case 'ProcessingInstruction':
    case 'XmlDeclaration':
      return `<?${n.qname}${n.value ? ' ' + n.value : ''}?>`;
    case 'DocumentType':
      return `<!DOCTYPE ${n.qname}${n.value ? ' ' + n.value : ''}>`;
  }
}

/**
 * The node written with XmlWriterSettings.Indent (two spaces a level): what Save and
 * ConvertTo-Xml -As String give. An element holding text keeps its content on one line.
 */
export function indentedXml(n: XmlNode, newline: string, level = 0): string {
  const pad = '  '.repeat(level);
  if (n.kind === 'Document' || n.kind === 'DocumentFragment') {
    return n.children.filter((c) => c.kind !== 'Whitespace').map((c) => indentedXml(c, newline, level)).join(newline);
  }
  if (n.kind !== 'Element') return pad + outerXml(n);
  const mixed = n.children.some((c) => c.kind === 'Text' || c.kind === 'CDATA' || c.kind === 'SignificantWhitespace');
  if (n.children.length === 0 || mixed) return pad + outerXml(n);
  const attrs = n.attrs.map((a) => ` ${a.qname}="${escapeText(a.value ?? '', true)}"`).join('');
  const inner = n.children.filter((c) => c.kind !== 'Whitespace').map((c) => indentedXml(c, newline, level + 1));
  return `${pad}<${n.qname}${attrs}>${newline}${inner.join(newline)}${newline}${pad}</${n.qname}>`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const NAME_START = 'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
// The XML name production includes combining marks (U+0300-U+036F) on their own.
/* eslint-disable no-misleading-character-class */
const NAME_START_RE = new RegExp(`[${NAME_START}:]`);
const NAME_CHAR_RE = new RegExp(`[${NAME_START}:\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]`);
const NAME_RE = new RegExp(`^[${NAME_START}:][${NAME_START}:\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`);
const NAME_AT = new RegExp(`[${NAME_START}:][${NAME_START}:\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, 'y');

/* eslint-enable no-misleading-character-class */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlReader {
  pos = 0;
  constructor(readonly text: string) {}

  where(at = this.pos): [number, number] {
    let line = 1;
    let col = 1;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return [line, col];
  }

  fail(reason: string, at = this.pos): never {
    const [l, c] = this.where(at);
    throw new XmlException(reason, l, c);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  name(): string {
    NAME_AT.lastIndex = this.pos;
    const m = NAME_AT.exec(this.text);
    if (!m) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unexpected end of file has occurred.');
      this.fail(`Name cannot begin with the '${ch}' character, hexadecimal value 0x${ch.charCodeAt(0).toString(16).toUpperCase()}.`);
    }
    this.pos += m[0].length;
    return m[0];
  }

  skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
    return this.pos > start;
  }

  decode(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (whole, ent: string, offset: number) => {
      if (!whole.endsWith(';')) this.fail(`An error occurred while parsing EntityName.`, at + offset);
      if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
      if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
      const v = ENTITIES[ent];
      if (v === undefined) this.fail(`Reference to undeclared entity '${ent}'.`, at + offset);
      return v;
    });
  }
}

interface PendingElement {
  node: XmlNode;
  start: number;
}

/** Parses a whole document (.NET XmlDocument.LoadXml rules: one root, whitespace dropped unless preserved). */
export function parseXml(text: string, preserveWhitespace = false): XmlDocument {
  const doc = new XmlDocument();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  parseInto(new XmlReader(text), doc, doc, preserveWhitespace, true);
  if (!doc.documentElement) {
    if (text.trim() === '') throw new XmlException('Root element is missing.');
    throw new XmlException('Root element is missing.');
  }
  return doc;
}

/** Parses content (InnerXml) in the context of an element, for its namespaces. */
function parseFragment(text: string, doc: XmlDocument, context: XmlNode): XmlNode[] {
  const frag = doc.createNode('DocumentFragment', '#document-fragment', '');
  frag.parent = context;
  parseInto(new XmlReader(text), frag, doc, doc.preserveWhitespace, false);
  const out = [...frag.children];
  for (const c of out) c.parent = null;
  frag.children.length = 0;
  return out;
}

function parseInto(r: XmlReader, root: XmlNode, doc: XmlDocument, preserve: boolean, isDocument: boolean): void {
  const stack: PendingElement[] = [];
  const current = () => (stack.length ? stack[stack.length - 1]!.node : root);
  const text = r.text;
  while (r.pos < text.length) {
    const lt = text.indexOf('<', r.pos);
    const end = lt < 0 ? text.length : lt;
    if (end > r.pos) {
      const raw = text.slice(r.pos, end);
      const blank = /^[ \t\r\n]*$/.test(raw);
      if (isDocument && stack.length === 0 && !blank) r.fail('Data at the root level is invalid.', r.pos + (raw.length - raw.trimStart().length));
      if (!blank) current().appendChild(doc.createNode('Text', '#text', '', r.decode(raw, r.pos)));
      else if (preserve && (stack.length > 0 || !isDocument)) current().appendChild(doc.createNode('Whitespace', '#whitespace', '', raw));
      r.pos = end;
      continue;
    }
    if (r.startsWith('<!--')) {
      const close = text.indexOf('-->', r.pos + 4);
      if (close < 0) r.fail('Unexpected end of file while parsing Comment has occurred.', text.length);
      current().appendChild(doc.createNode('Comment', '#comment', '', text.slice(r.pos + 4, close)));
      r.pos = close + 3;
    } else if (r.startsWith('<![CDATA[')) {
      if (isDocument && stack.length === 0) r.fail('Data at the root level is invalid.', r.pos);
      const close = text.indexOf(']]>', r.pos + 9);
      if (close < 0) r.fail('Unexpected end of file while parsing CDATA has occurred.', text.length);
      current().appendChild(doc.createNode('CDATA', '#cdata-section', '', text.slice(r.pos + 9, close)));
      r.pos = close + 3;
    } else if (r.startsWith('<!DOCTYPE')) {
      const start = r.pos;
      r.pos += 9;
      r.skipSpace();
      const name = r.name();
      let depth = 0;
      let i = r.pos;
      for (; i < text.length; i++) {
        if (text[i] === '[') depth++;
        else if (text[i] === ']') depth--;
        else if (text[i] === '>' && depth === 0) break;
      }
      if (i >= text.length) r.fail('Unexpected end of file has occurred.', text.length);
      current().appendChild(doc.createNode('DocumentType', name, '', text.slice(r.pos, i).trim() || null));
      r.pos = i + 1;
      void start;
    } else if (r.startsWith('<?')) {
      const start = r.pos;
      r.pos += 2;
      const target = r.name();
      const close = text.indexOf('?>', r.pos);
      if (close < 0) r.fail('Unexpected end of file has occurred.', text.length);
      const body = text.slice(r.pos, close).trim();
      if (target.toLowerCase() === 'xml') {
        if (start !== 0 || !isDocument || root.children.length) r.fail('Unexpected XML declaration. The XML declaration must be the first node in the document, and no white space characters are allowed to appear before it.', start + 2);
        current().appendChild(doc.createNode('XmlDeclaration', 'xml', '', normalizeDeclaration(body)));
      } else current().appendChild(doc.createNode('ProcessingInstruction', target, '', body));
      r.pos = close + 2;
    } else if (r.startsWith('</')) {
      const at = r.pos;
      r.pos += 2;
      const name = r.name();
      r.skipSpace();
      if (text[r.pos] !== '>') r.fail(`'${text[r.pos] ?? ''}' is an unexpected token. The expected token is '>'.`);
      r.pos++;
      const open = stack.pop();
      if (!open) r.fail(isDocument ? 'Data at the root level is invalid.' : `Unexpected end tag.`, at + 1);
      if (open.node.qname !== name) {
        const [l, c] = r.where(open.start + 1);
        r.fail(`The '${open.node.qname}' start tag on line ${l} position ${c} does not match the end tag of '${name}'.`, at + 2);
      }
    } else {
      const start = r.pos;
      r.pos++;
      if (isDocument && stack.length === 0 && doc.documentElement && root === doc) r.fail('There are multiple root elements.', r.pos);
      const qname = r.name();
      const rawAttrs: { name: string; value: string }[] = [];
      for (;;) {
        const spaced = r.skipSpace();
        const ch = text[r.pos];
        if (ch === undefined) r.fail('Unexpected end of file has occurred.');
        if (ch === '>' || (ch === '/' && text[r.pos + 1] === '>')) break;
        if (!spaced) r.fail(`'${ch}' is an unexpected token. The expected token is '>' or '/>'.`);
        const an = r.name();
        r.skipSpace();
        if (text[r.pos] !== '=') r.fail(`'${text[r.pos] ?? ''}' is an unexpected token. The expected token is '='.`);
        r.pos++;
        r.skipSpace();
        const q = text[r.pos];
        if (q !== '"' && q !== "'") r.fail(`'${q ?? ''}' is an unexpected token. The expected token is '"' or '''.`);
        const close = text.indexOf(q, r.pos + 1);
        if (close < 0) r.fail('Unexpected end of file has occurred.', text.length);
        const raw = text.slice(r.pos + 1, close);
        if (raw.includes('<')) r.fail(`'<', hexadecimal value 0x3C, is an invalid attribute character.`, r.pos + 1 + raw.indexOf('<'));
        if (rawAttrs.some((a) => a.name === an)) r.fail(`'${an}' is a duplicate attribute name.`, r.pos);
        rawAttrs.push({ name: an, value: r.decode(raw, r.pos + 1).replace(/[\r\n\t]/g, ' ') });
        r.pos = close + 1;
      }
      const selfClosing = text[r.pos] === '/';
      r.pos += selfClosing ? 2 : 1;
      const parent = current();
      // Namespaces: this element's own declarations first, then the ones in scope.
      const lookup = (prefix: string | null, forAttr: boolean): string | undefined => {
        if (prefix === 'xml') return XML_URI;
        if (prefix === 'xmlns' || (!prefix && forAttr)) return forAttr && !prefix ? '' : XMLNS_URI;
        const own = rawAttrs.find((a) => (prefix ? a.name === `xmlns:${prefix}` : a.name === 'xmlns'));
        if (own) return own.value;
        return parent.lookupNamespace(prefix);
      };
      const prefixOf = (n: string) => (n.includes(':') ? n.slice(0, n.indexOf(':')) : null);
      const ns = lookup(prefixOf(qname), false);
      if (ns === undefined) r.fail(`'${prefixOf(qname)}' is an undeclared prefix.`, start + 1);
      const el = doc.createNode('Element', qname, ns);
      for (const a of rawAttrs) {
        const attrNs = a.name === 'xmlns' ? XMLNS_URI : lookup(prefixOf(a.name), true);
        if (attrNs === undefined) r.fail(`'${prefixOf(a.name)}' is an undeclared prefix.`, start + 1);
        const an = doc.createNode('Attribute', a.name, attrNs, a.value);
        an.parent = el;
        el.attrs.push(an);
      }
      parent.appendChild(el);
      if (!selfClosing) stack.push({ node: el, start });
    }
  }
  if (stack.length) {
    const open = stack.map((s) => s.node.qname).reverse().join(', ');
    r.fail(`Unexpected end of file has occurred. The following elements are not closed: ${open}.`, text.length);
  }
}

function normalizeDeclaration(body: string): string {
  const parts: string[] = [];
  for (const key of ['version', 'encoding', 'standalone']) {
    const v = declarationPart(body, key);
    if (v) parts.push(`${key}="${v}"`);
  }
  return parts.join(' ');
}

/** `[xml]'...'`: a document from text, with .NET's XmlException text on failure. */
export function xmlDocumentFrom(text: string): XmlDocument {
  return parseXml(text);
}
