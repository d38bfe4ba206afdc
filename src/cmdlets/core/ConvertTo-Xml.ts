// ConvertTo-Xml: objects as an XML document of <Objects><Object Type=...><Property Name=... Type=...>,
// returned as an XmlDocument (default), one string (-As String) or a stream of strings (-As Stream).

import { defineCmdlet, stateKey, madeInBegin } from '../../protocol/cmdlet.js';
import { EnumValue, PSHashtable, PSObject, typeNamesOf, toDisplayText } from '../../protocol/values.js';
import { PSChar, isNumeric } from '../../protocol/numbers.js';
import { XmlDocument, XmlNode, indentedXml } from '../../protocol/xml-dom.js';

const DECLARATION = 'version="1.0" encoding="utf-8"';
const MEMBER_CLASS: Record<string, string> = {
  NoteProperty: 'PSNoteProperty',
  Property: 'PSProperty',
  ScriptProperty: 'PSScriptProperty',
  AliasProperty: 'PSAliasProperty',
};

function isPrimitive(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || isNumeric(v) || v instanceof PSChar || v instanceof Date || v instanceof EnumValue ||
    (v instanceof PSObject && ['System.TimeSpan', 'System.Guid'].includes(v.typeNames[0] ?? ''));
}

function typeOf(v: unknown): string {
  return typeNamesOf(v).find((t) => !t.includes('#')) ?? 'System.Object';
}

class XmlBuilder {
  constructor(
    readonly doc: XmlDocument,
    readonly typed: boolean,
  ) {}

  element(name: string, attrs: [string, string][], text?: string): XmlNode {
    const e = this.doc.createNode('Element', name, '');
    for (const [k, v] of attrs) {
      if (k === 'Type' && !this.typed) continue;
      const a = this.doc.createNode('Attribute', k, '', v);
      a.parent = e;
      e.attrs.push(a);
    }
    if (text !== undefined && text !== '') e.appendChild(this.doc.createNode('Text', '#text', '', text));
    return e;
  }

  /** The content of an <Object> or <Property> for a value with `depth` levels left. */
  fill(parent: XmlNode, v: unknown, depth: number): void {
    if (v === null || v === undefined) return;
    if (isPrimitive(v)) {
      parent.appendChild(this.doc.createNode('Text', '#text', '', toDisplayText(v)));
      return;
    }
    if (v instanceof PSHashtable) {
      for (const [k, val] of v.entries()) {
        parent.appendChild(this.property('Key', k, depth - 1));
        parent.appendChild(this.property('Value', val, depth - 1));
      }
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) parent.appendChild(this.property(undefined, item, depth - 1));
      return;
    }
    if (v instanceof PSObject) {
      if (depth <= 0) {
        // No depth left: the object's text, then each property as its member type with the value's text.
        parent.appendChild(this.element('Property', [['Type', 'System.String']], toDisplayText(v)));
        for (const p of v.properties()) {
          parent.appendChild(this.element('Property', [['Name', p.name], ['Type', `System.Management.Automation.${MEMBER_CLASS[p.memberType] ?? 'PSProperty'}`]], toDisplayText(p.get())));
        }
        return;
      }
      for (const p of v.properties()) parent.appendChild(this.property(p.name, p.get(), depth - 1));
      return;
    }
    parent.appendChild(this.doc.createNode('Text', '#text', '', toDisplayText(v)));
  }

  property(name: string | undefined, v: unknown, depth: number): XmlNode {
    const attrs: [string, string][] = name === undefined ? [] : [['Name', name]];
    if (v !== null && v !== undefined) attrs.push(['Type', typeOf(v)]);
    const e = this.element('Property', attrs);
    this.fill(e, v, depth);
    return e;
  }

  object(v: unknown, depth: number): XmlNode {
    const e = this.element('Object', v === null || v === undefined ? [] : [['Type', typeOf(v)]]);
    this.fill(e, v, depth);
    return e;
  }
}

const STATE = stateKey<{ doc: XmlDocument; root: XmlNode; builder: XmlBuilder }>('ConvertTo-Xml');

export default defineCmdlet({
  name: 'ConvertTo-Xml',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates an XML-based representation of an object.',
  description:
    'The ConvertTo-Xml cmdlet writes objects as XML: an <Objects> element with an <Object> per input object, ' +
    'its type in a Type attribute and each property as a <Property Name=... Type=...> element, nested down to ' +
    '-Depth levels (default 1). -As Document (the default) returns an XmlDocument, -As String one indented ' +
    'string and -As Stream the lines one by one. -NoTypeInformation leaves the Type attributes out.',
  parameters: {
    InputObject: {
      type: 'PSObject',
      allowNull: true,
      sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the objects to convert.',
    },
    Depth: { type: 'Int32', validateRange: [1, 2147483647], default: 1, help: 'Specifies how many levels of contained objects are included. Default: 1.' },
    NoTypeInformation: { type: 'Switch', help: 'Omits the Type attributes.' },
    As: {
      type: 'String',
      validateSet: ['Stream', 'String', 'Document'],
      default: 'Document',
      help: 'Specifies the output: Document (an XmlDocument), String (one string) or Stream (a string per line of the document).',
    },
  },
  outputType: ['System.Xml.XmlDocument', 'System.String'],
  examples: [
    {
      code: "([pscustomobject]@{Name='EX01'; Port=25} | ConvertTo-Xml -NoTypeInformation).OuterXml",
      remarks: 'Converts an object and shows the XML.',
      shows: '<?xml version="1.0" encoding="utf-8"?><Objects><Object><Property Name="Name">EX01</Property><Property Name="Port">25</Property></Object></Objects>',
    },
    {
      code: "'EX01' | ConvertTo-Xml -As String",
      remarks: 'Returns the document as indented text.',
      shows: '<Object Type="System.String">EX01</Object>',
    },
  ],
  related: ['Export-Clixml', 'Select-Xml'],
  begin(params, ctx) {
    const doc = new XmlDocument();
    doc.appendChild(doc.createNode('XmlDeclaration', 'xml', '', DECLARATION));
    const root = doc.appendChild(doc.createNode('Element', 'Objects', ''));
    ctx.runState(STATE, () => ({ doc, root, builder: new XmlBuilder(doc, !params.NoTypeInformation) }));
    if (params.As === 'Stream') {
      ctx.write(`<?xml ${DECLARATION}?>`);
      ctx.write('<Objects>');
    }
  },
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const st = ctx.runState(STATE, madeInBegin);
    const node = st.builder.object(params.InputObject, params.Depth);
    if (params.As === 'Stream') ctx.write(indentedXml(node, '\r\n'));
    else st.root.appendChild(node);
  },
  end(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    if (params.As === 'Stream') ctx.write('</Objects>');
    else if (params.As === 'String') ctx.write(indentedXml(st.doc, '\r\n'));
    else ctx.write(st.doc);
  },
});
