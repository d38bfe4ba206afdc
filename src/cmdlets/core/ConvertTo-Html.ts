// ConvertTo-Html: objects as lines of an XHTML page (or a fragment), written as they come: the
// page head at the start, a header row from the first object's properties, one row per object
// (or a two-column block per object with -As List), and the closing tags at the end.

import { ALL_SETS, defineCmdlet, stateKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { calculatedPropertyKey } from '../../format/index.js';
import { propertyNames, propertyValue, valueToString } from '../../format/display.js';
import { PSHashtable, ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { compileWildcard, hasWildcard } from '../../protocol/wildcard.js';

/** One -Property entry: a name (maybe a wildcard) or a script block, with its HTML options. */
interface HtmlProperty {
  source: string | ScriptBlockValue;
  label?: string;
  width?: string;
  alignment?: string;
}

/** A column once names are resolved against the first object. */
interface HtmlColumn extends HtmlProperty {
  header: string;
}

const HTML_KEYS = ['Expression', 'Label', 'Alignment', 'Width'];

interface HtmlState {
  properties: HtmlProperty[];
  columns?: HtmlColumn[];
  count: number;
}
const STATE = stateKey<HtmlState>('ConvertTo-Html');

function badProperty(ctx: CmdletContext, message: string, errorId: string): never {
  throw new TerminatingError(ctx.error({ message, errorId, category: 'InvalidArgument', exceptionType: 'NotSupportedException' }));
}

/** -Property values as 5.1's ConvertTo-Html reads them (keys: Expression, Label, Alignment, Width — strings). */
function parseHtmlProperties(args: unknown[] | null | undefined, ctx: CmdletContext): HtmlProperty[] {
  if (!args) return [{ source: '*' }];
  return args.map((arg): HtmlProperty => {
    if (arg instanceof ScriptBlockValue) return { source: arg };
    if (!(arg instanceof PSHashtable)) return { source: toDisplayText(arg) };
    const p: Partial<HtmlProperty> = {};
    for (const [k, v] of arg.entries()) {
      const key = calculatedPropertyKey(String(k), HTML_KEYS) ?? badProperty(ctx, `Illegal key ${String(k)}`, 'DictionaryKeyIllegal');
      if (key === 'Expression') {
        p.source = v instanceof ScriptBlockValue ? v : toDisplayText(v);
        continue;
      }
      if (typeof v !== 'string') {
        const type = v === null || v === undefined ? 'null' : typeof v === 'number' ? 'System.Int32' : 'System.Object';
        badProperty(ctx, `The "${String(k)}" key has a type, ${type}, that is not valid; it must be of type System.String.`, 'DictionaryKeyIllegalValue1');
      }
      if (key === 'Label') p.label = v;
      else if (key === 'Width') p.width = v;
      else p.alignment = v;
    }
    if (p.source === undefined) badProperty(ctx, 'Missing mandatory key Expression', 'DictionaryKeyMissingExpression');
    return { ...p, source: p.source };
  });
}

/** Names resolved against the first object: wildcards expand, a name it lacks is left out. */
function resolveColumns(props: HtmlProperty[], obj: unknown): HtmlColumn[] {
  const names = propertyNames(obj);
  return props.flatMap((p): HtmlColumn[] => {
    if (p.source instanceof ScriptBlockValue) return [{ ...p, header: p.label ?? p.source.text }];
    const src = p.source;
    const matched = hasWildcard(src) ? names.filter((n) => compileWildcard(src).test(n)) : names.filter((n) => n.toLowerCase() === src.toLowerCase());
    return matched.map((n) => ({ ...p, source: n, header: p.label ?? n }));
  });
}

/** WebUtility.HtmlEncode: the five markup characters as entities. */
function htmlEncode(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

async function cellText(col: HtmlColumn, obj: unknown, ctx: CmdletContext): Promise<string> {
  if (typeof col.source === 'string') return htmlEncode(valueToString(propertyValue(obj, col.source)));
  let out: unknown[];
  try {
    out = await ctx.invoke(col.source, { dollarUnder: obj });
  } catch {
    return '';
  }
  return out.map((v) => htmlEncode(valueToString(v))).join(', ');
}

export default defineCmdlet({
  name: 'ConvertTo-Html',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts Microsoft .NET Framework objects into HTML that can be displayed in a Web browser.',
  description:
    'The ConvertTo-Html cmdlet writes the lines of an XHTML page showing the input objects as a table ' +
    '(a header row of property names, then one row per object) or, with -As List, as a two-column ' +
    'table of names and values per object. -Fragment writes only the <table>. -Title, -Head, -Body, ' +
    '-CssUri, -PreContent and -PostContent add to the page. Values are HTML-encoded. Write the result ' +
    'to a file with Out-File or Set-Content.',
  defaultParameterSet: 'Page',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the objects to show. Usually piped in.',
    },
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to include, in order (wildcards allowed). A script block or a hash table with Expression, Label, Width and Alignment keys adds a calculated property.',
    },
    Body: {
      type: 'String[]',
      sets: { Page: { position: 1 } },
      help: 'Specifies text added after the opening <body> tag.',
    },
    Head: {
      type: 'String[]',
      sets: { Page: { position: 2 } },
      help: 'Specifies the content of the <head> tag, replacing the <title>.',
    },
    Title: {
      type: 'String',
      sets: { Page: { position: 3 } },
      help: 'Specifies the page title.',
      default: 'HTML TABLE',
    },
    As: {
      type: 'String',
      validateSet: ['Table', 'List'],
      validateNotNullOrEmpty: true,
      help: 'Specifies whether objects are shown as a table (the default) or as a list.',
      default: 'Table',
    },
    CssUri: {
      type: 'String',
      netType: 'System.Uri',
      aliases: ['cu', 'uri'],
      validateNotNullOrEmpty: true,
      sets: { Page: {} },
      help: 'Specifies the URI of a cascading style sheet linked from the page head.',
    },
    Fragment: {
      type: 'Switch',
      sets: { Fragment: {} },
      help: 'Writes only the <table> element, with no page around it.',
    },
    PostContent: { type: 'String[]', validateNotNullOrEmpty: true, help: 'Specifies text added after the closing </table> tag.' },
    PreContent: { type: 'String[]', validateNotNullOrEmpty: true, help: 'Specifies text added before the opening <table> tag.' },
  },
  outputType: ['System.String'],
  examples: [
    {
      code: "[pscustomobject]@{Name='ex01'; Role='Mailbox'} | ConvertTo-Html -Fragment",
      remarks: 'An HTML table of one object.',
      shows: '<table>\n<colgroup><col/><col/></colgroup>\n<tr><th>Name</th><th>Role</th></tr>\n<tr><td>ex01</td><td>Mailbox</td></tr>\n</table>',
    },
    {
      code: "[pscustomobject]@{Name='ex01'; Role='Mailbox'} | ConvertTo-Html -As List -Title Servers | Select-Object -Index 3",
      remarks: 'A page whose title is Servers.',
      shows: '<title>Servers</title>',
    },
  ],
  related: ['ConvertTo-Csv', 'ConvertTo-Json', 'Out-File'],
  begin(params, ctx) {
    const state = ctx.runState(STATE, () => ({ properties: [], count: 0 }));
    state.properties = parseHtmlProperties(params.Property, ctx);
    if (!params.Fragment) {
      ctx.write('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">');
      ctx.write('<html xmlns="http://www.w3.org/1999/xhtml">');
      ctx.write('<head>');
      ctx.write(params.Head ?? [`<title>${params.Title ?? ''}</title>`], true);
      if (params.CssUri) ctx.write(`<link rel="stylesheet" type="text/css" href="${params.CssUri}" />`);
      ctx.write('</head><body>');
      if (params.Body) ctx.write(params.Body, true);
    }
    if (params.PreContent) ctx.write(params.PreContent, true);
    ctx.write('<table>');
  },
  async process(params, ctx) {
    const obj = params.InputObject;
    if (obj === null || obj === undefined) return;
    const state = ctx.runState(STATE, () => ({ properties: [{ source: '*' }], count: 0 }));
    state.count++;
    const list = params.As?.toLowerCase() === 'list';
    if (!state.columns) {
      const columns = resolveColumns(state.properties, obj);
      if (columns.length === 0) return;
      if (list) {
        // Each object of a list is resolved on its own; a rule separates the objects.
        if (state.count > 1) ctx.write('<tr><td><hr></td></tr>');
        for (const col of columns) ctx.write(`<tr><td>${col.header}:</td><td>${await cellText(col, obj, ctx)}</td></tr>`);
        return;
      }
      state.columns = columns;
      const cols = columns.map((c) => `<col${c.width !== undefined ? ` width = "${c.width}"` : ''}${c.alignment !== undefined ? ` align = "${c.alignment}"` : ''}/>`);
      ctx.write(`<colgroup>${cols.join('')}</colgroup>`);
      ctx.write(`<tr>${columns.map((c) => `<th>${c.header}</th>`).join('')}</tr>`);
    }
    const cells: string[] = [];
    for (const col of state.columns) cells.push(`<td>${await cellText(col, obj, ctx)}</td>`);
    ctx.write(`<tr>${cells.join('')}</tr>`);
  },
  end(params, ctx) {
    ctx.write('</table>');
    if (params.PostContent) ctx.write(params.PostContent, true);
    if (!params.Fragment) ctx.write('</body></html>');
  },
});
