// Select-Xml: runs an XPath query over XML documents, files or text and writes a SelectXmlInfo
// (Node, Path, Pattern) for each node found. Files are read with white space kept, as 5.1 does.

import { defineCmdlet, ALL_SETS, type CmdletContext } from '../../protocol/cmdlet.js';
import { convertTo, registerTypeName } from '../../protocol/convert.js';
import { TerminatingError } from '../../protocol/errors.js';
import { PSHashtable, PSObject, toDisplayText } from '../../protocol/values.js';
import { XmlNode, parseXml, XmlException, type NamespaceResolver } from '../../protocol/xml-dom.js';
import { XPathException } from '../../protocol/xml-xpath.js';
import { commandError, decodeText, expandPath } from './file-common.js';
import { hasWildcard } from '../../protocol/wildcard.js';

const SELECT_XML_INFO = 'Microsoft.PowerShell.Commands.SelectXmlInfo';
const INPUT_STREAM = 'InputStream';
registerTypeName(SELECT_XML_INFO);

/** SelectXmlInfo.ToString(): the node's Value (or InnerXml) trimmed, with `:path` for files. */
function selectXmlText(node: XmlNode, path: string): string {
  const text = (node.value ?? node.innerXml).trim();
  return path === INPUT_STREAM ? text : `${text}:${path}`;
}

function selectXmlInfo(node: XmlNode, path: string, pattern: string): PSObject {
  const o = new PSObject([SELECT_XML_INFO, 'System.Object']);
  o.addProperty({ name: 'Node', memberType: 'Property', typeName: 'System.Xml.XmlNode', get: () => node });
  o.addProperty({ name: 'Path', memberType: 'Property', typeName: 'System.String', get: () => path });
  o.addProperty({ name: 'Pattern', memberType: 'Property', typeName: 'System.String', get: () => pattern });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => selectXmlText(node, path) });
  return o;
}

/** -Namespace as an XmlNamespaceManager: a null prefix or URI is PrefixError (non-terminating). */
function namespaces(ctx: CmdletContext, table: PSHashtable | undefined): NamespaceResolver | undefined {
  if (!table) return undefined;
  const map = new Map<string, string>();
  for (const [k, v] of table.entries()) {
    if (k === null || k === undefined || v === null || v === undefined) {
      ctx.writeError(
        ctx.error({
          message: 'This command cannot be run because the prefix value in the Namespace parameter is null. Provide a valid value for the prefix, and then run the command again.',
          errorId: 'PrefixError',
          category: 'InvalidOperation',
          exceptionType: 'InvalidOperationException',
          targetObject: table,
        }),
      );
      continue;
    }
    map.set(toDisplayText(k), toDisplayText(v));
  }
  return { lookup: (prefix) => map.get(prefix) };
}

function run(ctx: CmdletContext, node: XmlNode, path: string, xpath: string, ns: NamespaceResolver | undefined): void {
  let found: XmlNode[];
  try {
    found = node.selectNodes(xpath, ns);
  } catch (e) {
    if (!(e instanceof XPathException)) throw e;
    ctx.fail(ctx.error({ message: e.message, errorId: 'System.Xml.XPath.XPathException', category: 'NotSpecified', exceptionType: 'XPathException', targetObject: xpath }));
  }
  for (const n of found) ctx.write(selectXmlInfo(n, path, xpath));
}

/** The drive letter paths the FileSystem provider serves; other qualifiers (env:, variable:) are providers that cannot open files. */
const PROVIDERS: Record<string, string> = {
  env: 'Environment',
  variable: 'Variable',
  function: 'Function',
  alias: 'Alias',
  cert: 'Certificate',
  hklm: 'Registry',
  hkcu: 'Registry',
  wsman: 'WSMan',
};

function fileRead(ctx: CmdletContext, path: string, reason: string): void {
  ctx.writeError(
    ctx.error({ message: `The file '${path}' cannot be read: ${reason}`, errorId: 'ProcessingFile', category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: path }),
  );
}

function processFiles(ctx: CmdletContext, paths: (string | null)[], literal: boolean, xpath: string, table: PSHashtable | undefined): void {
  const location = ctx.session.getLocation();
  const files: string[] = [];
  for (const p of paths) {
    if (p === null) continue;
    const qualifier = /^([A-Za-z][\w]+):/.exec(p)?.[1]?.toLowerCase();
    const provider = qualifier && qualifier !== 'testdrive' ? PROVIDERS[qualifier] : undefined;
    if (provider) {
      ctx.writeError(
        ctx.error({
          message: `Cannot open the file because the current provider (Microsoft.PowerShell.Core\\${provider}) cannot open files.`,
          errorId: 'ProcessingFile',
          category: 'InvalidOperation',
          exceptionType: 'InvalidOperationException',
          targetObject: p,
        }),
      );
      continue;
    }
    try {
      const resolved = literal ? [ctx.fs.resolve(p, location)] : expandPath(ctx.fs, p, location);
      if (!literal && !hasWildcard(p) && resolved.every((r) => !ctx.fs.exists(r))) {
        ctx.writeError(
          ctx.error({ message: `Cannot find path '${resolved[0]?.display ?? p}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound', exceptionType: 'ItemNotFoundException', targetObject: p }),
        );
        continue;
      }
      files.push(...resolved.map((r) => r.display));
    } catch (e) {
      ctx.writeError(commandError(ctx, e));
    }
  }
  const ns = namespaces(ctx, table);
  for (const file of files) {
    let doc: XmlNode;
    try {
      doc = parseXml(decodeText(ctx.fs.readBytes(ctx.fs.resolve(file, location))), true);
    } catch (e) {
      if (e instanceof XmlException) fileRead(ctx, file, e.message);
      else if (e instanceof TerminatingError) fileRead(ctx, file, e.record.message);
      else throw e;
      continue;
    }
    run(ctx, doc, file, xpath, ns);
  }
}

export default defineCmdlet({
  name: 'Select-Xml',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Finds text in an XML string or document.',
  description:
    'The Select-Xml cmdlet runs an XPath query on XML documents (-Xml, or [xml] objects piped in), on XML ' +
    'files (-Path, -LiteralPath) or on XML text (-Content), and writes a SelectXmlInfo object for each node ' +
    'found: Node (the XmlNode), Path (the file, or InputStream) and Pattern (the query). -Namespace gives the ' +
    'prefixes the query uses, as a hash table of prefix = namespace URI.',
  defaultParameterSet: 'Xml',
  parameters: {
    XPath: {
      type: 'String',
      validateNotNullOrEmpty: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true } },
      help: 'Specifies an XPath query (XPath 1.0).',
    },
    Xml: {
      type: 'Object',
      convertTo: 'System.Xml.XmlNode[]',
      netType: 'System.Xml.XmlNode[]',
      aliases: ['Node'],
      validateNotNullOrEmpty: true,
      sets: { Xml: { position: 1, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies one or more XML nodes (an [xml] document, or nodes from one).',
    },
    Path: {
      type: 'String[]',
      validateNotNullOrEmpty: true,
      sets: { Path: { position: 1, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the XML files to search. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath', 'LP'],
      validateNotNullOrEmpty: true,
      sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the XML files to search, used exactly as typed.',
    },
    Content: {
      type: 'String[]',
      validateNotNullOrEmpty: true,
      sets: { Content: { mandatory: true, fromPipeline: true } },
      help: 'Specifies strings that hold XML.',
    },
    Namespace: {
      type: 'Hashtable',
      validateNotNullOrEmpty: true,
      help: 'Specifies the namespaces the XPath query uses: a hash table of prefix = namespace URI.',
    },
  },
  outputType: [SELECT_XML_INFO],
  examples: [
    {
      code: "Select-Xml -Content '<users><user name=\"ann\"/><user name=\"bob\"/></users>' -XPath '//user/@name' | ForEach-Object { $_.Node.Value }",
      remarks: 'Selects the name attribute of every user element.',
      shows: 'ann\nbob',
    },
    {
      setup: "Set-Content C:\\servers.xml '<servers><server role=\"Edge\">EDGE01</server></servers>'",
      code: "Select-Xml -Path C:\\servers.xml -XPath \"//server[@role='Edge']\" | ForEach-Object ToString",
      remarks: 'Searches a file; ToString() gives the node text and the file.',
      shows: 'EDGE01:C:\\servers.xml',
    },
    {
      code: "[xml]$x = '<a xmlns=\"urn:demo\"><b>hello</b></a>'; (Select-Xml -Xml $x -XPath '//d:b' -Namespace @{d='urn:demo'}).ToString()",
      remarks: 'A query over a document with a default namespace needs a prefix for it.',
      shows: 'hello',
    },
  ],
  related: ['ConvertTo-Xml', 'Select-String'],
  process(params, ctx) {
    const xpath = params.XPath;
    switch (ctx.parameterSetName) {
      case 'Xml': {
        const ns = namespaces(ctx, params.Namespace ?? undefined);
        const nodes = Array.isArray(params.Xml) ? params.Xml : [params.Xml];
        for (const node of nodes) if (node instanceof XmlNode) run(ctx, node, INPUT_STREAM, xpath, ns);
        return;
      }
      case 'Path':
        processFiles(ctx, params.Path ?? [], false, xpath, params.Namespace ?? undefined);
        return;
      case 'LiteralPath':
        processFiles(ctx, params.LiteralPath ?? [], true, xpath, params.Namespace ?? undefined);
        return;
      case 'Content': {
        const ns = namespaces(ctx, params.Namespace ?? undefined);
        for (const text of params.Content ?? []) {
          let doc: unknown;
          try {
            doc = convertTo(text, 'System.Xml.XmlDocument');
          } catch (e) {
            if (!(e instanceof TerminatingError)) throw e;
            ctx.writeError(ctx.error({ message: e.record.message, errorId: e.record.errorId, category: e.record.category, exceptionType: 'PSInvalidCastException', targetObject: text }));
            continue;
          }
          if (doc instanceof XmlNode) run(ctx, doc, INPUT_STREAM, xpath, ns);
        }
      }
    }
  },
});
